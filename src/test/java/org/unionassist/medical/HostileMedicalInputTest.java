package org.unionassist.medical;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.signoff.SignOffRepository;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.MedicalAidDriver;
import org.unionassist.support.ProcessTest;

import java.time.LocalDate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.unionassist.support.CaseDriver.decisionOf;
import static org.unionassist.support.MedicalAidDriver.CLAIM;
import static org.unionassist.support.MedicalAidDriver.ENROLMENT;
import static org.unionassist.support.MedicalAidDriver.enrolmentForm;
import static org.unionassist.support.MedicalAidDriver.inpatientClaim;

/**
 * What a probe sent to 职工医疗互助 (enrolment and claim, first entry and correction) that a form would never send:
 * each is refused with a Chinese message naming the field and the input error code, and nothing is written.
 */
@ProcessTest
class HostileMedicalInputTest {

    private static final String NAME_RULE =
            "应为2至30个汉字或字母（可含间隔号“·”或空格），不能含数字、括号或其他符号";
    private static final LocalDate ENROLLED = LocalDate.of(2026, 1, 5);
    private static final LocalDate FILED = LocalDate.of(2026, 3, 20);

    @Autowired CaseDriver driver;
    @Autowired MedicalAidDriver medical;
    @Autowired MedicalClaimRepository claims;
    @Autowired EnrolmentRepository enrolments;
    @Autowired MembershipRepository memberships;
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

    // ---- 参保名单

    @Test
    void rosterNamesThatAreNotNamesAreRefusedWhereverTheListCameFrom() {
        String id = IdNumbers.next();
        refusedEnrolment(enrolmentForm(2026, "[1,2]", id), "逐个录入第1人的姓名" + NAME_RULE);
        refusedEnrolment(enrolmentForm(2026, "王芳", IdNumbers.next(), "1.0E308", id), "逐个录入第2人的姓名" + NAME_RULE);
        refusedEnrolment(workers("{\"workerName\":1.0E308,\"workerIdNumber\":\"" + id + "\"}"),
                "逐个录入第1人的姓名" + NAME_RULE);
        refusedEnrolment(workers("{\"workerName\":[1,2],\"workerIdNumber\":\"" + id + "\"}"),
                "逐个录入第1人的姓名" + NAME_RULE);
        refusedEnrolment(workers("{\"workerName\":\"\",\"workerIdNumber\":\"" + id + "\"}"), "请填写逐个录入第1人的姓名");
        refusedEnrolment(enrolmentForm(2026).putValue("rosterText", "李雷," + IdNumbers.next() + "\n1.0E308," + id),
                "粘贴名单第2行的姓名" + NAME_RULE);
        refusedEnrolment(enrolmentForm(2026).putValue("rosterText", "王芳(临时工)\t" + id),
                "粘贴名单第1行的姓名" + NAME_RULE);
        refusedEnrolment(enrolmentForm(2026).putValueTyped("rosterUpload", SpinValues.jsonValue(
                "[{\"name\":\"NaN\",\"idNumber\":\"" + id + "\",\"source\":\"上传名单第2行\"}]").create()),
                "上传名单第2行的姓名" + NAME_RULE);
        assertThat(memberships.findByIdNumberOrderByPlanYearAsc(id)).isEmpty();
    }

    @Test
    void everyLineToCorrectIsNamedInOneRefusalAndNothingOfTheListIsStored() {
        String fine = IdNumbers.next();
        String other = IdNumbers.next();
        String pasted = String.join("\n", "王芳," + fine, "1.0E308," + other, "李雷,12345", "赵强," + fine,
                "张伟," + member);
        long instancesBefore = driver.runtime().createProcessInstanceQuery().processDefinitionKey(ENROLMENT).count();
        long listsBefore = enrolments.count();

        UnionAssistException e = refusal(() -> medical.start("eaststeel.clerk", ENROLMENT,
                enrolmentForm(2026).putValue("rosterText", pasted)));

        assertThat(e.errorCode()).as("the first line's code").isEqualTo(CaseworkError.INVALID_INPUT);
        assertThat(e.getMessage()).startsWith("参保名单中有4处需要改正：粘贴名单第2行的姓名" + NAME_RULE + "；粘贴名单第3行 李雷 的身份证号")
                .contains("；粘贴名单第4行：赵强（" + org.unionassist.casework.PersonalData.maskIdNumber(fine) + "）在名单中重复；")
                .contains("张伟（" + org.unionassist.casework.PersonalData.maskIdNumber(member) + "）已在2026年度参保名单")
                .doesNotContain(fine).doesNotContain(other).doesNotContain(member);
        assertThat(enrolments.count()).isEqualTo(listsBefore);
        assertThat(memberships.findByIdNumberOrderByPlanYearAsc(fine)).isEmpty();
        assertThat(driver.runtime().createProcessInstanceQuery().processDefinitionKey(ENROLMENT).count())
                .isEqualTo(instancesBefore);
    }

    @Test
    void aCorrectedRosterWithABadNameIsRefusedAndTheListStaysAsItWas() {
        CaseDriver.today(LocalDate.of(2026, 11, 2));
        String first = IdNumbers.next();
        ProcessInstance pi = medical.start("eaststeel.clerk", ENROLMENT, enrolmentForm(2027, "孙丽", first));
        driver.complete(pi, "districtConfirmation", "east.clerk", "return", "请核对名单");
        int signed = signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(pi.getId()).size();

        UnionAssistException e = refusal(() -> driver.complete(pi, "rosterCorrection", "eaststeel.clerk",
                enrolmentForm(2027, "[1,2]", IdNumbers.next()).putValue("decision", "resubmit")));
        assertInput(e, "逐个录入第1人的姓名" + NAME_RULE);

        assertThat(pi).isWaitingAt("rosterCorrection");
        assertThat(signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(pi.getId())).hasSize(signed);
        assertThat(memberships.findByIdNumberOrderByPlanYearAsc(first)).extracting(Membership::getWorkerName)
                .containsExactly("孙丽");
        assertThat(memberships.findByIdNumberOrderByPlanYearAsc(first)).extracting(Membership::getStatus)
                .containsExactly(Membership.Status.PENDING);
    }

