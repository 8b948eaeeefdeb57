package org.unionassist;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.unionassist.hardship.HardshipCaseRepository;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The default H2 file database keeps cases, tasks and the demo organisation across a restart. */
class DataSurvivesRestartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(UnionAssistApplication.class)
                .profiles("demo")
                .properties("server.port=0",
                        "spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("union-assist").toAbsolutePath(),
                        "camunda.bpm.job-execution.enabled=false",
                        "camunda.bpm.generate-unique-process-engine-name=true",
                        "camunda.bpm.generate-unique-process-application-name=true",
                        "spring.jmx.enabled=false",
                        // coverage is recorded by Spring test listeners, which a hand-started app does not have
                        "spring.autoconfigure.exclude=org.camunda.community.process_test_coverage.spring_test"
                                + ".platform7.ProcessEngineCoverageConfiguration")
                .run();
    }

    @Test
    void aCaseStartedBeforeARestartIsStillThereAfterIt() {
        String processInstanceId;
        try (ConfigurableApplicationContext first = start()) {
            CaseDriver driver = new CaseDriver(first.getBean(ProcessEngine.class));
            ProcessInstance pi = driver.apply("eaststeel.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
            processInstanceId = pi.getId();
        }
        try (ConfigurableApplicationContext second = start()) {
            ProcessEngine engine = second.getBean(ProcessEngine.class);
            assertThat(engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                    .taskDefinitionKey("homeVisit").count()).isEqualTo(1);
            assertThat(second.getBean(HardshipCaseRepository.class).findByProcessInstanceId(processInstanceId))
                    .isPresent();
            assertThat(engine.getIdentityService().createUserQuery().userId("eaststeel.clerk").count()).isEqualTo(1);
            assertThat(engine.getFilterService().createFilterQuery().filterName("我的待办").count()).isEqualTo(1);
            assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn("eaststeel-clerk")
                    .resourceId("hardshipVerification").count()).isEqualTo(1);
        }
    }
}
