package org.unionassist.education;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.ErrorCode;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.signoff.Decision;
import org.unionassist.casework.signoff.SignOff;
import org.unionassist.casework.signoff.SignOffRepository;
import org.unionassist.payment.Disbursement;
import org.unionassist.payment.DisbursementRepository;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.EducationGrantDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.MedicalAidDriver;
import org.unionassist.support.ProcessTest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.spin.Spin.JSON;
import static org.unionassist.support.CaseDriver.decisionOf;
import static org.unionassist.support.EducationGrantDriver.application;
import static org.unionassist.support.EducationGrantDriver.temporaryHardship;

/** Every way a 金秋助学 application can go: refusals at intake, returns, withdrawals, the sitting, the notice, the city. */
@ProcessTest
class EducationGrantPathsTest {

    private static final String CARD_DIGITS = "6222020200112233445";
    /** The city's tests take places in a year of their own: other classes count on the 2026 quotas. */
    private static final int CITY_YEAR = 2028;

    @Autowired EducationGrantDriver education;
    @Autowired CaseDriver driver;
    @Autowired MedicalAidDriver starter;
    @Autowired EducationGrantRepository grants;
    @Autowired GrantQuotas quotas;
    @Autowired EducationGrantController controller;
    @Autowired SignOffRepository signOffs;
    @Autowired DisbursementRepository disbursements;
    @Autowired HistoryService history;

    @BeforeEach
    void inTheWindow() {
        CaseDriver.today(EducationGrantDriver.IN_WINDOW);
    }

    @AfterEach
    void resetClock() {
        CaseDriver.realTime();
    }

    // ---- intake ----

    @Test
    void anApplicationOutsideTheWindowIsRefusedNamingTheWindowAndNothingIsWritten() {
        CaseDriver.today(LocalDate.of(2026, 10, 8));
        String student = IdNumbers.next();
        long grantsBefore = grants.count();
        long instancesBefore = instancesOfGrant();

        refused(() -> education.file("eaststeel.clerk", temporaryHardship(student, IdNumbers.next(), "highSchool")),
                EducationError.OUTSIDE_WINDOW, "7月1日", "9月15日");

        assertThat(grants.count()).isEqualTo(grantsBefore);
        assertThat(instancesOfGrant()).isEqualTo(instancesBefore);
        assertThat(grants.findByStudentYearKey(EducationGrant.keyOf(student, 2026))).isEmpty();
    }

    @Test
    void militaryFreeTeacherAndTiedPlacementsAndOtherFundingAreRefusedWithTheReason() {
        long grantsBefore = grants.count();
        refused(() -> education.file("eaststeel.clerk", temporaryHardship(IdNumbers.next(), IdNumbers.next(),
                "undergraduate").putValue("placement", "military")), EducationError.NOT_ELIGIBLE, "军事院校");
        refused(() -> education.file("eaststeel.clerk", temporaryHardship(IdNumbers.next(), IdNumbers.next(),
                "undergraduate").putValue("placement", "freeTeacher")), EducationError.NOT_ELIGIBLE, "公费师范生");
        refused(() -> education.file("eaststeel.clerk", temporaryHardship(IdNumbers.next(), IdNumbers.next(),
                "undergraduate").putValue("placement", "tied")), EducationError.NOT_ELIGIBLE, "定向培养");
        refused(() -> education.file("eaststeel.clerk", temporaryHardship(IdNumbers.next(), IdNumbers.next(),
                        "undergraduate").putValue("otherFunding", true).putValue("otherFundingBody", "春蕾助学基金会")),
                EducationError.NOT_ELIGIBLE, "春蕾助学基金会", "不再重复资助");
        assertThat(grants.count()).isEqualTo(grantsBefore);
    }

    @Test
    void aHouseholdWithoutAnOpenFileMustGiveTheCauseOfItsTemporaryHardship() {
        refused(() -> education.file("eaststeel.clerk", application(IdNumbers.next(), IdNumbers.next(), "highSchool")),
                EducationError.TEMPORARY_CAUSE_REQUIRED, "临时困难原因");
    }

