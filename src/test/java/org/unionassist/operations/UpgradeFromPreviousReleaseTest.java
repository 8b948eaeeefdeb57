package org.unionassist.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.unionassist.casework.register.CaseEntry;
import org.unionassist.casework.register.CaseEntryRepository;
import org.unionassist.casework.register.CaseOutcome;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.unionassist.UnionAssistApplication;
import org.unionassist.audit.AuditChain;
import org.unionassist.casework.signoff.SignOffRepository;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.TestDatabases;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An installation of the previous release (its schema: the project's migrations up to V10, and Camunda 7.24's tables)
 * with cases under way is upgraded by starting this release on it: the newer migrations run, and the cases go on
 * where they stood, their sign-offs kept. Runs on H2, and in the PostgreSQL run on PostgreSQL.
 */
class UpgradeFromPreviousReleaseTest {

    /** The last migration of the previous release. */
    private static final String PREVIOUS_RELEASE = "10";

    private final String database = "jdbc:h2:mem:union-assist-upgrade-" + UUID.randomUUID().toString().substring(0, 8)
            + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";

    private ConfigurableApplicationContext start(String... more) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + database,
                "--camunda.bpm.job-execution.enabled=false",
                "--camunda.bpm.generate-unique-process-engine-name=true",
                "--camunda.bpm.generate-unique-process-application-name=true", "--spring.jmx.enabled=false",
                "--spring.autoconfigure.exclude=org.camunda.community.process_test_coverage.spring_test"
                        + ".platform7.ProcessEngineCoverageConfiguration"));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(UnionAssistApplication.class).profiles("demo")
                .run(arguments.toArray(String[]::new));
    }

    @Test
    void casesUnderWayOnThePreviousReleaseGoOnAfterTheUpgrade() {
        ProcessInstance atDistrict;
        ProcessInstance justFiled;
        JdbcTemplate db = new JdbcTemplate(TestDatabases.sameAs(database));
        ProcessInstance rejected;
        // the previous release had no case register (V13), no entity for it and nothing that wrote it, and no
        // education quotas (V15) for the demo to set
        try (ConfigurableApplicationContext previous = start("--spring.flyway.target=" + PREVIOUS_RELEASE,
                "--union-assist.audit.case-register=false", "--union-assist.demo.education-quotas=false",
                "--spring.jpa.hibernate.ddl-auto=none")) {
            CaseDriver driver = new CaseDriver(previous.getBean(ProcessEngine.class));
            atDistrict = driver.caseAtDistrict("eaststeel", IdNumbers.next());
            justFiled = driver.apply("westtextile.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
            rejected = driver.apply("eaststreet.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
            driver.complete(rejected, "homeVisit", "eaststreet.clerk", CaseDriver.visitOf("submit", null, "入户核实"));
            driver.complete(rejected, "grassrootsReview", "eaststreet.chair", "reject", "家庭收入明显高于申报");
        }
        assertThat(db.queryForObject("select max(cast(\"version\" as int)) from \"ua_schema_history\" where \"success\"",
                Integer.class)).as("the previous release's schema").isEqualTo(Integer.parseInt(PREVIOUS_RELEASE));
        int signOffsBefore = db.queryForObject("select count(*) from ua_sign_off", Integer.class);

        try (ConfigurableApplicationContext upgraded = start()) {
            assertThat(db.queryForList("select \"version\" from \"ua_schema_history\" where cast(\"version\" as int) > ?"
                    + " and \"success\"", String.class, Integer.parseInt(PREVIOUS_RELEASE))).as("migrations run")
                    .isNotEmpty();
            assertThat(db.queryForObject("select count(*) from ua_sign_off", Integer.class)).isEqualTo(signOffsBefore);
            CaseDriver driver = new CaseDriver(upgraded.getBean(ProcessEngine.class));
            CaseEntryRepository register = upgraded.getBean(CaseEntryRepository.class);
            CaseEntry finishedBefore = register.findById(rejected.getId()).orElseThrow(
                    () -> new AssertionError("a case finished before the upgrade is in the auditors' register"));
            assertThat(finishedBefore.getOutcome()).isEqualTo(CaseOutcome.REJECTED);
            assertThat(finishedBefore.getOutcomeLabel()).isEqualTo("不予认定");
            assertThat(finishedBefore.getCaseNumber()).startsWith("KN");
            assertThat(finishedBefore.getDistrictUnionId()).isEqualTo("east");
            assertThat(finishedBefore.getApplicantMasked()).isEqualTo("王**");
            assertThat(register.findById(atDistrict.getId()).orElseThrow().getCurrentStep()).isEqualTo("区总工会审核（民政核对）");
            driver.complete(atDistrict, "districtCheck", "east.clerk", CaseDriver.decisionOf("submit", "民政核对一致")
                    .putValue("civilAffairsCheck", "consistent"));
            driver.complete(atDistrict, "districtApproval", "east.chair", "approve", "同意");
            driver.complete(justFiled, "homeVisit", "westtextile.clerk",
                    CaseDriver.visitOf("submit", "材料齐全", "入户核实，情况属实"));
            assertThat(driver.task(atDistrict, "cityReview")).isNotNull();
            assertThat(register.findById(atDistrict.getId()).orElseThrow().getCurrentStep())
                    .as("the register follows the case from there").isEqualTo(driver.task(atDistrict, "cityReview").getName());
            assertThat(driver.task(justFiled, "grassrootsReview")).isNotNull();
            AuditChain.Verification chained = upgraded.getBean(AuditChain.class).verify();
            assertThat(chained.intact()).as("the sign-offs written before the upgrade are sealed into the chain")
                    .isTrue();
            assertThat(chained.rowsChecked()).isGreaterThanOrEqualTo(signOffsBefore);
            assertThat(upgraded.getBean(SignOffRepository.class)
                    .findByProcessInstanceIdOrderByDecidedAtAscIdAsc(atDistrict.getId()))
                    .extracting("stepId").endsWith("recordNoticePassed", "districtCheck", "districtApproval");
        }
    }
}
