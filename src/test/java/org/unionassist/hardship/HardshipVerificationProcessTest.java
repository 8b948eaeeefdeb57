package org.unionassist.hardship;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.signoff.AuditTrail;
import org.unionassist.casework.signoff.Decision;
import org.unionassist.casework.signoff.SignOff;
import org.unionassist.casework.signoff.SignOffRepository;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.ProcessTest;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.unionassist.support.CaseDriver.decisionOf;

/** Every path of 困难职工认定, driven as the people in domain.md would, with the real model, DMN and delegates. */
@ProcessTest
class HardshipVerificationProcessTest {

    @Autowired CaseDriver driver;
    @Autowired HardshipCaseRepository cases;
    @Autowired HouseholdFileRepository files;
    @Autowired SignOffRepository signOffs;
    @Autowired TransactionTemplate transactions;

    @AfterEach
    void resetClock() {
        CaseDriver.realTime();
    }

    @Test
    void householdIsFiledWhenEveryLevelApproves() {
        String id = IdNumbers.next();
        ProcessInstance pi = driver.caseAtDistrict("eaststeel", id);

        driver.complete(pi, "districtCheck", "east.clerk",
                decisionOf("submit", "民政核对一致").putValue("civilAffairsCheck", "consistent"));
        driver.complete(pi, "districtApproval", "east.chair", "approve", "同意");
        driver.complete(pi, "cityReview", "city.clerk", "submit", "材料完整");
        driver.complete(pi, "cityApproval", "city.chair", "approve", "同意建档");

        assertThat(pi).isEnded().hasPassed("fileHousehold").hasNotPassed("recordRejection");
        HardshipCase filed = cases.findByProcessInstanceId(pi.getId()).orElseThrow();
        assertThat(filed.getStatus()).isEqualTo(CaseStatus.FILED);
        assertThat(filed.getCivilAffairsCheck()).isEqualTo("consistent");
        HouseholdFile file = files.findByOpenHouseholdId(filed.getHousehold().getId()).orElseThrow();
        assertThat(file.getCategory()).isEqualTo(HardshipCategory.DEEP);
        assertThat(file.getFileNumber()).startsWith("DA");
        assertThat(file.getNextRecheckOn()).isEqualTo(file.getEffectiveDate().plusYears(1));
        List<String> relations = transactions.execute(tx -> cases.findByProcessInstanceId(pi.getId()).orElseThrow()
                .getHousehold().getMembers().stream().map(HouseholdMember::getRelation).toList());
        assertThat(relations).containsExactly("本人", "配偶", "子女");
        assertThat(driver.runtime().createProcessInstanceQuery().processDefinitionKey("hardshipFileRecheck")
                .processInstanceBusinessKey(file.getFileNumber()).count()).isEqualTo(1);

        List<SignOff> trail = signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(pi.getId());
        assertThat(trail).extracting(SignOff::getStepId).containsExactly("homeVisit", "grassrootsReview",
                "democraticReview", "democraticReview", "democraticReview", "recordNoticePassed", "districtCheck",
                "districtApproval", "cityReview", "cityApproval", "fileHousehold");
        SignOff cityApproval = trail.get(9);
        assertThat(cityApproval.getActorId()).isEqualTo("city.chair");
        assertThat(cityApproval.getActorUnionName()).isEqualTo("示范市总工会");
        assertThat(cityApproval.getActorRole()).isEqualTo("审批人");
        assertThat(cityApproval.getDecision()).isEqualTo(Decision.APPROVE);
        assertThat(cityApproval.getOpinion()).isEqualTo("同意建档");
        assertThat(cityApproval.getCategoryLabel()).isEqualTo("深度困难");
        assertThat(cityApproval.getSnapshot()).contains("666.67").doesNotContain(id);
        assertThat(trail.get(2).getRound()).isEqualTo(1);
    }

