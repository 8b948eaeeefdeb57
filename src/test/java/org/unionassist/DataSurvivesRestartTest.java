package org.unionassist;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.unionassist.hardship.HardshipCaseRepository;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default H2 file database keeps cases, tasks and the demo organisation across a restart. Runs on a random port
 * and its own temporary directory only: the settings are command-line arguments, which override application.yml
 * (the builder's {@code properties(...)} are defaults, which application.yml would override).
 */
@Tag("h2-only")
class DataSurvivesRestartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(UnionAssistApplication.class)
                .profiles("demo")
                .run("--server.port=0",
                        "--spring.datasource.url=" + CrashSafetyTest.defaultDatabaseUrlIn(dataDir),
                        "--camunda.bpm.job-execution.enabled=false",
                        "--camunda.bpm.generate-unique-process-engine-name=true",
                        "--camunda.bpm.generate-unique-process-application-name=true",
                        "--spring.jmx.enabled=false",
                        // coverage is recorded by Spring test listeners, which a hand-started app does not have
                        "--spring.autoconfigure.exclude=org.camunda.community.process_test_coverage.spring_test"
                                + ".platform7.ProcessEngineCoverageConfiguration");
    }

    private static int portOf(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @Test
    void aCaseStartedBeforeARestartIsStillThereAfterIt() {
        String processInstanceId;
        try (ConfigurableApplicationContext first = start()) {
            CaseDriver driver = new CaseDriver(first.getBean(ProcessEngine.class));
            ProcessInstance pi = driver.apply("eaststeel.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
            processInstanceId = pi.getId();
            assertThat(dataDir.resolve("union-assist.mv.db")).as("the database lives in the test's directory")
                    .isRegularFile();
            assertThat(portOf(first)).isPositive().isNotEqualTo(8080);
        }
        try (ConfigurableApplicationContext second = start()) {
            assertThat(portOf(second)).isPositive().isNotEqualTo(8080);
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
