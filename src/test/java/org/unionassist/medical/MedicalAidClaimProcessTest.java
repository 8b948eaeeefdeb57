package org.unionassist.medical;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.signoff.Decision;
import org.unionassist.casework.signoff.SignOff;
import org.unionassist.casework.signoff.SignOffRepository;
import org.unionassist.payment.Disbursement;
import org.unionassist.payment.DisbursementRepository;
import org.unionassist.payment.Disbursements;
import org.unionassist.payment.PaymentOrder;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.MedicalAidDriver;
import org.unionassist.support.ProcessTest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.unionassist.support.CaseDriver.decisionOf;
import static org.unionassist.support.MedicalAidDriver.claimForm;
import static org.unionassist.support.MedicalAidDriver.documentsChecked;
import static org.unionassist.support.MedicalAidDriver.inpatientClaim;

/**
 * Every path of 职工医疗互助理赔 with the real model, DMN tables and delegates: a worker of 东城钢铁厂 enrolled on
 * 5 January 2026 (cover from that day, waiting period to 3 February) claims for a stay in March.
 */
@ProcessTest
class MedicalAidClaimProcessTest {

    static final LocalDate ENROLLED = LocalDate.of(2026, 1, 5);
    static final LocalDate FILED = LocalDate.of(2026, 3, 20);

    @Autowired CaseDriver driver;
    @Autowired MedicalAidDriver medical;
    @Autowired MedicalClaimRepository claims;
    @Autowired MembershipRepository memberships;
    @Autowired DisbursementRepository disbursements;
    @Autowired Disbursements payments;
    @Autowired SignOffRepository signOffs;

    String member;

    @BeforeEach
    void enrolWorker() {
        member = IdNumbers.next();
        medical.enrolAndConfirm("eaststeel", "east", ENROLLED, "张伟", member);
        CaseDriver.today(FILED);
    }

    @AfterEach
    void resetClock() {
        CaseDriver.realTime();
    }

    @Test
    void inpatientClaimOf12000IsProposed3200AndApprovedByTheDistrictAlone() {
        ProcessInstance pi = medical.fileClaim("eaststeel.clerk", inpatientClaim(member, 12000));

        assertThat(pi).isWaitingAt("documentCheck").variables()
                .containsEntry("proposedPayout", "3200.00").containsEntry("approvalLevel", "district");
        String breakdown = (String) driver.runtime().getVariable(pi.getId(), "payoutBreakdown");
        assertThat(breakdown).contains("2000.00–3000.00 元部分 1000.00 × 10% = 100.00",
                "9000.00–10000.00 元部分 1000.00 × 45% = 450.00", "10000.00 元以上部分 2000.00 × 50% = 1000.00",
                "拟赔付 3200.00 元");

        driver.complete(pi, "documentCheck", "eaststeel.clerk", documentsChecked());
        driver.complete(pi, "claimDistrictApproval", "east.chair", "approve", "同意赔付");
        // the approval is committed; the payment is made by a step of its own, retried if it fails
        assertThat(pi).isWaitingAt("settleClaim");
        assertThat(disbursements.findByProcessInstanceId(pi.getId())).isEmpty();
        medical.settle(pi);

        assertThat(pi).isEnded().hasPassed("settleClaim").hasNotPassed("cityMedicalReview");
        MedicalClaim claim = claims.findByProcessInstanceId(pi.getId()).orElseThrow();
        assertThat(claim.getStatus()).isEqualTo(MedicalClaim.Status.APPROVED);
        assertThat(claim.getApprovedPayout()).isEqualByComparingTo("3200.00");
        Disbursement paid = disbursements.findByProcessInstanceId(pi.getId()).orElseThrow();
        assertThat(paid.getAmount()).isEqualByComparingTo("3200.00");
        assertThat(paid.getBankCard()).isEqualTo("6222020200112233445");
        assertThat(paid.getCaseNumber()).isEqualTo(claim.getCaseNumber()).startsWith("YL2026");
        assertThat(paid.getPurpose()).isEqualTo("MEDICAL_CLAIM");
        assertThat(paid.getPayeeKey()).as("the member's membership, not the ID number")
                .isEqualTo("membership:" + claim.getMembership().getId());

        List<SignOff> trail = signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(pi.getId());
        assertThat(trail).extracting(SignOff::getStepId)
                .containsExactly("documentCheck", "claimDistrictApproval", "settleClaim");
        SignOff approval = trail.get(1);
        assertThat(approval.getActorId()).isEqualTo("east.chair");
        assertThat(approval.getDecision()).isEqualTo(Decision.APPROVE);
        assertThat(approval.getAmount()).isEqualByComparingTo("3200.00");
        assertThat(approval.getCategoryLabel()).isEqualTo("住院");
        assertThat(approval.getSnapshot()).contains("拟赔付 3200.00 元").doesNotContain(member)
                .doesNotContain("6222020200112233445").doesNotContain("急性阑尾炎");
        assertThat(trail.get(2).getDecision()).isEqualTo(MedicalDecisions.SETTLE);
        assertThat(trail.get(2).getAmount()).isEqualByComparingTo("3200.00");
    }

