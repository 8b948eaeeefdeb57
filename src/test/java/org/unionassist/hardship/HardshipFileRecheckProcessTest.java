package org.unionassist.hardship;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionassist.casework.PersonalData;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.ProcessTest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.spin.Spin.JSON;
import static org.unionassist.support.CaseDriver.decisionOf;

/** 动态管理: a filed household is re-checked every year; the chair keeps, re-categorises or closes its file. */
@ProcessTest
class HardshipFileRecheckProcessTest {

    @Autowired CaseDriver driver;
    @Autowired HouseholdFileRepository files;
    @Autowired HardshipCaseRepository cases;
    @Autowired org.unionassist.casework.register.CaseEntryRepository register;

    @AfterEach
    void resetClock() {
        CaseDriver.realTime();
    }

    private HouseholdFile fileHousehold(String idNumber) {
        ProcessInstance pi = driver.caseAtDistrict("eaststeel", idNumber);
        driver.complete(pi, "districtCheck", "east.clerk", decisionOf("submit", null).putValue("civilAffairsCheck", "consistent"));
        driver.complete(pi, "districtApproval", "east.chair", "approve", null);
        driver.complete(pi, "cityReview", "city.clerk", "submit", null);
        driver.complete(pi, "cityApproval", "city.chair", "approve", null);
        Long householdId = cases.findByProcessInstanceId(pi.getId()).orElseThrow().getHousehold().getId();
        return files.findByOpenHouseholdId(householdId).orElseThrow();
    }

    private ProcessInstance recheckOf(HouseholdFile file) {
        return driver.runtime().createProcessInstanceQuery().processDefinitionKey("hardshipFileRecheck")
                .processInstanceBusinessKey(file.getFileNumber()).singleResult();
    }

    private void reportFigures(ProcessInstance recheck, int annualIncome) {
        driver.complete(recheck, "annualRecheck", "eaststeel.clerk", figures(annualIncome));
    }

    private static VariableMap figures(int annualIncome) {
        return decisionOf("submit", null)
                .putValue("householdSize", 3).putValue("annualIncome", annualIncome).putValue("rigidExpenditure", 0)
                .putValue("illnessAccidentCost", 0).putValue("hardshipCause", "illness")
                .putValue("visitFindings", "入户核查");
    }

    @Test
    void theRecheckWaitsAYearThenKeepsTheFileAndSchedulesTheNextOne() {
        HouseholdFile file = fileHousehold(IdNumbers.next());
        ProcessInstance recheck = recheckOf(file);
        assertThat(recheck).isWaitingAt("recheckDue");
        assertThat(register.findById(recheck.getId()).orElseThrow().getCurrentStep()).as("the auditors' register")
                .isEqualTo("到达年度复核日");
        assertThat(driver.management().createJobQuery().processInstanceId(recheck.getId()).singleResult()
                .getDuedate()).isEqualTo(java.util.Date.from(file.getNextRecheckOn()
                .atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant()));

        CaseDriver.today(file.getNextRecheckOn());
        driver.fireTimer(recheck);
        reportFigures(recheck, 30000);
        assertThat(recheck).isWaitingAt("recheckApproval").variables()
                .containsEntry("proposedCategory", "DEEP").containsEntry("currentCategory", "DEEP");
        assertThat(register.findById(recheck.getId()).orElseThrow().getCurrentStep())
                .isEqualTo(driver.task(recheck, "recheckApproval").getName());
        driver.complete(recheck, "recheckApproval", "eaststeel.chair", "keep", "仍属深度困难");

        assertThat(recheck).isWaitingAt("recheckDue");
        assertThat(register.findById(recheck.getId()).orElseThrow().getCurrentStep()).isEqualTo("到达年度复核日");
        HouseholdFile kept = files.findById(file.getId()).orElseThrow();
        assertThat(kept.isOpen()).isTrue();
        assertThat(kept.getLastRecheckedOn()).isEqualTo(file.getNextRecheckOn());
        assertThat(kept.getNextRecheckOn()).isEqualTo(file.getNextRecheckOn().plusYears(1));
    }

