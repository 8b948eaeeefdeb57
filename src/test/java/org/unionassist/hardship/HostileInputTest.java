package org.unionassist.hardship;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.signoff.SignOff;
import org.unionassist.casework.signoff.SignOffRepository;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.ProcessTest;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.unionassist.support.CaseDriver.decisionOf;
import static org.unionassist.support.CaseDriver.visitOf;

/**
 * What a probe sent to 困难职工认定 that a form would never send: each is refused with a Chinese message naming the
 * field and the input error code, and leaves nothing behind — no case, no sign-off, the task still waiting.
 */
@ProcessTest
class HostileInputTest {

    private static final String NAME_RULE =
            "应为2至30个汉字或字母（可含间隔号“·”或空格），不能含数字、括号或其他符号";

    @Autowired CaseDriver driver;
    @Autowired HardshipCaseRepository cases;
    @Autowired SignOffRepository signOffs;

    @AfterEach
    void resetClock() {
        CaseDriver.realTime();
    }

    // ---- 入户调查

    @Test
    void aHomeVisitWithoutAValidDateIsRefusedAndTheTaskWaits() {
        ProcessInstance pi = applied();
        for (Object hostile : new Object[] {"abc", "2026-02-30", "2026-12-01abc", "1' OR '1'='1",
                "2026-12-01'; DROP TABLE hardship_case;--", 20261201}) {
            refusedAtHomeVisit(pi, visitOf("submit", null, "属实").putValue("visitDate", hostile),
                    "入户调查日期必须是有效日期（yyyy-MM-dd）");
        }
        VariableMap noDate = visitOf("submit", null, "属实");
        noDate.remove("visitDate");
        refusedAtHomeVisit(pi, noDate, "请填写入户调查日期");
        refusedAtHomeVisit(pi, visitOf("submit", null, "属实").putValue("visitDate", " "), "请填写入户调查日期");
        assertThat(driver.runtime().getVariable(pi.getId(), "visitDate")).isNull();
    }

    @Test
    void aHomeVisitCannotBeDatedInTheFuture() {
        CaseDriver.today(LocalDate.of(2026, 12, 1));
        ProcessInstance pi = applied();
        refusedAtHomeVisit(pi, visitOf("submit", null, "属实").putValue("visitDate", "2026-12-02"),
                "入户调查日期不能晚于今天");
    }

    @Test
    void aHomeVisitWithBlankFindingsIsRefusedWhateverTheDecision() {
        ProcessInstance pi = applied();
        for (String blank : new String[] {"", "   ", "\n"}) {
            refusedAtHomeVisit(pi, visitOf("submit", null, blank), "请填写入户调查情况");
            refusedAtHomeVisit(pi, visitOf("return", "缺收入证明", blank), "请填写入户调查情况");
        }
        VariableMap noFindings = visitOf("submit", null, "x");
        noFindings.remove("visitFindings");
        refusedAtHomeVisit(pi, noFindings, "请填写入户调查情况");
        refusedAtHomeVisit(pi, visitOf("submit", null, "x").putValueTyped("visitFindings",
                SpinValues.jsonValue("[1,2]").create()), "入户调查情况应为文字");
    }

    @Test
    void aValidHomeVisitIsSignedWithItsDateAndFindings() {
        ProcessInstance pi = applied();
        driver.complete(pi, "homeVisit", "eaststeel.clerk", decisionOf("submit", null)
                .putValue("visitDate", "2026-11-30T00:00:00").putValue("visitFindings", "  家庭三口人，情况属实 "));
        assertThat(pi).isWaitingAt("grassrootsReview");
        SignOff visit = signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(pi.getId()).get(0);
        assertThat(visit.getFindings()).isEqualTo("入户日期：2026-11-30；调查情况：家庭三口人，情况属实");
    }

    // ---- 困难职工申请（开始表单）

    @Test
    void anApplicationMissingAFigureIsRefusedNotReadAsZero() {
        refusedApplication(without(application(), "rigidExpenditure"), "请填写刚性支出");
        refusedApplication(application().putValue("rigidExpenditure", ""), "请填写刚性支出");
        refusedApplication(without(application(), "illnessAccidentCost"), "请填写当年因病因意外支出");
        refusedApplication(without(application(), "annualIncome"), "请填写家庭年可支配收入");
        refusedApplication(application().putValue("rigidExpenditure", "abc"), "刚性支出必须是金额数字");
        refusedApplication(application().putValue("annualIncome", 1.0E308), "家庭年可支配收入数额过大，请核对");
        refusedApplication(application().putValue("householdSize", 1.0E308), "家庭人口数过大，请核对");
    }

    @Test
    void anApplicationMissingTheCauseIsRefusedNotReadAsNone() {
        refusedApplication(without(application(), "hardshipCause"), "请选择致困原因");
        refusedApplication(application().putValue("hardshipCause", " "), "请选择致困原因");
        refusedApplication(application().putValue("hardshipCause", "[1,2]"), "无法识别的致困原因：[1,2]");
    }

    @Test
    void theApplicantsNameMustBeAName() {
        for (Object hostile : new Object[] {"[1,2]", "1.0E308", 1.0E308, "王建国2", "王建国（代）", "NaN", "王"}) {
            refusedApplication(application().putValue("applicantName", hostile), "申请人姓名" + NAME_RULE);
        }
        refusedApplication(application().putValueTyped("applicantName", SpinValues.jsonValue("[1,2]").create()),
                "申请人姓名" + NAME_RULE);
        refusedApplication(without(application(), "applicantName"), "请填写申请人姓名");
    }