    @Test
    void inpatientClaimOf20000IsApprovedByTheDistrictAndThenTheCity() {
        ProcessInstance pi = medical.fileClaim("eaststeel.clerk", inpatientClaim(member, 20000));
        assertThat(pi).variables().containsEntry("proposedPayout", "7200.00").containsEntry("approvalLevel", "city");

        driver.complete(pi, "documentCheck", "eaststeel.clerk", documentsChecked());
        driver.complete(pi, "claimDistrictApproval", "east.chair", "approve", "同意，报市总");
        assertThat(pi).isWaitingAt("cityMedicalReview");
        driver.complete(pi, "cityMedicalReview", "city.clerk", "submit", "诊断与费用相符");
        driver.complete(pi, "claimCityApproval", "city.chair", "approve", "同意赔付");
        medical.settle(pi);

        assertThat(pi).isEnded().hasPassed("cityMedicalReview", "claimCityApproval", "settleClaim");
        assertThat(disbursements.findByProcessInstanceId(pi.getId()).orElseThrow().getAmount())
                .isEqualByComparingTo("7200.00");
        assertThat(signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(pi.getId())).extracting(SignOff::getActorId)
                .containsExactly("eaststeel.clerk", "east.chair", "city.clerk", "city.chair", "system");
    }

    @Test
    void everyCriticalIllnessClaimGoesToTheCity() {
        ProcessInstance pi = medical.fileClaim("eaststeel.clerk", claimForm(member, "criticalMild",
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2), 800, 500, 300));