    @Test
    void aHouseholdFoundIneligibleThisYearCannotApplyAndTheRefusalGivesTheReason() {
        String worker = IdNumbers.next();
        ProcessInstance hardship = driver.apply("eaststreet.clerk", CaseDriver.deepHardshipApplication(worker));
        driver.complete(hardship, "homeVisit", "eaststreet.clerk", CaseDriver.visitOf("submit", null, "x"));
        driver.complete(hardship, "grassrootsReview", "eaststreet.chair", "reject", "家庭收入明显高于申报");

        refused(() -> education.file("eaststreet.clerk", temporaryHardship(IdNumbers.next(), worker, "highSchool")),
                EducationError.HOUSEHOLD_NOT_ELIGIBLE, "不予认定", "家庭收入明显高于申报");
    }

    @Test
    void aSecondApplicationForTheSameStudentTheSameYearIsRefusedUntilTheFirstIsWithdrawn() {
        String student = IdNumbers.next();
        String worker = IdNumbers.next();
        ProcessInstance first = education.file("eaststeel.clerk", temporaryHardship(student, worker, "undergraduate"));
        String firstNumber = education.caseNumber(first);

        refused(() -> education.file("eaststeel.clerk", temporaryHardship(student, worker, "undergraduate")),
                EducationError.ALREADY_APPLIED, firstNumber);
        refused(() -> education.file("westtextile.clerk", temporaryHardship(student, worker, "undergraduate")),
                EducationError.ALREADY_APPLIED, firstNumber);

        withdraw("eaststeel.clerk", first, "家长改为向其他工会申请");
        ProcessInstance second = education.file("westtextile.clerk", temporaryHardship(student, worker,
                "undergraduate"));
        education.task(second, "grassrootsCheck");
        assertThat(grants.findByStudentYearKey(EducationGrant.keyOf(student, 2026))).get()
                .satisfies(g -> {
                    assertThat(g.getProcessInstanceId()).isEqualTo(second.getId());
                    assertThat(g.getGrassrootsUnionId()).isEqualTo("westtextile");
                });
    }

    // ---- grassroots ----

    @Test
    void aReturnedApplicationIsResubmittedWithACorrectedLevelAndTheMaskedIdNumbersKeepTheirOriginals() {
        String student = IdNumbers.next();
        String worker = IdNumbers.next();
        ProcessInstance pi = education.file("eaststeel.clerk", temporaryHardship(student, worker, "highSchool"));
        assertThat(driver.runtime().getVariable(pi.getId(), "grantAmount")).isEqualTo("2000.00");
        driver.complete(pi, "grassrootsCheck", "eaststeel.chair", "return", "学生已升入本科，请更正就读层次");
        education.task(pi, "grantSupplement");
        assertThat(grant(pi).getStatus()).isEqualTo(EducationGrant.Status.RETURNED);

        Map<String, Object> shown = driver.runtime().getVariables(pi.getId());
        assertThat((String) shown.get("studentIdNumber")).isNotEqualTo(student).contains("*");
        assertThat((String) shown.get("workerIdNumber")).isNotEqualTo(worker).contains("*");
        assertThat(shown.get("bankCard").toString().replace(" ", "")).isNotEqualTo(CARD_DIGITS);
        // Tasklist sends the form back with the masked values the clerk did not touch
        driver.complete(pi, "grantSupplement", "eaststeel.clerk", decisionOf("resubmit", "已更正为本科")
                .putValue("studentIdNumber", shown.get("studentIdNumber"))
                .putValue("workerIdNumber", shown.get("workerIdNumber"))
                .putValue("bankCard", shown.get("bankCard"))
                .putValue("level", "undergraduate"));

        education.task(pi, "grassrootsCheck");
        assertThat(driver.runtime().getVariable(pi.getId(), "grantAmount")).isEqualTo("4000.00");
        assertThat((String) driver.runtime().getVariable(pi.getId(), "amountReason")).contains("4000.00");
        EducationGrant g = grant(pi);
        assertThat(g.getStatus()).isEqualTo(EducationGrant.Status.GRASSROOTS_CHECK);
        assertThat(g.getLevel()).isEqualTo(GrantLevel.UNDERGRADUATE);
        assertThat(g.getAmount()).isEqualByComparingTo("4000.00");
        assertThat(g.getStudentIdNumber()).isEqualTo(student);
        assertThat(g.getWorkerIdNumber()).isEqualTo(worker);
        assertThat(g.getBankCard().replace(" ", "")).isEqualTo(CARD_DIGITS);
        assertThat((String) driver.runtime().getVariable(pi.getId(), "studentIdNumber")).isNotEqualTo(student);
    }