    // ---- 理赔申请

    @Test
    void aClaimMissingARequiredFieldIsRefusedNamingIt() {
        refusedClaim(without(inpatientClaim(member, 5000), "totalCost"), "请填写医疗总费用");
        refusedClaim(without(inpatientClaim(member, 5000), "insurancePaid"), "请填写基本医保支付金额");
        refusedClaim(inpatientClaim(member, 5000).putValue("selfPaid", " "), "请填写个人自付金额");
        refusedClaim(without(inpatientClaim(member, 5000), "admissionDate"), "请填写入院（确诊）日期");
        refusedClaim(without(inpatientClaim(member, 5000), "dischargeDate"), "请填写出院日期");
        refusedClaim(inpatientClaim(member, 5000).putValue("diagnosis", "  "), "请填写诊断");
    }

    @Test
    void aClaimWithValuesOfTheWrongTypeIsRefusedNamingTheField() {
        refusedClaim(inpatientClaim(member, 5000).putValue("admissionDate", "abc"),
                "入院（确诊）日期必须是有效日期（yyyy-MM-dd）");
        refusedClaim(inpatientClaim(member, 5000).putValue("dischargeDate", "2026-03-10' OR '1'='1"),
                "出院日期必须是有效日期（yyyy-MM-dd）");
        refusedClaim(inpatientClaim(member, 5000).putValue("totalCost", "[1,2]"), "医疗总费用必须是金额数字");
        refusedClaim(inpatientClaim(member, 5000).putValue("totalCost", 1.0E308), "医疗总费用数额过大，请核对");
        refusedClaim(inpatientClaim(member, 5000).putValue("selfPaid", true), "个人自付金额必须是金额数字");
        refusedClaim(inpatientClaim(member, 5000).putValue("diagnosis", 1.0E308), "诊断应为文字");
    }

    /** A field cleared on the supplement form comes as null (leaving a variable out keeps the value it had). */
    @Test
    void aResubmittedClaimWithAClearedAmountIsRefusedAndTheClaimKeepsItsFigures() {
        ProcessInstance pi = medical.fileClaim("eaststeel.clerk", inpatientClaim(member, 5000));
        driver.complete(pi, "documentCheck", "eaststeel.clerk", decisionOf("return", "请补交发票"));
        int signed = signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(pi.getId()).size();

        UnionAssistException e = refusal(() -> driver.complete(pi, "claimSupplement", "eaststeel.clerk",
                inpatientClaim(member, 6000).putValue("selfPaid", null).putValue("decision", "resubmit")));
        assertInput(e, "请填写个人自付金额");
        e = refusal(() -> driver.complete(pi, "claimSupplement", "eaststeel.clerk",
                inpatientClaim(member, 6000).putValue("admissionDate", "abc").putValue("decision", "resubmit")));
        assertInput(e, "入院（确诊）日期必须是有效日期（yyyy-MM-dd）");

        assertThat(pi).isWaitingAt("claimSupplement");
        assertThat(signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(pi.getId())).hasSize(signed);
        MedicalClaim claim = claims.findByProcessInstanceId(pi.getId()).orElseThrow();
        assertThat(claim.getSelfPaid()).isEqualByComparingTo("5000.00");
        assertThat(claim.getMemberName()).isEqualTo("张伟");
    }

    // ---- helpers

    private static VariableMap workers(String rows) {
        return enrolmentForm(2026).putValueTyped("workers", SpinValues.jsonValue("[" + rows + "]").create());
    }

    private static VariableMap without(VariableMap variables, String key) {
        variables.remove(key);
        return variables;
    }

    private void refusedEnrolment(VariableMap form, String message) {
        refusedStart(ENROLMENT, form, message, enrolments::count);
    }

    private void refusedClaim(VariableMap form, String message) {
        refusedStart(CLAIM, form, message, claims::count);
    }

    private void refusedStart(String process, VariableMap form, String message, Supplier<Long> rows) {
        long rowsBefore = rows.get();
        long signOffsBefore = signOffs.count();
        long instancesBefore = driver.runtime().createProcessInstanceQuery().processDefinitionKey(process).count();
        UnionAssistException e = refusal(() -> medical.start("eaststeel.clerk", process, form));
        assertInput(e, message);
        assertThat(rows.get()).as("rows of %s", process).isEqualTo(rowsBefore);
        assertThat(signOffs.count()).isEqualTo(signOffsBefore);
        assertThat(driver.runtime().createProcessInstanceQuery().processDefinitionKey(process).count())
                .isEqualTo(instancesBefore);
    }

    private static void assertInput(UnionAssistException e, String message) {
        assertThat(e.getMessage()).isEqualTo(message);
        assertThat(e.errorCode()).isEqualTo(CaseworkError.INVALID_INPUT);
    }

    private static UnionAssistException refusal(Runnable action) {
        UnionAssistException e = catchThrowableOfType(UnionAssistException.class, action::run);
        assertThat(e).as("a refusal").isNotNull();
        return e;
    }
}
