package org.unionassist.audit;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.unionassist.casework.PersonalData;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.register.CaseEntryRepository;
import org.unionassist.payment.Disbursements;
import org.unionassist.payment.PaymentOrder;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.MedicalAidDriver;
import org.unionassist.support.ProcessTest;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The auditors' cross-programme check: a person paid by two programmes in one year, and a person whose households are
 * filed in two unions. The second paying programme is a process deployed by this test, standing for a programme added
 * later: it plugs into the case skeleton and the shared payments and is checked without auditor code of its own.
 */
@ProcessTest
class CrossProgrammeCheckTest {

    /** A programme added later, as small as a programme gets: a case of a grassroots union that ends approved. */
    private static final String LATER_PROGRAMME = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                         targetNamespace="http://unionassist.org/test">
              <process id="laterProgramme" name="后续业务（测试）" isExecutable="true" camunda:historyTimeToLive="P3650D">
                <startEvent id="applied"/>
                <sequenceFlow id="f1" sourceRef="applied" targetRef="granted"/>
                <serviceTask id="granted" name="核定发放" camunda:expression="${execution.setVariable('grassrootsUnion', 'eaststeel')}"/>
                <sequenceFlow id="f2" sourceRef="granted" targetRef="paid"/>
                <endEvent id="paid" name="已发放">
                  <extensionElements><camunda:properties><camunda:property name="outcome" value="approved"/></camunda:properties></extensionElements>
                </endEvent>
              </process>
            </definitions>
            """;

    @Autowired CaseDriver driver;
    @Autowired MedicalAidDriver medical;
    @Autowired AuditWorkspaceController workspace;
    @Autowired Disbursements disbursements;
    @Autowired CaseEntryRepository register;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired DataSource dataSource;

    @AfterEach
    void resetClock() {
        CaseDriver.realTime();
    }

    private CrossProgrammeCheck.Report check(String auditor, int year) {
        return driver.as(auditor, () -> workspace.crossChecks(year));
    }

    @Test
    void aPersonPaidByTwoProgrammesInOneYearIsListedWithEveryPaymentMasked() {
        String member = IdNumbers.next();
        medical.paidInpatientClaim("eaststeel", "east", "张伟", member, 12000);
        String otherMember = IdNumbers.next();
        medical.paidInpatientClaim("eaststeel", "east", "李娜", otherMember, 5000);

        if (repository.createProcessDefinitionQuery().processDefinitionKey("laterProgramme").count() == 0) {
            repository.createDeployment().name("later programme (test)")
                    .addString("later-programme.bpmn", LATER_PROGRAMME).deploy();
        }
        CaseDriver.today(LocalDate.of(2026, 9, 1));
        ProcessInstance grant = runtime.startProcessInstanceByKey("laterProgramme", "HX2026" + member.substring(12));
        assertThat(register.findById(grant.getId()).orElseThrow().getGrassrootsUnionId()).isEqualTo("eaststeel");
        disbursements.payOnce(new PaymentOrder(grant.getId(), "laterProgramme", "HX2026" + member.substring(12),
                "student:1", "TEST_GRANT", "张伟", member, "6222020200112233445", new BigDecimal("4000.00"),
                "eaststeel"));

        assertThat(driver.as("east.auditor", () -> workspace.cases("laterProgramme", null, "ENDED", "approved", null,
                null, null, null, null, null, 0, 20)).get("total")).as("in the search too").isEqualTo(1L);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> byProgramme = (List<Map<String, Object>>) driver.as("east.auditor",
                () -> workspace.statistics(2026, "east")).get("byProgramme");
        assertThat(byProgramme).filteredOn(p -> "后续业务（测试）".equals(p.get("programme"))).singleElement()
                .satisfies(p -> assertThat(p.get("approved")).isEqualTo(1L));

        CrossProgrammeCheck.Report east = check("east.auditor", 2026);
        String masked = PersonalData.maskIdNumber(member);
        assertThat(east.severalProgrammes()).filteredOn(p -> p.person().equals(masked)).singleElement()
                .satisfies(p -> {
                    assertThat(p.name()).isEqualTo("张*");
                    assertThat(p.programmes()).containsExactly("职工医疗互助理赔", "后续业务（测试）");
                    assertThat(p.count()).isEqualTo(2);
                    assertThat(p.total()).isEqualTo("7200.00");
                    assertThat(p.items()).extracting(CrossProgrammeCheck.Payment::amount)
                            .containsExactly("3200.00", "4000.00");
                    assertThat(p.items()).extracting(CrossProgrammeCheck.Payment::union)
                            .containsOnly("东城钢铁厂工会");
                    assertThat(p.items()).extracting(CrossProgrammeCheck.Payment::status).containsOnly("待支付");
                });
        assertThat(east.severalProgrammes()).as("paid by one programme only")
                .noneMatch(p -> p.person().equals(PersonalData.maskIdNumber(otherMember)));
        assertThat(east.toString()).doesNotContain(member).doesNotContain("张伟");

        assertThat(check("west.auditor", 2026).severalProgrammes()).as("another district")
                .noneMatch(p -> p.person().equals(masked));
        assertThat(check("city.auditor", 2026).severalProgrammes()).anyMatch(p -> p.person().equals(masked));
        assertThat(check("east.auditor", 2025).severalProgrammes()).as("another year")
                .noneMatch(p -> p.person().equals(masked));
    }

    @Test
    void aPersonWhoseHouseholdsAreFiledInTwoUnionsIsListedWithBothFiles() {
        String worker = IdNumbers.next();
        String spouse = IdNumbers.next();
        fileHousehold("eaststeel", "east", worker, spouse);
        // the spouse's own household, opened in another district before the rule of one file per household was
        // checked across unions (an imported file, as a city's earlier records would come in)
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("insert into ua_household (head_id_number, head_name, union_id, created_on) values (?, ?, ?, ?)",
                spouse, "李秀英", "westtextile", LocalDate.of(2025, 6, 1));
        Long household = jdbc.queryForObject("select id from ua_household where head_id_number = ?", Long.class, spouse);
        String fileNumber = "DA2025" + spouse.substring(12);
        jdbc.update("insert into ua_household_file (file_number, household_id, open_household_id, union_id, category,"
                        + " effective_date, status, case_process_instance_id, next_recheck_on, version)"
                        + " values (?, ?, ?, 'westtextile', 'RELATIVE', ?, 'OPEN', 'imported', ?, 0)",
                fileNumber, household, household, LocalDate.of(2025, 6, 1), LocalDate.of(2026, 6, 1));

        CrossProgrammeCheck.Report city = check("city.auditor", 2026);
        String masked = PersonalData.maskIdNumber(spouse);
        assertThat(city.householdInTwoUnions()).filteredOn(p -> p.person().equals(masked)).singleElement()
                .satisfies(p -> {
                    assertThat(p.name()).isEqualTo("李**");
                    assertThat(p.unions()).containsExactlyInAnyOrder("东城钢铁厂工会", "西城纺织厂工会");
                    assertThat(p.files()).extracting(CrossProgrammeCheck.FiledFile::fileNumber).contains(fileNumber);
                    assertThat(p.files()).extracting(CrossProgrammeCheck.FiledFile::status).containsOnly("在档");
                });
        assertThat(city.householdInTwoUnions()).as("the worker is in one household only")
                .noneMatch(p -> p.person().equals(PersonalData.maskIdNumber(worker)));
        assertThat(city.toString()).doesNotContain(spouse).doesNotContain("李秀英");
        assertThat(check("east.auditor", 2026).householdInTwoUnions()).as("the west file is not the east's to see")
                .noneMatch(p -> p.person().equals(masked));
        assertThat(check("city.auditor", 2024).householdInTwoUnions()).as("neither file was in force in 2024")
                .noneMatch(p -> p.person().equals(masked));
    }

    @Test
    void theCheckIsForAuditorsAndForAYear() {
        assertThatThrownBy(() -> check("east.chair", 2026))
                .isInstanceOf(UnionAssistException.class).hasMessageContaining("仅供经费审查委员");
        assertThatThrownBy(() -> check("east.auditor", 1900))
                .isInstanceOf(UnionAssistException.class).hasMessageContaining("核查年度");
    }

    private void fileHousehold(String union, String district, String applicant, String spouse) {
        ProcessInstance pi = driver.caseAtDistrict(union, CaseDriver.deepHardshipApplication(applicant)
                .putValueTyped("householdMembers", org.camunda.spin.plugin.variable.SpinValues.jsonValue(
                        "[{\"memberName\":\"李秀英\",\"memberRelation\":\"配偶\",\"memberIdNumber\":\"" + spouse + "\"}]")
                        .create()).putValue("householdSize", 2));
        driver.complete(pi, "districtCheck", district + ".clerk",
                CaseDriver.decisionOf("submit", null).putValue("civilAffairsCheck", "consistent"));
        driver.complete(pi, "districtApproval", district + ".chair", "approve", null);
        driver.complete(pi, "cityReview", "city.clerk", "submit", null);
        driver.complete(pi, "cityApproval", "city.chair", "approve", "同意建档");
    }
}