    @Test
    void aReturnedApplicationWithdrawnAtTheSupplementEndsWithdrawn() {
        ProcessInstance pi = education.file("eaststeel.clerk",
                temporaryHardship(IdNumbers.next(), IdNumbers.next(), "highSchool"));
        driver.complete(pi, "grassrootsCheck", "eaststeel.chair", "return", "请补充在读证明");
        driver.complete(pi, "grantSupplement", "eaststeel.clerk", "withdraw", "家长决定不再申请");

        assertThat(ended(pi).getEndActivityId()).isEqualTo("grantWithdrawn");
        assertThat(grant(pi).getStatus()).isEqualTo(EducationGrant.Status.WITHDRAWN);
    }

    @Test
    void theGrassrootsChairRejectsOnlyWithAnOpinion() {
        ProcessInstance pi = education.file("eaststeel.clerk",
                temporaryHardship(IdNumbers.next(), IdNumbers.next(), "highSchool"));

        refused(() -> driver.complete(pi, "grassrootsCheck", "eaststeel.chair", "reject", null),
                CaseworkError.OPINION_REQUIRED);
        education.task(pi, "grassrootsCheck");

        driver.complete(pi, "grassrootsCheck", "eaststeel.chair", "reject", "经核实家庭收入稳定，不属于临时困难");
        assertThat(ended(pi).getEndActivityId()).isEqualTo("grantRejected");
        assertThat(grant(pi).getStatus()).isEqualTo(EducationGrant.Status.REJECTED);
    }

    // ---- withdrawal by request ----

    @Test
    void theGrassrootsClerkWithdrawsAnApplicationWaitingForTheDistrictButNoOtherUnionsClerkCan() {
        ProcessInstance pi = education.awaitingDistrict("eaststeel",
                temporaryHardship(IdNumbers.next(), IdNumbers.next(), "juniorCollege"));
        assertThat(grant(pi).getStatus()).isEqualTo(EducationGrant.Status.AWAITING_DISTRICT);

        refused(() -> withdraw("westtextile.clerk", pi, "误操作"), CaseworkError.NOT_AUTHORIZED);
        assertThat(grant(pi).getStatus()).isEqualTo(EducationGrant.Status.AWAITING_DISTRICT);

        withdraw("eaststeel.clerk", pi, "学生已获得学校全额奖学金");

        assertEndedWithdrawnOnRequest(pi);
        assertThat(grant(pi).getStatus()).isEqualTo(EducationGrant.Status.WITHDRAWN);
        assertThat(signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(pi.getId()))
                .filteredOn(s -> Decision.WITHDRAW.equals(s.getDecision())).singleElement()
                .satisfies(s -> {
                    assertThat(s.getActorId()).isEqualTo("eaststeel.clerk");
                    assertThat(s.getOpinion()).isEqualTo("学生已获得学校全额奖学金");
                });
    }

    // ---- the district's sitting ----

    @Test
    void aGrassrootsClerkCannotConveneASitting() {
        long before = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(EducationGrantDriver.SITTING).count();
        assertThatThrownBy(() -> starter.start("eaststeel.clerk", EducationGrantDriver.SITTING,
                Variables.createVariables())).isInstanceOf(AuthorizationException.class)
                .hasMessageContaining("eaststeel.clerk").hasMessageContaining("CREATE_INSTANCE");
        assertThat(history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(EducationGrantDriver.SITTING).count()).isEqualTo(before);
    }