    @Test
    void theChairRecategorisesAFileWhoseHouseholdIsBetterOff() {
        HouseholdFile file = fileHousehold(IdNumbers.next());
        ProcessInstance recheck = recheckOf(file);
        driver.fireTimer(recheck);
        reportFigures(recheck, 54000);
        assertThat(recheck).variables().containsEntry("proposedCategory", "RELATIVE");
        driver.complete(recheck, "recheckApproval", "eaststeel.chair",
                decisionOf("recategorise", "收入提高，调整为相对困难").putValue("newCategory", "RELATIVE"));

        assertThat(files.findById(file.getId()).orElseThrow().getCategory()).isEqualTo(HardshipCategory.RELATIVE);
        assertThat(recheck).isWaitingAt("recheckDue");
    }

    @Test
    void aRecheckWithBlankFindingsIsRefusedAndTheVisitWaits() {
        ProcessInstance recheck = recheckOf(fileHousehold(IdNumbers.next()));
        driver.fireTimer(recheck);
        for (Object blank : new Object[] {null, "   "}) {
            assertThatThrownBy(() -> driver.complete(recheck, "annualRecheck", "eaststeel.clerk",
                    figures(30000).putValue("visitFindings", blank)))
                    .hasMessage("请填写核查情况");
        }
        assertThat(recheck).isWaitingAt("annualRecheck");

        driver.complete(recheck, "annualRecheck", "eaststeel.clerk", figures(30000).putValue("visitFindings", " 已入户核查 "));
        assertThat(recheck).isWaitingAt("recheckApproval");
        assertThat(driver.runtime().getVariable(recheck.getId(), "visitFindings")).isEqualTo("已入户核查");
    }

    @Test
    void aClosedHouseholdMayApplyAgain() {
        String id = IdNumbers.next();
        HouseholdFile file = fileHousehold(id);
        assertThatThrownBy(() -> driver.apply("eaststeel.clerk", CaseDriver.deepHardshipApplication(id)))
                .hasMessageContaining("已建档");

        ProcessInstance recheck = recheckOf(file);
        driver.fireTimer(recheck);
        reportFigures(recheck, 90000);
        assertThatThrownBy(() -> driver.complete(recheck, "recheckApproval", "eaststeel.chair", "close", "已脱困"))
                .hasMessageContaining("退出原因");
        driver.complete(recheck, "recheckApproval", "eaststeel.chair",
                decisionOf("close", "人均收入连续6个月高于低保").putValue("closeReason", "outOfHardship"));

        assertThat(recheck).isEnded().hasPassed("closeFile");
        HouseholdFile closed = files.findById(file.getId()).orElseThrow();
        assertThat(closed.isOpen()).isFalse();
        assertThat(closed.getCloseReason()).contains("已脱困", "人均收入连续6个月高于低保");
        assertThat(closed.getClosedOn()).isEqualTo(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));

        ProcessInstance again = driver.apply("eaststeel.clerk", CaseDriver.deepHardshipApplication(id));
        assertThat(again).isWaitingAt("homeVisit");
    }

    @Test
    void theMembersIdNumbersTypedAtTheRecheckReachTheApprovalMaskedOnly() {
        HouseholdFile file = fileHousehold(IdNumbers.next());
        ProcessInstance recheck = recheckOf(file);
        driver.fireTimer(recheck);
        String spouse = IdNumbers.next();
        String child = IdNumbers.next();
        driver.complete(recheck, "annualRecheck", "eaststeel.clerk", figures(30000)
                .putValueTyped("householdMembers", SpinValues.jsonValue(JSON(List.of(
                        Map.of("memberName", "李秀英", "memberRelation", "配偶", "memberIdNumber", spouse),
                        Map.of("memberName", "王小明", "memberRelation", "子女", "memberIdNumber", child)))).create()));

        Task approval = driver.task(recheck, "recheckApproval");
        Map<String, Object> variables = driver.tasks().getVariables(approval.getId());
        assertThat(variables.get("householdMembers").toString())
                .contains(PersonalData.maskIdNumber(spouse), PersonalData.maskIdNumber(child));
        assertThat(variables).allSatisfy((name, value) -> assertThat(String.valueOf(value)).as(name)
                .doesNotContain(spouse, child));
    }
}