    @Test
    void aHomeVisitCannotCallTheDocumentsCompleteWhileOneIsMissing() {
        ProcessInstance pi = driver.apply("eaststeel.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next())
                .putValue("docCauseProof", false).putValue("docDataCheckConsent", false));

        assertThatThrownBy(() -> driver.complete(pi, "homeVisit", "eaststeel.clerk",
                CaseDriver.visitOf("submit", null, "属实")))
                .isInstanceOf(UnionAssistException.class)
                .hasMessage("材料不全，缺少：致困原因证明、民政经济状况核对授权书（本人签字）。请补齐后再提交，或选择「材料不全，退回补充」")
                .satisfies(e -> assertThat(((UnionAssistException) e).errorCode()).isEqualTo(CaseworkError.DOCUMENTS_MISSING));
        assertThat(signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(pi.getId())).isEmpty();
        assertThat(pi).isWaitingAt("homeVisit");

        // sending it back for the missing documents needs none of them; ticking them on the visit form passes
        driver.complete(pi, "homeVisit", "eaststeel.clerk", CaseDriver.visitOf("submit", null, "属实")
                .putValue("docCauseProof", true).putValue("docDataCheckConsent", true));
        assertThat(pi).isWaitingAt("grassrootsReview");
    }

    @Test
    void tasksAreDueInWorkingDaysAndTheNoticeSkipsTheNationalDayHoliday() {
        CaseDriver.today(LocalDate.of(2026, 9, 29));
        ProcessInstance pi = driver.apply("eaststeel.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
        Task visit = driver.task(pi, "homeVisit");
        // 10 working days from Tue 29 Sep 2026: 30 Sep, 8-10 Oct (10th is a make-up Saturday), 12-16 Oct, 19 Oct
        assertThat(shanghaiDay(visit.getDueDate())).isEqualTo(LocalDate.of(2026, 10, 19));
        assertThat(shanghaiDay(visit.getFollowUpDate())).isEqualTo(LocalDate.of(2026, 10, 16));

        driver.complete(pi, "homeVisit", "eaststeel.clerk", CaseDriver.visitOf("submit", null, "属实"));
        driver.complete(pi, "grassrootsReview", "eaststeel.chair", CaseDriver.approveWithPanel("eaststeel"));
        driver.vote(pi, "eaststeel.rep1", "agree");
        driver.vote(pi, "eaststeel.rep2", "agree");
        driver.vote(pi, "eaststeel.rep3", "disagree");

        assertThat(pi).isWaitingAt("publicNotice").variables()
                .containsEntry("noticeStartDate", "2026-09-29")
                // 29, 30 Sep, 8, 9 Oct and the make-up Saturday 10 Oct are the five working days
                .containsEntry("noticeEndDate", "2026-10-10")
                .containsEntry("votesFor", 2L).containsEntry("panelApproved", true);
        Date timer = driver.management().createJobQuery().processInstanceId(pi.getId()).timers().singleResult()
                .getDuedate();
        assertThat(shanghaiDay(timer)).isEqualTo(LocalDate.of(2026, 10, 11));
    }

    @Test
    void missingDocumentsGoBackToTheCaseworkerAndTheResubmissionIsRecategorised() {
        ProcessInstance pi = driver.apply("eaststeel.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
        assertThatThrownBy(() -> driver.complete(pi, "homeVisit", "eaststeel.clerk", "return", " "))
                .isInstanceOf(UnionAssistException.class).hasMessageContaining("必须填写意见");
        driver.complete(pi, "homeVisit", "eaststeel.clerk", CaseDriver.visitOf("return", "缺收入证明", "缺少收入证明"));

        assertThat(pi).isWaitingAt("supplementDocuments").variables().containsEntry("categoryLabel", "深度困难");
        // the supplement form shows why the case came back: the home visit's row in the trail, in its own words
        assertThat(driver.runtime().getVariable(pi.getId(), AuditTrail.TRAIL).toString())
                .contains("\"step\":\"入户调查\"", "\"decision\":\"材料不全，退回补充\"", "\"opinion\":\"缺收入证明\"");
        VariableMap corrected = CaseDriver.deepHardshipApplication(
                        (String) driver.runtime().getVariable(pi.getId(), "applicantIdNumber"))
                .putValue("annualIncome", 54000).putValue("decision", "resubmit");
        driver.complete(pi, "supplementDocuments", "eaststeel.clerk", corrected);

        assertThat(pi).isWaitingAt("homeVisit").variables()
                .containsEntry("perCapitaMonthlyIncome", "1333.33").containsEntry("categoryLabel", "相对困难")
                .containsEntry("decision", null);
    }

    @Test
    void grassrootsChairRejectsWithAnOpinion() {
        ProcessInstance pi = driver.apply("eaststreet.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
        driver.complete(pi, "homeVisit", "eaststreet.clerk", CaseDriver.visitOf("submit", null, "x"));
        driver.complete(pi, "grassrootsReview", "eaststreet.chair", "reject", "家庭收入明显高于申报");

        assertThat(pi).isEnded().hasPassed("recordRejection");
        HardshipCase rejected = cases.findByProcessInstanceId(pi.getId()).orElseThrow();
        assertThat(rejected.getStatus()).isEqualTo(CaseStatus.REJECTED);
        assertThat(rejected.getClosingReason()).isEqualTo("家庭收入明显高于申报");
    }

    @Test
    void panelWithoutAMajorityRejectsTheCase() {
        ProcessInstance pi = driver.apply("westtextile.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
        driver.complete(pi, "homeVisit", "westtextile.clerk", CaseDriver.visitOf("submit", null, "x"));
        driver.complete(pi, "grassrootsReview", "westtextile.chair", CaseDriver.approveWithPanel("westtextile"));
        driver.vote(pi, "westtextile.rep1", "agree");
        driver.vote(pi, "westtextile.rep2", "disagree");
        driver.vote(pi, "westtextile.rep3", "disagree");

        assertThat(pi).isEnded().hasPassed("recordRejection").hasNotPassed("startPublicNotice");
        assertThat(cases.findByProcessInstanceId(pi.getId()).orElseThrow().getClosingReason())
                .contains("赞成1票", "反对2票");
    }

    @Test
    void rigidExpenditureAboveTheIncomeCountsAsZeroAndTheSignedSnapshotSaysSo() {
        ProcessInstance pi = driver.apply("eaststeel.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next())
                .putValue("annualIncome", 20000).putValue("rigidExpenditure", 26000));
        assertThat(pi).variables().containsEntry("perCapitaMonthlyIncome", "0.00")
                .containsEntry("proposedCategoryLabel", "深度困难");
        assertThat(driver.runtime().getVariable(pi.getId(), "caseFacts").toString())
                .contains("0.00元（刚性支出高于家庭收入，按0元计算）");
        driver.complete(pi, "homeVisit", "eaststeel.clerk", decisionOf("submit", null)
                .putValue("visitDate", "2026-12-01").putValue("visitFindings", "医药费支出大"));
        SignOff visit = signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(pi.getId()).get(0);
        assertThat(visit.getSnapshot()).contains("\"perCapitaMonthlyIncomeNote\":\"刚性支出高于家庭收入，净收入按0元计算\"");
        assertThat(visit.getFindings()).isEqualTo("入户日期：2026-12-01；调查情况：医药费支出大");
        assertThat(visit.getDecisionLabel()).isEqualTo("材料齐全，报基层工会初审");
    }

    @Test
    void onlyTheChosenPanelMemberMayCastTheirVote() {
        ProcessInstance pi = driver.apply("westtextile.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
        driver.complete(pi, "homeVisit", "westtextile.clerk", CaseDriver.visitOf("submit", null, "x"));
        driver.complete(pi, "grassrootsReview", "westtextile.chair", CaseDriver.approveWithPanel("westtextile"));
        Task rep1Vote = driver.tasks().createTaskQuery().processInstanceId(pi.getId())
                .taskAssignee("westtextile.rep1").singleResult();

        // another member of the panel has no right on the vote at all: the engine refuses before any listener runs
        assertThatThrownBy(() -> driver.asDo("westtextile.rep2",
                () -> driver.tasks().complete(rep1Vote.getId(), decisionOf("agree", null))))
                .isInstanceOf(AuthorizationException.class);
        assertThat(driver.tasks().createTaskQuery().taskId(rep1Vote.getId()).singleResult()).isNotNull();
        assertThat(signOffs.countByProcessInstanceIdAndStepIdAndRound(pi.getId(), "democraticReview", 1)).isZero();
    }

    @Test
    void aPanelSmallerThanThreeIsRefused() {
        ProcessInstance pi = driver.apply("eaststeel.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
        driver.complete(pi, "homeVisit", "eaststeel.clerk", CaseDriver.visitOf("submit", null, "x"));
        VariableMap twoMembers = decisionOf("approve", null).putValue("panelMembers",
                List.of("eaststeel.rep1", "eaststeel.rep2"));
        assertThatThrownBy(() -> driver.complete(pi, "grassrootsReview", "eaststeel.chair", twoMembers))
                .hasMessageContaining("至少需要3名成员");
        VariableMap outsider = decisionOf("approve", null).putValue("panelMembers",
                List.of("eaststeel.rep1", "eaststeel.rep2", "westtextile.rep1"));
        assertThatThrownBy(() -> driver.complete(pi, "grassrootsReview", "eaststeel.chair", outsider))
                .hasMessageContaining("不是本单位民主评议小组成员");
        assertThat(pi).isWaitingAt("grassrootsReview");
    }

    @Test
    void objectionDuringNoticeLeadsToReinvestigationAndAFreshNotice() {
        ProcessInstance pi = driver.caseOnPublicNotice("eaststeel", IdNumbers.next());

        driver.complete(pi, "publicNotice", "eaststeel.clerk",
                decisionOf("objection", "有职工反映其家庭另有商铺").putValue("objector", "匿名"));
        assertThat(pi).isWaitingAt("reinvestigation");
        assertThat(driver.management().createJobQuery().processInstanceId(pi.getId()).timers().count()).isZero();

        driver.complete(pi, "reinvestigation", "eaststeel.chair",
                decisionOf("renotice", "经核实商铺系他人所有，异议不成立").putValue("reinvestigationFindings", "已核实"));
        assertThat(pi).isWaitingAt("publicNotice").variables().containsEntry("noticeRound", 2);
        driver.fireTimer(pi);
        assertThat(pi).isWaitingAt("districtCheck");
    }

    @Test
    void upheldObjectionRejectsTheCase() {
        ProcessInstance pi = driver.caseOnPublicNotice("eaststeel", IdNumbers.next());
        driver.complete(pi, "publicNotice", "eaststeel.clerk", "objection", "申请人另有住房两套");
        driver.complete(pi, "reinvestigation", "eaststeel.chair",
                decisionOf("reject", "经核实另有住房两套，异议成立").putValue("reinvestigationFindings", "房产登记"));

        assertThat(pi).isEnded().hasPassed("recordRejection");
        assertThat(cases.findByProcessInstanceId(pi.getId()).orElseThrow().getStatus()).isEqualTo(CaseStatus.REJECTED);
    }

    @Test
    void districtReturnsAFaultyFileToTheGrassrootsUnion() {
        ProcessInstance pi = driver.caseAtDistrict("eaststreet", IdNumbers.next());
        driver.complete(pi, "districtCheck", "east.clerk", "return", "民政核对授权书未签字");
        assertThat(pi).isWaitingAt("supplementDocuments");
        assertThat(driver.task(pi, "supplementDocuments").getDueDate()).isNotNull();
        assertThat(driver.as("eaststreet.clerk", () -> driver.tasks().createTaskQuery()
                .processInstanceId(pi.getId()).count())).isEqualTo(1);
    }

    @Test
    void districtChairRejects() {
        ProcessInstance pi = driver.caseAtDistrict("eaststreet", IdNumbers.next());
        driver.complete(pi, "districtCheck", "east.clerk",
                decisionOf("submit", null).putValue("civilAffairsCheck", "inconsistent"));
        driver.complete(pi, "districtApproval", "east.chair", "reject", "民政核对显示另有收入");
        assertThat(pi).isEnded().hasPassed("recordRejection");
    }

    @Test
    void districtCheckNeedsTheCivilAffairsResult() {
        ProcessInstance pi = driver.caseAtDistrict("westhospital", IdNumbers.next());
        assertThatThrownBy(() -> driver.complete(pi, "districtCheck", "west.clerk", "submit", null))
                .hasMessageContaining("民政经济状况核对结果");
    }

    @Test
    void cityReturnsToTheDistrictAndThenRejects() {
        ProcessInstance pi = driver.caseAtDistrict("westhospital", IdNumbers.next());
        driver.complete(pi, "districtCheck", "west.clerk", decisionOf("submit", null).putValue("civilAffairsCheck", "consistent"));
        driver.complete(pi, "districtApproval", "west.chair", "approve", null);
        driver.complete(pi, "cityReview", "city.clerk", "return", "缺民政核对说明");
        assertThat(pi).isWaitingAt("districtCheck");
        driver.complete(pi, "districtCheck", "west.clerk", decisionOf("submit", null).putValue("civilAffairsCheck", "consistent"));
        driver.complete(pi, "districtApproval", "west.chair", "approve", null);
        driver.complete(pi, "cityReview", "city.clerk", "submit", null);
        driver.complete(pi, "cityApproval", "city.chair", "return", "请区总工会补充说明");
        assertThat(pi).isWaitingAt("districtCheck");
        driver.complete(pi, "districtCheck", "west.clerk", decisionOf("submit", null).putValue("civilAffairsCheck", "consistent"));
        driver.complete(pi, "districtApproval", "west.chair", "approve", null);
        driver.complete(pi, "cityReview", "city.clerk", "submit", null);
        driver.complete(pi, "cityApproval", "city.chair", "reject", "不符合本年度认定条件");
        assertThat(pi).isEnded().hasPassed("recordRejection").hasNotPassed("fileHousehold");
    }

    @Test
    void caseworkerWithdrawsAtSupplement() {
        ProcessInstance pi = driver.apply("eaststeel.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
        driver.complete(pi, "homeVisit", "eaststeel.clerk", CaseDriver.visitOf("return", "缺材料", "缺少收入证明"));
        driver.complete(pi, "supplementDocuments", "eaststeel.clerk",
                CaseDriver.deepHardshipApplication((String) driver.runtime().getVariable(pi.getId(), "applicantIdNumber"))
                        .putValue("decision", "withdraw").putValue("opinion", "申请人家庭情况好转，主动撤回"));
        assertThat(pi).isEnded().hasPassed("closeWithdrawnByCaseworker");
        assertThat(cases.findByProcessInstanceId(pi.getId()).orElseThrow().getStatus()).isEqualTo(CaseStatus.WITHDRAWN);
    }

    @Test
    void grassrootsSideWithdrawsWhileTheDistrictIsStillReviewing() {
        ProcessInstance pi = driver.caseAtDistrict("eaststeel", IdNumbers.next());
        driver.runtime().createMessageCorrelation("hardshipWithdrawal").processInstanceId(pi.getId())
                .setVariable("withdrawalRequestedBy", "eaststeel.chair")
                .setVariable("withdrawalReason", "职工已调离").correlateWithResult();

        assertThat(pi).isEnded().hasPassed("recordWithdrawal");
        HardshipCase withdrawn = cases.findByProcessInstanceId(pi.getId()).orElseThrow();
        assertThat(withdrawn.getStatus()).isEqualTo(CaseStatus.WITHDRAWN);
        SignOff last = signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(pi.getId()).stream()
                .reduce((a, b) -> b).orElseThrow();
        assertThat(last.getDecision()).isEqualTo(Decision.WITHDRAW);
        assertThat(last.getActorId()).isEqualTo("eaststeel.chair");
        assertThat(last.getOpinion()).isEqualTo("职工已调离");
    }

    @Test
    void withdrawalIsRefusedOnceTheDistrictHasDecided() {
        ProcessInstance pi = driver.caseAtDistrict("eaststeel", IdNumbers.next());
        driver.complete(pi, "districtCheck", "east.clerk", decisionOf("submit", null).putValue("civilAffairsCheck", "consistent"));
        driver.complete(pi, "districtApproval", "east.chair", "approve", null);

        assertThatThrownBy(() -> driver.runtime().createMessageCorrelation("hardshipWithdrawal")
                .processInstanceId(pi.getId()).setVariable("withdrawalRequestedBy", "eaststeel.clerk")
                .setVariable("withdrawalReason", "撤回").correlateWithResult())
                .hasMessageContaining("区总工会已作出决定");
        assertThat(pi).isWaitingAt("cityReview");
    }

    @Test
    void approverOverridesTheCategoryOnlyWithAReason() {
        ProcessInstance pi = driver.caseAtDistrict("eaststreet", IdNumbers.next());
        driver.complete(pi, "districtCheck", "east.clerk", decisionOf("submit", null).putValue("civilAffairsCheck", "consistent"));
        assertThatThrownBy(() -> driver.complete(pi, "districtApproval", "east.chair",
                decisionOf("approve", null).putValue("categoryOverride", "ACCIDENT")))
                .hasMessageContaining("调整困难类别必须填写理由");

        driver.complete(pi, "districtApproval", "east.chair", decisionOf("approve", null)
                .putValue("categoryOverride", "ACCIDENT").putValue("categoryOverrideReason", "因工伤致困，按意外致困认定"));
        HardshipCase c = cases.findByProcessInstanceId(pi.getId()).orElseThrow();
        assertThat(c.getProposedCategory()).isEqualTo(HardshipCategory.DEEP);
        assertThat(c.getCategory()).isEqualTo(HardshipCategory.ACCIDENT);
        assertThat(c.getCategoryOverrideReason()).isEqualTo("因工伤致困，按意外致困认定");
        assertThat(pi).isWaitingAt("cityReview").variables().containsEntry("categoryLabel", "意外致困");
    }

    @Test
    void ineligibleHouseholdCannotBeApprovedWithoutOverride() {
        VariableMap twoHomes = CaseDriver.deepHardshipApplication(IdNumbers.next()).putValue("ownsMultipleHomes", true);
        ProcessInstance pi = driver.apply("eaststeel.clerk", twoHomes);
        assertThat(pi).variables().containsEntry("proposedCategory", "INELIGIBLE")
                .containsEntry("categoryReason", "家庭拥有两套及以上住房");
        driver.complete(pi, "homeVisit", "eaststeel.clerk", CaseDriver.visitOf("submit", null, "x"));
        assertThatThrownBy(() -> driver.complete(pi, "grassrootsReview", "eaststeel.chair",
                CaseDriver.approveWithPanel("eaststeel")))
                .isInstanceOf(UnionAssistException.class).hasMessageContaining("不符合认定条件");
    }

    @Test
    void protectedCaseDataCannotBeChangedBySubmittingVariables() {
        ProcessInstance pi = driver.apply("eaststeel.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
        assertThatThrownBy(() -> driver.complete(pi, "homeVisit", "eaststeel.clerk",
                decisionOf("submit", null).putValue("districtUnion", "west")))
                .hasMessageContaining("不能在办理时直接修改");
        assertThatThrownBy(() -> driver.complete(pi, "homeVisit", "eaststeel.clerk",
                decisionOf("submit", null).putValue("category", "RELATIVE")))
                .hasMessageContaining("不能在办理时直接修改");
        assertThatThrownBy(() -> driver.complete(pi, "homeVisit", "eaststeel.clerk",
                decisionOf("submit", null).putValue("caseNumber", "KN2026999999")))
                .hasMessageContaining("不能在办理时直接修改");
        assertThat(cases.findByProcessInstanceId(pi.getId()).orElseThrow().getCategory())
                .isEqualTo(HardshipCategory.DEEP);
        assertThat(signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(pi.getId())).isEmpty();
        assertThat(pi).isWaitingAt("homeVisit").variables().containsEntry("category", "DEEP");
    }

    @Test
    void aDecisionTheStepDoesNotOfferIsRefused() {
        ProcessInstance pi = driver.apply("eaststeel.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
        assertThatThrownBy(() -> driver.complete(pi, "homeVisit", "eaststeel.clerk", "approve", null))
                .isInstanceOf(UnionAssistException.class).hasMessageContaining("只能选择");
        assertThatThrownBy(() -> driver.complete(pi, "homeVisit", "eaststeel.clerk", decisionOf(null, null)))
                .hasMessageContaining("请选择审批结论");
    }

    @Test
    void invalidApplicationsAreRefusedInChineseAndLeaveNothingBehind() {
        long before = cases.count();
        VariableMap badId = CaseDriver.deepHardshipApplication("110105194912310021");
        assertThatThrownBy(() -> driver.apply("eaststeel.clerk", badId))
                .isInstanceOf(UnionAssistException.class)
                .hasMessageContaining("身份证号").hasMessageNotContaining("110105194912310021")
                .satisfies(e -> assertThat(((UnionAssistException) e).getCode()).isEqualTo(20002));
        assertThatThrownBy(() -> driver.apply("eaststeel.clerk",
                CaseDriver.deepHardshipApplication(IdNumbers.next()).putValue("annualIncome", -1)))
                .hasMessageContaining("不能为负数");
        assertThatThrownBy(() -> driver.apply("eaststeel.clerk",
                CaseDriver.deepHardshipApplication(IdNumbers.next()).putValue("householdSize", 0)))
                .hasMessageContaining("家庭人口数不能小于1");
        assertThatThrownBy(() -> driver.apply("eaststeel.clerk",
                CaseDriver.deepHardshipApplication(IdNumbers.next()).putValue("householdSize", 1)))
                .hasMessageContaining("家庭成员名单有2人");
        assertThat(cases.count()).isEqualTo(before);
        assertThat(driver.runtime().createProcessInstanceQuery().processDefinitionKey(CaseDriver.PROCESS)
                .variableValueEquals("applicantIdNumber", "110105194912310021").count()).isZero();
    }

    @Test
    void onlyGrassrootsCaseworkersMayApply() {
        assertThatThrownBy(() -> driver.apply("east.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next())))
                .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> driver.apply("eaststeel.chair", CaseDriver.deepHardshipApplication(IdNumbers.next())))
                .isInstanceOf(AuthorizationException.class);
    }

    @Test
    void aHouseholdWithAnApplicationInProgressCannotApplyTwice() {
        String id = IdNumbers.next();
        driver.apply("eaststeel.clerk", CaseDriver.deepHardshipApplication(id));
        assertThatThrownBy(() -> driver.apply("eaststeel.clerk", CaseDriver.deepHardshipApplication(id)))
                .isInstanceOf(UnionAssistException.class).hasMessageContaining("正在办理")
                .satisfies(e -> assertThat(((UnionAssistException) e).errorCode())
                        .isEqualTo(HardshipError.HOUSEHOLD_CASE_IN_PROGRESS));
    }

    private static LocalDate shanghaiDay(Date date) {
        return date.toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
    }
}
