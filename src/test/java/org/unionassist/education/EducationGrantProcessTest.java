package org.unionassist.education;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.register.CaseEntryRepository;
import org.unionassist.casework.signoff.SignOff;
import org.unionassist.casework.signoff.SignOffRepository;
import org.unionassist.payment.DisbursementRepository;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.EducationGrantDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.ProcessTest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.unionassist.support.EducationGrantDriver.application;
import static org.unionassist.support.EducationGrantDriver.temporaryHardship;

/** 金秋助学 from the application to one payment, as the grassroots, the district and the city work it. */
@ProcessTest
class EducationGrantProcessTest {

    @Autowired EducationGrantDriver education;
    @Autowired CaseDriver driver;
    @Autowired EducationGrantRepository grants;
    @Autowired GrantQuotas quotas;
    @Autowired SignOffRepository signOffs;
    @Autowired DisbursementRepository disbursements;
    @Autowired HistoryService history;
    @Autowired CaseEntryRepository register;
    @Autowired DistrictSittingRepository sittings;

    @BeforeEach
    void inTheWindow() {
        CaseDriver.today(EducationGrantDriver.IN_WINDOW);
    }

    @AfterEach
    void resetClock() {
        CaseDriver.realTime();
    }

    @Test
    void threeApplicationsAreDecidedInOneSittingAndTheCityApprovesWithinTheQuotaAndPaysOnce() {
        String worker = IdNumbers.next();
        education.deepHardshipFile("eaststeel", "east", worker);
        ProcessInstance undergraduate = education.file("eaststeel.clerk",
                application(IdNumbers.next(), worker, "undergraduate"));
        assertThat(driver.runtime().getVariable(undergraduate.getId(), "grantAmount")).isEqualTo("7500.00");
        assertThat((String) driver.runtime().getVariable(undergraduate.getId(), "amountReason"))
                .contains("深度困难").contains("7500.00");
        driver.complete(undergraduate, "grassrootsCheck", "eaststeel.chair", "submit", "情况属实");

        ProcessInstance highSchool = education.file("eaststreet.clerk",
                temporaryHardship(IdNumbers.next(), IdNumbers.next(), "highSchool"));
        assertThat(driver.runtime().getVariable(highSchool.getId(), "grantAmount")).isEqualTo("2000.00");
        assertThatThrownBy(() -> driver.complete(highSchool, "grassrootsCheck", "eaststreet.chair", "submit", null))
                .isInstanceOfSatisfying(UnionAssistException.class, e -> assertThat(e.errorCode())
                        .isEqualTo(EducationError.TEMPORARY_HARDSHIP_NOT_CONFIRMED));
        driver.complete(highSchool, "grassrootsCheck", "eaststreet.chair",
                CaseDriver.decisionOf("submit", "经核实确属临时困难").putValue("temporaryHardshipConfirmed", true));

        ProcessInstance third = education.awaitingDistrict("eaststeel",
                temporaryHardship(IdNumbers.next(), IdNumbers.next(), "juniorCollege"));

        ProcessInstance sitting = education.convene("east");
        assertThat(education.agenda(sitting)).extracting(r -> r.get("caseNumber")).containsExactlyInAnyOrder(
                education.caseNumber(undergraduate), education.caseNumber(highSchool), education.caseNumber(third));
        education.decide(sitting, "east", Map.of(
                education.caseNumber(undergraduate), new String[]{"approve"},
                education.caseNumber(highSchool), new String[]{"approve", "同意"},
                education.caseNumber(third), new String[]{"return", "请补充在读证明"}));

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(sitting.getId()).singleResult()
                .getEndTime()).isNotNull();
        education.task(third, "grantSupplement");
        assertThat(register.findById(sitting.getId())).get().satisfies(entry -> {
            assertThat(entry.getDistrictUnionId()).as("the district's own process, for its auditors").isEqualTo("east");
            assertThat(entry.getGrassrootsUnionId()).isNull();
            assertThat(entry.getCityUnionId()).isEqualTo("city");
        });
        List<SignOff> decided = signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(undergraduate.getId());
        assertThat(decided).filteredOn(s -> "recordDistrictDecision".equals(s.getStepId())).singleElement()
                .satisfies(s -> {
                    assertThat(s.getActorId()).isEqualTo("east.chair");
                    assertThat(s.getActorUnionId()).isEqualTo("east");
                    assertThat(s.getDecisionLabel()).isEqualTo("同意资助，进入公示");
                    assertThat(s.getFindings()).contains("参会人员").contains("张主席")
                            .contains("会议纪要：经集体研究逐件表决");
                    assertThat(s.getAmount()).isEqualByComparingTo("7500.00");
                });

        driver.fireTimer(undergraduate);
        driver.fireTimer(highSchool);
        education.placesLeft(2026, "east", 1);
        assertThat((String) driver.runtime().getVariable(highSchool.getId(), "quotaShown")).endsWith("剩余 1 个");
        driver.complete(undergraduate, "cityApproval", "city.chair", "approve", "同意");
        assertThat((String) driver.runtime().getVariable(highSchool.getId(), "quotaShown"))
                .as("the other approver's form shows the place just taken").endsWith("剩余 0 个");
        assertThatThrownBy(() -> driver.complete(highSchool, "cityApproval", "city.chair", "approve", null))
                .isInstanceOfSatisfying(UnionAssistException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(EducationError.QUOTA_EXHAUSTED);
                    assertThat(e.getMessage()).contains("东城区总工会2026年金秋助学名额共").contains("已全部批准使用");
                });

        education.pay(undergraduate);
        assertThat(disbursements.findAllByProcessInstanceIdOrderByIdAsc(undergraduate.getId())).singleElement()
                .satisfies(d -> assertThat(d.getAmount()).isEqualByComparingTo(new BigDecimal("7500.00")));
        assertThat(grants.findByProcessInstanceId(undergraduate.getId()).orElseThrow().getStatus())
                .isEqualTo(EducationGrant.Status.GRANTED);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(undergraduate.getId())
                .singleResult().getEndActivityId()).isEqualTo("grantApproved");
    }

    @Test
    void aSittingAnOperatorDeletedBeforeItsDecisionLeavesItsApplicationsToTheNextSitting() {
        ProcessInstance waiting = education.awaitingDistrict("eaststeel",
                temporaryHardship(IdNumbers.next(), IdNumbers.next(), "highSchool"));
        ProcessInstance abandoned = education.convene("east");
        assertThat(education.agenda(abandoned)).extracting(r -> r.get("caseNumber")).contains(education.caseNumber(waiting));
        driver.asDo("admin", () -> driver.runtime().deleteProcessInstance(abandoned.getId(), "误建的集体研究"));

        ProcessInstance next = education.convene("east");

        assertThat(education.agenda(next)).extracting(r -> r.get("caseNumber")).contains(education.caseNumber(waiting));
        assertThat(sittings.findByProcessInstanceId(abandoned.getId())).get()
                .extracting(DistrictSitting::getStatus).isEqualTo(DistrictSitting.Status.CLOSED);
        Map<String, String[]> everyRow = new java.util.HashMap<>();
        education.agenda(next).forEach(r -> everyRow.put((String) r.get("caseNumber"), new String[]{"approve"}));
        education.decide(next, "east", everyRow);
        education.task(waiting, "publicNotice");
    }
}