    @Test
    void theSittingNeedsAnOpinionForEveryReturnOrRejectAndEveryRowAndThenSkipsWithdrawnApplications() {
        ProcessInstance rejected = education.awaitingDistrict("eaststeel",
                temporaryHardship(IdNumbers.next(), IdNumbers.next(), "undergraduate"));
        ProcessInstance approved = education.awaitingDistrict("eaststreet",
                temporaryHardship(IdNumbers.next(), IdNumbers.next(), "highSchool"));
        ProcessInstance withdrawn = education.awaitingDistrict("eaststeel",
                temporaryHardship(IdNumbers.next(), IdNumbers.next(), "juniorCollege"));
        String r = education.caseNumber(rejected);
        String a = education.caseNumber(approved);
        String w = education.caseNumber(withdrawn);

        ProcessInstance sitting = education.convene("east");
        assertThat(education.agenda(sitting)).extracting(row -> row.get("caseNumber")).contains(r, a, w);
        withdraw("eaststeel.clerk", withdrawn, "学生已办理退学");

        // two rows without an opinion: both named in one refusal, nothing sent
        refused(() -> decide(sitting, Map.of(r, new String[]{"reject"}, a, new String[]{"return"})),
                CaseworkError.OPINION_REQUIRED, r, a);
        assertThat(grant(rejected).getStatus()).isEqualTo(EducationGrant.Status.AWAITING_DISTRICT);
        assertThat(grant(approved).getStatus()).isEqualTo(EducationGrant.Status.AWAITING_DISTRICT);
        refused(() -> decide(sitting, Map.of(r, new String[]{"reject"})), CaseworkError.OPINION_REQUIRED, r);
        assertThat(grant(rejected).getStatus()).isEqualTo(EducationGrant.Status.AWAITING_DISTRICT);

        // a row left undecided and another without its opinion: both named in one refusal
        assertThatThrownBy(() -> driver.complete(sitting, "districtSitting", "east.chair",
                education.sittingDecisions(sitting, Map.of(r, new String[]{"reject"}, w, new String[]{"approve"}))))
                .isInstanceOfSatisfying(UnionAssistException.class, e -> assertThat(e.getMessage())
                        .contains("集体研究名单中有2处需要改正").contains(a + "）请选择研究结论")
                        .contains(r + "）不予资助须填写意见"));
        assertThat(grant(approved).getStatus()).isEqualTo(EducationGrant.Status.AWAITING_DISTRICT);

        // a row taken off the list
        VariableMap missing = education.sittingDecisions(sitting, everyRow(sitting, Map.of()));
        List<Map<String, Object>> rows = new ArrayList<>(education.agenda(sitting).stream()
                .filter(row -> !r.equals(row.get("caseNumber"))).map(row -> {
                    Map<String, Object> answered = new LinkedHashMap<>(row);
                    answered.put("rowDecision", "approve");
                    return answered;
                }).toList());
        missing.putValueTyped("applications", SpinValues.jsonValue(JSON(rows)).create());
        refused(() -> driver.complete(sitting, "districtSitting", "east.chair", missing),
                EducationError.SITTING_LIST_CHANGED, r);
        assertThat(grant(rejected).getStatus()).isEqualTo(EducationGrant.Status.AWAITING_DISTRICT);
        assertThat(grant(approved).getStatus()).isEqualTo(EducationGrant.Status.AWAITING_DISTRICT);

        decide(sitting, Map.of(r, new String[]{"reject", "家庭收入超过标准"}, a, new String[]{"approve"},
                w, new String[]{"approve"}));

        assertThat(ended(sitting).getEndActivityId()).isEqualTo("sittingDecided");
        assertThat(ended(rejected).getEndActivityId()).isEqualTo("grantRejected");
        assertThat(grant(rejected).getStatus()).isEqualTo(EducationGrant.Status.REJECTED);
        education.task(approved, "publicNotice");
        assertThat(grant(approved).getStatus()).isEqualTo(EducationGrant.Status.ON_NOTICE);
        assertEndedWithdrawnOnRequest(withdrawn);
        assertThat(grant(withdrawn).getStatus()).isEqualTo(EducationGrant.Status.WITHDRAWN);
        assertThat(signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(withdrawn.getId()))
                .noneMatch(s -> "recordDistrictDecision".equals(s.getStepId()));
        assertThat((String) history.createHistoricVariableInstanceQuery().processInstanceId(sitting.getId())
                .variableName("sittingOutcome").singleResult().getValue()).contains("研究前已撤回 1 件");

        // decided: too late to withdraw
        refused(() -> withdraw("eaststreet.clerk", approved, "不想要了"), CaseworkError.WITHDRAWAL_TOO_LATE);
        education.task(approved, "publicNotice");

        // the sitting took up everything: nothing is left to decide
        long sittingsBefore = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(EducationGrantDriver.SITTING).count();
        refused(() -> education.convene("east"), EducationError.NOTHING_TO_DECIDE);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(EducationGrantDriver.SITTING)
                .count()).isEqualTo(sittingsBefore);
    }

    // ---- public notice ----

    @Test
    void anObjectionDuringTheNoticeGoesToTheDistrictsRecheckWhichSendsItOnOrRejectsIt() {
        ProcessInstance dismissed = education.awaitingDistrict("eaststeel",
                temporaryHardship(IdNumbers.next(), IdNumbers.next(), "undergraduate"));
        ProcessInstance upheld = education.awaitingDistrict("eaststreet",
                temporaryHardship(IdNumbers.next(), IdNumbers.next(), "highSchool"));
        education.approveAll("east");

        driver.complete(dismissed, "publicNotice", "east.clerk", "objection", "有群众反映该家庭经营个体商铺");
        education.task(dismissed, "objectionRecheck");
        assertThat(grant(dismissed).getStatus()).isEqualTo(EducationGrant.Status.OBJECTION);
        driver.complete(dismissed, "objectionRecheck", "east.chair", decisionOf("approve", "异议不成立")
                .putValue("recheckFindings", "经入户复查，商铺已于去年注销，家庭收入属实"));
        education.task(dismissed, "cityApproval");
        assertThat(grant(dismissed).getStatus()).isEqualTo(EducationGrant.Status.AWAITING_CITY);

        driver.complete(upheld, "publicNotice", "east.clerk", "objection", "有群众反映该学生已获企业资助");
        driver.complete(upheld, "objectionRecheck", "east.chair", decisionOf("reject", "异议成立，该学生已获企业全额资助")
                .putValue("recheckFindings", "经核实，学生已与企业签订资助协议"));
        assertThat(ended(upheld).getEndActivityId()).isEqualTo("grantRejected");
        assertThat(grant(upheld).getStatus()).isEqualTo(EducationGrant.Status.REJECTED);
    }

    // ---- the city ----

    @Test
    void theCityRejectsWithoutTakingAPlaceAndNothingIsPaid() {
        CaseDriver.today(LocalDate.of(CITY_YEAR, 7, 6));
        ProcessInstance pi = education.atCityApproval("eaststeel", "east",
                temporaryHardship(IdNumbers.next(), IdNumbers.next(), "undergraduate"));
        int granted = roomFor(CITY_YEAR, "east");

        driver.complete(pi, "cityApproval", "city.chair", "reject", "本年度名额优先保障在档困难家庭");

        assertThat(ended(pi).getEndActivityId()).isEqualTo("grantRejected");
        assertThat(grant(pi).getStatus()).isEqualTo(EducationGrant.Status.REJECTED);
        assertThat(quota(CITY_YEAR, "east").getGranted()).isEqualTo(granted);
        assertThat(disbursements.findAllByProcessInstanceIdOrderByIdAsc(pi.getId())).isEmpty();
    }

    @Test
    void theCityCannotApproveBeforeTheDistrictsQuotaIsSet() {
        CaseDriver.today(LocalDate.of(2027, 7, 5));
        ProcessInstance pi = education.atCityApproval("westtextile", "west",
                temporaryHardship(IdNumbers.next(), IdNumbers.next(), "undergraduate"));
        assertThat(quotas.ofYear(2027)).noneMatch(q -> "west".equals(q.getDistrictUnionId()));
        assertThat((String) driver.runtime().getVariable(pi.getId(), "quotaShown")).contains("尚未下达");

        refused(() -> driver.complete(pi, "cityApproval", "city.chair", "approve", "同意"),
                EducationError.QUOTA_NOT_SET, "尚未下达");

        education.task(pi, "cityApproval");
        assertThat(grant(pi).getStatus()).isEqualTo(EducationGrant.Status.AWAITING_CITY);
    }

    @Test
    void anApprovedGrantIsPaidOnceToTheWorkersCardAndOnlyThePaymentKeepsTheFullCard() {
        CaseDriver.today(LocalDate.of(CITY_YEAR, 7, 6));
        ProcessInstance pi = education.atCityApproval("eaststeel", "east",
                temporaryHardship(IdNumbers.next(), IdNumbers.next(), "undergraduate"));
        int granted = roomFor(CITY_YEAR, "east");

        driver.complete(pi, "cityApproval", "city.chair", "approve", "同意资助");
        assertThat(quota(CITY_YEAR, "east").getGranted()).isEqualTo(granted + 1);
        education.pay(pi);

        EducationGrant g = grant(pi);
        assertThat(g.getStatus()).isEqualTo(EducationGrant.Status.GRANTED);
        assertThat(ended(pi).getEndActivityId()).isEqualTo("grantApproved");
        List<Disbursement> paid = disbursements.findAllByProcessInstanceIdOrderByIdAsc(pi.getId());
        assertThat(paid).singleElement().satisfies(d -> {
            assertThat(d.getPayeeKey()).isEqualTo("grant:" + g.getId());
            assertThat(d.getPurpose()).isEqualTo("EDUCATION_GRANT");
            assertThat(d.getAmount()).isEqualByComparingTo(new BigDecimal("4000.00"));
            assertThat(d.getBankCard().replace(" ", "")).isEqualTo(CARD_DIGITS);
            assertThat(d.getCaseNumber()).isEqualTo(g.getCaseNumber());
        });
        assertThat(disbursements.findAllByOrderByIdAsc())
                .filteredOn(d -> ("grant:" + g.getId()).equals(d.getPayeeKey())).hasSize(1);
        assertThat(engineManagement().createJobQuery().processInstanceId(pi.getId()).count()).isZero();

        for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .list()) {
            assertThat(String.valueOf(v.getValue()).replace(" ", "")).as("variable %s", v.getName())
                    .doesNotContain(CARD_DIGITS);
        }
        for (SignOff s : signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(pi.getId())) {
            assertThat(String.valueOf(s.getSnapshot()).replace(" ", "")).doesNotContain(CARD_DIGITS);
        }
    }

    // ---- helpers ----

    private void refused(ThrowingCallable action, ErrorCode code, String... named) {
        assertThatThrownBy(action).isInstanceOfSatisfying(UnionAssistException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(code);
            for (String name : named) {
                assertThat(e.getMessage()).contains(name);
            }
        });
    }

    private void withdraw(String user, ProcessInstance pi, String reason) {
        driver.asDo(user, () -> controller.withdraw(pi.getId(), new EducationGrantController.WithdrawalRequest(reason)));
    }

    private void decide(ProcessInstance sitting, Map<String, String[]> mine) {
        education.decide(sitting, "east", everyRow(sitting, mine));
    }

    /** The test's own decisions, and approve for whatever else other tests left waiting in the district. */
    private Map<String, String[]> everyRow(ProcessInstance sitting, Map<String, String[]> mine) {
        Map<String, String[]> all = new HashMap<>();
        for (Map<String, Object> row : education.agenda(sitting)) {
            all.put((String) row.get("caseNumber"), new String[]{"approve"});
        }
        all.putAll(mine);
        return all;
    }

    /** Makes room in the district's quota for the year; returns the places granted so far. */
    private int roomFor(int year, String district) {
        int granted = quotas.ofYear(year).stream().filter(q -> district.equals(q.getDistrictUnionId()))
                .mapToInt(GrantQuota::getGranted).findFirst().orElse(0);
        quotas.set(year, district, granted + 5, "city.clerk");
        return granted;
    }

    private GrantQuota quota(int year, String district) {
        return quotas.ofYear(year).stream().filter(q -> district.equals(q.getDistrictUnionId())).findFirst()
                .orElseThrow();
    }

    private EducationGrant grant(ProcessInstance pi) {
        return grants.findByProcessInstanceId(pi.getId()).orElseThrow();
    }

    private HistoricProcessInstance ended(ProcessInstance pi) {
        HistoricProcessInstance h = history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
                .singleResult();
        assertThat(h.getEndTime()).as("ended").isNotNull();
        return h;
    }

    /** Ended in the withdrawal event sub-process (history reports the sub-process as the end activity). */
    private void assertEndedWithdrawnOnRequest(ProcessInstance pi) {
        ended(pi);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId("withdrawnOnRequest").finished().count()).isEqualTo(1);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .unfinished().count()).isZero();
    }

    private long instancesOfGrant() {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(EducationGrantDriver.GRANT).count();
    }

    private org.camunda.bpm.engine.ManagementService engineManagement() {
        return driver.management();
    }
}