    @Test
    void householdMembersNamesMustBeNames() {
        refusedApplication(members("{\"memberName\":\"[1,2]\",\"memberRelation\":\"配偶\"}"),
                "第1位家庭成员的姓名" + NAME_RULE);
        refusedApplication(members("{\"memberName\":\"李秀英\",\"memberRelation\":\"配偶\"},"
                + "{\"memberName\":1.0E308,\"memberRelation\":\"子女\"}"), "第2位家庭成员的姓名" + NAME_RULE);
        refusedApplication(members("{\"memberName\":[1,2],\"memberRelation\":\"配偶\"}"),
                "第1位家庭成员的姓名" + NAME_RULE);
        refusedApplication(members("{\"memberName\":\"李秀英\",\"memberRelation\":\"'; DROP TABLE x;--\"}"),
                "第1位家庭成员与申请人的关系应为配偶、子女、父母、其他之一");
    }

    @Test
    void namesWithAMiddleDotOrSpacesAreAccepted() {
        ProcessInstance pi = driver.apply("eaststeel.clerk", application()
                .putValue("applicantName", "阿卜杜拉·买买提")
                .putValueTyped("householdMembers", SpinValues.jsonValue(
                        "[{\"memberName\":\"Mary Smith\",\"memberRelation\":\"配偶\"}]").create()));
        assertThat(pi).isWaitingAt("homeVisit").variables().containsEntry("applicantName", "阿卜杜拉·买买提");
    }

    // ---- 补充材料（重新提交申请）

    /** A field cleared on the supplement form comes as null (leaving a variable out keeps the value it had). */
    @Test
    void aSupplementWithAClearedFigureIsRefusedAndTheCaseKeepsItsFigures() {
        ProcessInstance pi = applied();
        driver.complete(pi, "homeVisit", "eaststeel.clerk", visitOf("return", "缺收入证明", "收入证明未提供"));
        HardshipCase before = cases.findByProcessInstanceId(pi.getId()).orElseThrow();
        String id = (String) driver.runtime().getVariable(pi.getId(), "applicantIdNumber");
        int signed = signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(pi.getId()).size();

        UnionAssistException e = refusal(() -> driver.complete(pi, "supplementDocuments", "eaststeel.clerk",
                CaseDriver.deepHardshipApplication(id).putValue("decision", "resubmit").putValue("rigidExpenditure", null)));
        assertThat(e.errorCode()).isEqualTo(CaseworkError.INVALID_INPUT);
        assertThat(e.getMessage()).isEqualTo("请填写刚性支出");
        e = refusal(() -> driver.complete(pi, "supplementDocuments", "eaststeel.clerk",
                CaseDriver.deepHardshipApplication(id).putValue("decision", "resubmit").putValue("applicantName", "[1,2]")));
        assertThat(e.getMessage()).isEqualTo("申请人姓名" + NAME_RULE);

        assertThat(pi).isWaitingAt("supplementDocuments");
        assertThat(signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(pi.getId())).hasSize(signed);
        HardshipCase after = cases.findByProcessInstanceId(pi.getId()).orElseThrow();
        assertThat(after.figures()).isEqualTo(before.figures());
        assertThat(after.getCategory()).isEqualTo(before.getCategory());
        assertThat(after.getHousehold().getHeadName()).isEqualTo("王建国");
    }

    // ---- helpers

    private ProcessInstance applied() {
        return driver.apply("eaststeel.clerk", application());
    }

    private static VariableMap application() {
        return CaseDriver.deepHardshipApplication(IdNumbers.next());
    }

    private static VariableMap members(String rows) {
        return application().putValueTyped("householdMembers", SpinValues.jsonValue("[" + rows + "]").create());
    }

    private static VariableMap without(VariableMap variables, String key) {
        variables.remove(key);
        return variables;
    }

    private void refusedAtHomeVisit(ProcessInstance pi, VariableMap form, String message) {
        UnionAssistException e = refusal(() -> driver.complete(pi, "homeVisit", "eaststeel.clerk", form));
        assertThat(e.getMessage()).as("refusal of %s", form).isEqualTo(message);
        assertThat(e.errorCode()).isEqualTo(CaseworkError.INVALID_INPUT);
        assertThat(pi).isWaitingAt("homeVisit");
        assertThat(signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(pi.getId())).isEmpty();
    }

    private void refusedApplication(VariableMap application, String message) {
        long casesBefore = cases.count();
        long signOffsBefore = signOffs.count();
        long instancesBefore = driver.runtime().createProcessInstanceQuery()
                .processDefinitionKey(CaseDriver.PROCESS).count();
        UnionAssistException e = refusal(() -> driver.apply("eaststeel.clerk", application));
        assertThat(e.getMessage()).as("refusal of %s", application).isEqualTo(message);
        assertThat(e.errorCode()).isEqualTo(CaseworkError.INVALID_INPUT);
        assertThat(cases.count()).isEqualTo(casesBefore);
        assertThat(driver.runtime().createProcessInstanceQuery().processDefinitionKey(CaseDriver.PROCESS).count())
                .isEqualTo(instancesBefore);
        assertThat(signOffs.count()).isEqualTo(signOffsBefore);
    }

    private static UnionAssistException refusal(Runnable action) {
        UnionAssistException e = catchThrowableOfType(UnionAssistException.class, action::run);
        assertThat(e).as("a refusal").isNotNull();
        return e;
    }
}