        assertThat(pi).variables().containsEntry("proposedPayout", "3000.00").containsEntry("approvalLevel", "city");
        driver.complete(pi, "documentCheck", "eaststeel.clerk", documentsChecked());
        driver.complete(pi, "claimDistrictApproval", "east.chair", "approve", null);
        assertThat(pi).isWaitingAt("cityMedicalReview");
    }

    @Test
    void claimInsideTheWaitingPeriodIsRefusedWithTheReasonAndNothingIsWritten() {
        long claimsBefore = claims.count();
        long signOffsBefore = signOffs.count();
        long instancesBefore = driver.runtime().createProcessInstanceQuery()
                .processDefinitionKey(MedicalAidDriver.CLAIM).count();

        assertThatThrownBy(() -> medical.fileClaim("eaststeel.clerk", claimForm(member, "inpatient",
                LocalDate.of(2026, 1, 20), LocalDate.of(2026, 1, 28), 9000, 4000, 5000)))
                .isInstanceOf(UnionAssistException.class)
                .hasMessageContaining("2026年1月20日在免责期内")
                .hasMessageContaining("参保起始日2026年1月5日起30天（至2026年2月3日）")
                .satisfies(e -> assertThat(((UnionAssistException) e).errorCode()).isEqualTo(MedicalError.IN_WAITING_PERIOD));

        assertThat(claims.count()).isEqualTo(claimsBefore);
        assertThat(signOffs.count()).isEqualTo(signOffsBefore);
        assertThat(driver.runtime().createProcessInstanceQuery().processDefinitionKey(MedicalAidDriver.CLAIM).count())
                .isEqualTo(instancesBefore);
    }

    @Test
    void claimFiledAfter31MarchOfTheYearAfterDischargeIsRefused() {
        CaseDriver.today(LocalDate.of(2027, 4, 1));
        assertThatThrownBy(() -> medical.fileClaim("eaststeel.clerk", inpatientClaim(member, 5000)))
                .isInstanceOf(UnionAssistException.class)
                .hasMessageContaining("超过申请期限：2026年3月10日出院的理赔须在2027年3月31日前提出");

        CaseDriver.today(LocalDate.of(2027, 3, 31));
        assertThat(medical.fileClaim("eaststeel.clerk", inpatientClaim(member, 5000))).isWaitingAt("documentCheck");
    }

    @Test
    void criticalIllnessIsPaidOncePerPlanYear() {
        ProcessInstance first = medical.fileClaim("eaststeel.clerk", claimForm(member, "criticalSevere",
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9), 50000, 30000, 20000));
        assertThat(first).variables().containsEntry("proposedPayout", "10000.00");

        assertThatThrownBy(() -> medical.fileClaim("eaststeel.clerk", claimForm(member, "criticalMild",
                LocalDate.of(2026, 3, 12), LocalDate.of(2026, 3, 12), 800, 500, 300)))
                .hasMessageContaining("2026年度已申请过重大疾病互助");

        driver.complete(first, "documentCheck", "eaststeel.clerk", decisionOf("reject", "病理报告与诊断不符"));
        assertThat(first).isEnded().hasPassed("recordRejection");
        // a rejected claim does not use up the year's critical-illness allowance
        assertThat(medical.fileClaim("eaststeel.clerk", claimForm(member, "criticalMild",
                LocalDate.of(2026, 3, 12), LocalDate.of(2026, 3, 12), 800, 500, 300))).isWaitingAt("documentCheck");
    }

    @Test
    void refusesASecondClaimForTheSameStay() {
        ProcessInstance first = medical.fileClaim("eaststeel.clerk", inpatientClaim(member, 12000));
        approvedAtDistrict(first);
        String earlier = claims.findByProcessInstanceId(first.getId()).orElseThrow().getCaseNumber();
        long instancesBefore = driver.runtime().createProcessInstanceQuery()
                .processDefinitionKey(MedicalAidDriver.CLAIM).count();

        assertThatThrownBy(() -> medical.fileClaim("eaststeel.clerk", inpatientClaim(member, 12000)))
                .hasMessage("该职工2026年3月1日至2026年3月10日的住院已有理赔申请（案件号 " + earlier
                        + "，已核准），同一次住院不能重复申请")
                .satisfies(MedicalAidClaimProcessTest::isOverlappingStay);

        assertThat(claims.findAll()).filteredOn(c -> c.getIdNumber().equals(member))
                .extracting(MedicalClaim::getCaseNumber).containsExactly(earlier);
        assertThat(disbursements.findAll()).filteredOn(d -> d.getPayeeIdNumber().equals(member))
                .extracting(Disbursement::getCaseNumber).containsExactly(earlier);
        assertThat(driver.runtime().createProcessInstanceQuery().processDefinitionKey(MedicalAidDriver.CLAIM).count())
                .isEqualTo(instancesBefore);
    }

    @Test
    void refusesAClaimWhoseStayOverlapsOneStillUnderReview() {
        ProcessInstance first = medical.fileClaim("eaststeel.clerk", inpatientClaim(member, 5000));
        driver.complete(first, "documentCheck", "eaststeel.clerk", decisionOf("return", "请补交出院小结"));
        assertThat(first).isWaitingAt("claimSupplement");
        String earlier = claims.findByProcessInstanceId(first.getId()).orElseThrow().getCaseNumber();

        // admitted again on the day of the first stay's discharge: the stays share that day
        assertThatThrownBy(() -> medical.fileClaim("eaststeel.clerk", claimForm(member, "inpatient",
                LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 15), 8000, 4000, 4000)))
                .hasMessage("该职工2026年3月1日至2026年3月10日的住院已有理赔申请（案件号 " + earlier
                        + "，审核中），同一次住院不能重复申请")
                .satisfies(MedicalAidClaimProcessTest::isOverlappingStay);
        assertThat(claims.findAll()).filteredOn(c -> c.getIdNumber().equals(member)).hasSize(1);
    }

    @Test
    void acceptsAGenuineSecondStay() {
        approvedAtDistrict(medical.fileClaim("eaststeel.clerk", inpatientClaim(member, 12000)));

        ProcessInstance second = medical.fileClaim("eaststeel.clerk", claimForm(member, "inpatient",
                LocalDate.of(2026, 3, 11), LocalDate.of(2026, 3, 18), 10000, 5000, 5000));

        assertThat(second).isWaitingAt("documentCheck").variables().containsEntry("proposedPayout", "450.00");
    }

    @Test
    void acceptsANewClaimAfterTheEarlierOneWasRejected() {
        ProcessInstance first = medical.fileClaim("eaststeel.clerk", inpatientClaim(member, 12000));
        driver.complete(first, "documentCheck", "eaststeel.clerk", decisionOf("reject", "发票与住院日期不符"));
        assertThat(first).isEnded().hasPassed("recordRejection");

        ProcessInstance again = medical.fileClaim("eaststeel.clerk", inpatientClaim(member, 12000));

        assertThat(again).isWaitingAt("documentCheck").variables().containsEntry("proposedPayout", "3200.00");
    }

    @Test
    void aCriticalIllnessDiagnosedDuringAClaimedStayIsNotADuplicate() {
        medical.fileClaim("eaststeel.clerk", inpatientClaim(member, 12000));

        ProcessInstance critical = medical.fileClaim("eaststeel.clerk", claimForm(member, "criticalSevere",
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9), 50000, 30000, 20000));

        assertThat(critical).isWaitingAt("documentCheck").variables().containsEntry("proposedPayout", "10000.00");
    }

    @Test
    void refusesASpecialOutpatientClaimForATreatmentPeriodAlreadyClaimed() {
        ProcessInstance first = medical.fileClaim("eaststeel.clerk", claimForm(member, "specialOutpatient",
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 14), 5000, 2000, 3000));
        String earlier = claims.findByProcessInstanceId(first.getId()).orElseThrow().getCaseNumber();

        assertThatThrownBy(() -> medical.fileClaim("eaststeel.clerk", claimForm(member, "specialOutpatient",
                LocalDate.of(2026, 3, 7), LocalDate.of(2026, 3, 7), 1000, 400, 600)))
                .hasMessage("该职工2026年3月1日至2026年3月14日的门诊特殊病已有理赔申请（案件号 " + earlier
                        + "，审核中），同一期间的门诊特殊病费用不能重复申请")
                .satisfies(MedicalAidClaimProcessTest::isOverlappingStay);
        // an inpatient stay in the same days is another benefit
        assertThat(medical.fileClaim("eaststeel.clerk", inpatientClaim(member, 5000))).isWaitingAt("documentCheck");
    }

    private static void isOverlappingStay(Throwable refusal) {
        assertThat(refusal).isInstanceOf(UnionAssistException.class);
        assertThat(((UnionAssistException) refusal).errorCode()).isEqualTo(MedicalError.OVERLAPPING_STAY);
        assertThat(((UnionAssistException) refusal).getCode()).isEqualTo(20058);
    }

    @Test
    void selfPaidAboveTheTotalCostIsRefused() {
        assertThatThrownBy(() -> medical.fileClaim("eaststeel.clerk", claimForm(member, "inpatient",
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 10), 5000, 0, 6000)))
                .hasMessage("个人自付金额（6000.00元）不能超过医疗总费用（5000.00元）");
    }

    @Test
    void workerWhoIsNotAMemberOrOfAnotherUnionIsRefused() {
        assertThatThrownBy(() -> medical.fileClaim("eaststeel.clerk", inpatientClaim(IdNumbers.next(), 5000)))
                .hasMessageContaining("年度未参加职工医疗互助");
        assertThatThrownBy(() -> medical.fileClaim("eaststreet.clerk", inpatientClaim(member, 5000)))
                .hasMessageContaining("不是本单位的参保职工");
    }

    @Test
    void missingDocumentsAreReturnedForSupplementAndTheClaimIsCheckedAgain() {
        ProcessInstance pi = medical.fileClaim("eaststeel.clerk", inpatientClaim(member, 5000));
        assertThat(pi).variables().containsEntry("proposedPayout", "450.00");

        assertThatThrownBy(() -> driver.complete(pi, "documentCheck", "eaststeel.clerk",
                documentsChecked().putValue("docInvoices", false)))
                .hasMessage("材料不全，缺少：医疗费用发票。请退回补充材料");
        assertThatThrownBy(() -> driver.complete(pi, "documentCheck", "eaststeel.clerk", "return", null))
                .hasMessage("选择「退回补充材料」时必须填写意见");
        driver.complete(pi, "documentCheck", "eaststeel.clerk", decisionOf("return", "请补交医疗费用发票原件"));
        assertThat(pi).isWaitingAt("claimSupplement");

        driver.complete(pi, "claimSupplement", "eaststeel.clerk", inpatientClaim(member, 6000)
                .putValue("decision", "resubmit"));
        assertThat(pi).isWaitingAt("documentCheck").variables().containsEntry("proposedPayout", "700.00");
        assertThat(claims.findByProcessInstanceId(pi.getId()).orElseThrow().getSelfPaid())
                .isEqualByComparingTo("6000.00");
    }

    @Test
    void districtRejectionNeedsAnOpinionAndPaysNothing() {
        ProcessInstance pi = medical.fileClaim("eaststeel.clerk", inpatientClaim(member, 5000));
        driver.complete(pi, "documentCheck", "eaststeel.clerk", documentsChecked());

        assertThatThrownBy(() -> driver.complete(pi, "claimDistrictApproval", "east.chair", "reject", " "))
                .hasMessage("选择「驳回（不予赔付）」时必须填写意见");
        driver.complete(pi, "claimDistrictApproval", "east.chair", "reject", "费用不属于互助范围");

        assertThat(pi).isEnded().hasPassed("recordRejection");
        assertThat(claims.findByProcessInstanceId(pi.getId()).orElseThrow().getStatus())
                .isEqualTo(MedicalClaim.Status.REJECTED);
        assertThat(disbursements.findByProcessInstanceId(pi.getId())).isEmpty();
    }

    @Test
    void cityReturnsAClaimToTheGrassrootsWhoWithdrawIt() {
        ProcessInstance pi = medical.fileClaim("eaststeel.clerk", inpatientClaim(member, 20000));
        driver.complete(pi, "documentCheck", "eaststeel.clerk", documentsChecked());
        driver.complete(pi, "claimDistrictApproval", "east.chair", "approve", null);
        driver.complete(pi, "cityMedicalReview", "city.clerk", "submit", null);
        driver.complete(pi, "claimCityApproval", "city.chair", "return", "请补充住院病历");
        assertThat(pi).isWaitingAt("claimSupplement");

        driver.complete(pi, "claimSupplement", "eaststeel.clerk", decisionOf("withdraw", "职工放弃申请"));

        assertThat(pi).isEnded().hasPassed("recordWithdrawal");
        assertThat(claims.findByProcessInstanceId(pi.getId()).orElseThrow().getStatus())
                .isEqualTo(MedicalClaim.Status.WITHDRAWN);
        assertThat(disbursements.findByProcessInstanceId(pi.getId())).isEmpty();
    }

    @Test
    void reviewerChangesTheCriticalIllnessGradeOnlyWithAReasonAndThePayoutIsRecomputed() {
        ProcessInstance pi = medical.fileClaim("eaststeel.clerk", claimForm(member, "criticalMild",
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9), 50000, 30000, 20000));
        driver.complete(pi, "documentCheck", "eaststeel.clerk", documentsChecked());
        driver.complete(pi, "claimDistrictApproval", "east.chair", "approve", null);

        assertThatThrownBy(() -> driver.complete(pi, "cityMedicalReview", "city.clerk",
                decisionOf("submit", null).putValue("correctedClaimType", "criticalSevere")))
                .hasMessage("调整重大疾病等级或核定金额必须填写理由");
        assertThatThrownBy(() -> driver.complete(pi, "cityMedicalReview", "city.clerk",
                decisionOf("submit", null).putValue("correctedClaimType", "inpatient")
                        .putValue("correctionReason", "按住院")))
                .hasMessage("审核时只能调整重大疾病的轻症/重症等级，不能改变理赔类型");
        driver.complete(pi, "cityMedicalReview", "city.clerk", decisionOf("submit", "病理报告为恶性肿瘤")
                .putValue("correctedClaimType", "criticalSevere").putValue("correctionReason", "病理报告确诊为重症"));

        assertThat(pi).isWaitingAt("claimCityApproval").variables().containsEntry("proposedPayout", "10000.00")
                .containsEntry("claimTypeLabel", "重大疾病（重症）")
                .containsEntry("correctionReasonShown", "病理报告确诊为重症");
        SignOff review = signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(pi.getId()).get(2);
        assertThat(review.getAmount()).isEqualByComparingTo("10000.00");
        assertThat(review.getSnapshot()).contains("病理报告确诊为重症");

        driver.complete(pi, "claimCityApproval", "city.chair", "approve", null);
        medical.settle(pi);
        assertThat(disbursements.findByProcessInstanceId(pi.getId()).orElseThrow().getAmount())
                .isEqualByComparingTo("10000.00");
    }

    @Test
    void districtCorrectionOfTheAmountRecomputesThePayoutAndWhoApprovesIt() {
        ProcessInstance pi = medical.fileClaim("eaststeel.clerk", inpatientClaim(member, 20000));
        driver.complete(pi, "documentCheck", "eaststeel.clerk", documentsChecked());

        driver.complete(pi, "claimDistrictApproval", "east.chair", decisionOf("approve", "同意")
                .putValue("correctedSelfPaid", 12000).putValue("correctionReason", "8000元为自费药品，不属于互助范围"));
        medical.settle(pi);

        assertThat(pi).isEnded().hasNotPassed("cityMedicalReview");
        assertThat(disbursements.findByProcessInstanceId(pi.getId()).orElseThrow().getAmount())
                .isEqualByComparingTo("3200.00");
        assertThat(claims.findByProcessInstanceId(pi.getId()).orElseThrow().getCorrectionReason())
                .isEqualTo("8000元为自费药品，不属于互助范围");
    }

    @Test
    void theAnnualCapCutsALaterClaimToWhatRemains() {
        approvedAtCity(medical.fileClaim("eaststeel.clerk", inpatientClaim(member, 60000)));
        ProcessInstance second = medical.fileClaim("eaststeel.clerk", claimForm(member, "inpatient",
                LocalDate.of(2026, 3, 12), LocalDate.of(2026, 3, 18), 40000, 20000, 20000));

        // 60,000 self-paid: 2,200 from the bands to 10,000 + 50% of 50,000 = 27,200
        assertThat(second).variables().containsEntry("proposedPayout", "3000.00");
        assertThat((String) driver.runtime().getVariable(second.getId(), "payoutBreakdown"))
                .contains("年度封顶 30200.00 元，本年度已赔付 27200.00 元，本次按剩余额度 3000.00 元给付");
        approvedAtDistrict(second);
        assertThat(memberships.findByIdNumberAndPlanYearAndStatus(member, 2026, Membership.Status.ACTIVE)
                .orElseThrow().getApprovedTotal()).isEqualByComparingTo("30200.00");
    }

    @Test
    void aClaimWhoseCapWasUsedUpBeforeItsSettlementIsClosedUnpaidWithTheReason() {
        ProcessInstance large = medical.fileClaim("eaststeel.clerk", inpatientClaim(member, 60000));
        ProcessInstance second = medical.fileClaim("eaststeel.clerk", claimForm(member, "inpatient",
                LocalDate.of(2026, 2, 10), LocalDate.of(2026, 2, 14), 20000, 8000, 12000));
        ProcessInstance third = medical.fileClaim("eaststeel.clerk", claimForm(member, "inpatient",
                LocalDate.of(2026, 2, 20), LocalDate.of(2026, 2, 24), 20000, 8000, 12000));
        assertThat(third).variables().as("proposed while nothing was paid yet").containsEntry("proposedPayout", "3200.00");

        approvedAtCity(large);
        approvedAtDistrict(second);
        driver.complete(third, "documentCheck", "eaststeel.clerk", documentsChecked());
        driver.complete(third, "claimDistrictApproval", "east.chair", "approve", null);
        medical.settle(third);

        assertThat(third).isEnded().hasPassed("notPayable", "recordRejection").hasNotPassed("claimApproved");
        assertThat(claims.findByProcessInstanceId(third.getId()).orElseThrow().getStatus())
                .isEqualTo(MedicalClaim.Status.REJECTED);
        assertThat(disbursements.findAll()).noneMatch(d -> d.getProcessInstanceId().equals(third.getId()));
        assertThat(memberships.findByIdNumberAndPlanYearAndStatus(member, 2026, Membership.Status.ACTIVE)
                .orElseThrow().getApprovedTotal()).isEqualByComparingTo("30200.00");
        List<SignOff> trail = signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(third.getId());
        assertThat(trail).extracting(SignOff::getStepId, s -> s.getDecision().code())
                .endsWith(tuple("claimDistrictApproval", "approve"), tuple("settleClaim", "notPayable"));
        assertThat(trail.get(trail.size() - 1).getOpinion()).contains("封顶额已由另一笔先结算的理赔用完", "赔付0元");
    }

    @Test
    void specialOutpatientPaysHalfUpTo2000AYear() {
        ProcessInstance first = medical.fileClaim("eaststeel.clerk", claimForm(member, "specialOutpatient",
                LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 3), 5000, 2000, 3000));
        assertThat(first).variables().containsEntry("proposedPayout", "1500.00");
        approvedAtDistrict(first);

        ProcessInstance second = medical.fileClaim("eaststeel.clerk", claimForm(member, "specialOutpatient",
                LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 10), 5000, 2000, 3000));
        assertThat(second).variables().containsEntry("proposedPayout", "500.00");
    }

    @Test
    void aZeroPayoutCannotBeApproved() {
        ProcessInstance pi = medical.fileClaim("eaststeel.clerk", inpatientClaim(member, 1800));
        assertThat(pi).variables().containsEntry("proposedPayout", "0.00");
        driver.complete(pi, "documentCheck", "eaststeel.clerk", documentsChecked());

        assertThatThrownBy(() -> driver.complete(pi, "claimDistrictApproval", "east.chair", "approve", null))
                .hasMessageContaining("本案赔付为0元，不能同意赔付");
        driver.complete(pi, "claimDistrictApproval", "east.chair", "reject", "自付未达起付标准2000元");
        assertThat(pi).isEnded().hasPassed("recordRejection");
    }

    @Test
    void anotherUnionNeitherSeesNorCompletesTheClaim() {
        ProcessInstance pi = medical.fileClaim("eaststeel.clerk", inpatientClaim(member, 5000));

        assertThat(driver.as("eaststreet.clerk", () -> driver.tasks().createTaskQuery()
                .processInstanceId(pi.getId()).count())).isZero();
        assertThat(driver.as("west.chair", () -> driver.runtime().createProcessInstanceQuery()
                .processInstanceId(pi.getId()).count())).isZero();
        assertThat(driver.as("east.auditor", () -> driver.runtime().createProcessInstanceQuery()
                .processInstanceId(pi.getId()).count())).isEqualTo(1);
        assertThatThrownBy(() -> driver.complete(pi, "documentCheck", "eaststreet.clerk", documentsChecked()))
                .isInstanceOf(AuthorizationException.class);
        assertThat(pi).isWaitingAt("documentCheck");
        assertThat(signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(pi.getId())).isEmpty();
    }

    @Test
    void routingDataCannotBeChangedBySubmittingVariables() {
        ProcessInstance pi = medical.fileClaim("eaststeel.clerk", inpatientClaim(member, 20000));
        driver.complete(pi, "documentCheck", "eaststeel.clerk", documentsChecked());

        assertThatThrownBy(() -> driver.complete(pi, "claimDistrictApproval", "east.chair",
                decisionOf("approve", null).putValue("approvalLevel", "district")))
                .hasMessageContaining("不能在办理时直接修改");
        assertThat(pi).isWaitingAt("claimDistrictApproval");
    }

    @Test
    void askingToPayTheSameCaseAgainReturnsTheFirstDisbursement() {
        ProcessInstance pi = medical.fileClaim("eaststeel.clerk", inpatientClaim(member, 12000));
        approvedAtDistrict(pi);
        Disbursement first = disbursements.findByProcessInstanceId(pi.getId()).orElseThrow();

        Disbursement again = payments.payOnce(new PaymentOrder(pi.getId(), "medicalAidClaim",
                first.getCaseNumber(), first.getPayeeKey(), first.getPurpose(), "张伟", member, "6222020200112233445",
                new BigDecimal("3200.00"), "eaststeel"));

        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(disbursements.findAll()).filteredOn(d -> d.getProcessInstanceId().equals(pi.getId())).hasSize(1);
    }

    private void approvedAtDistrict(ProcessInstance pi) {
        driver.complete(pi, "documentCheck", "eaststeel.clerk", documentsChecked());
        driver.complete(pi, "claimDistrictApproval", "east.chair", "approve", null);
        medical.settle(pi);
        assertThat(pi).isEnded().hasPassed("settleClaim");
    }

    private void approvedAtCity(ProcessInstance pi) {
        driver.complete(pi, "documentCheck", "eaststeel.clerk", documentsChecked());
        driver.complete(pi, "claimDistrictApproval", "east.chair", "approve", null);
        driver.complete(pi, "cityMedicalReview", "city.clerk", "submit", null);
        driver.complete(pi, "claimCityApproval", "city.chair", "approve", null);
        medical.settle(pi);
        assertThat(pi).isEnded().hasPassed("settleClaim");
    }
}
