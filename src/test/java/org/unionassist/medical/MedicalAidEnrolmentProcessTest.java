package org.unionassist.medical;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.signoff.SignOff;
import org.unionassist.casework.signoff.SignOffRepository;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.MedicalAidDriver;
import org.unionassist.support.ProcessTest;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.unionassist.support.CaseDriver.decisionOf;
import static org.unionassist.support.MedicalAidDriver.ENROLMENT;
import static org.unionassist.support.MedicalAidDriver.enrolmentForm;

/** Every path of 职工医疗互助参保登记: a grassroots list, the district's confirmation, returns, refusals, renewals. */
@ProcessTest
class MedicalAidEnrolmentProcessTest {

    @Autowired CaseDriver driver;
    @Autowired MedicalAidDriver medical;
    @Autowired MembershipRepository memberships;
    @Autowired EnrolmentRepository enrolments;
    @Autowired SignOffRepository signOffs;

    @AfterEach
    void resetClock() {
        CaseDriver.realTime();
    }

    private Membership membership(String id, int year) {
        return memberships.findByIdNumberOrderByPlanYearAsc(id).stream().filter(m -> m.getPlanYear() == year)
                .filter(m -> m.getStatus() != Membership.Status.CANCELLED).findFirst().orElseThrow();
    }

    @Test
    void workersEnteredOneByOneAndPastedBecomeMembersWhenTheDistrictConfirms() {
        CaseDriver.today(LocalDate.of(2026, 1, 5));
        String wang = IdNumbers.next();
        String li = IdNumbers.next();
        String zhao = IdNumbers.next();
        ProcessInstance pi = medical.start("eaststeel.clerk", ENROLMENT, enrolmentForm(2026, "王芳", wang)
                .putValue("rosterText", "姓名,身份证号\n李雷," + li + "\n\n赵强\t" + zhao + "\n"));

        assertThat(pi).isWaitingAt("districtConfirmation").variables()
                .containsEntry("memberCount", 3).containsEntry("feeTotal", "108.00")
                .containsEntry("rosterTitle", "2026年度参保名单（3人）").doesNotContainKey("applicantName");
        assertThat((String) driver.runtime().getVariable(pi.getId(), "rosterShown"))
                .contains("王芳", "李雷", "赵强").doesNotContain(wang);
        assertThat(membership(wang, 2026).getStatus()).isEqualTo(Membership.Status.PENDING);
        assertThat(driver.as("eaststreet.clerk", () -> driver.tasks().createTaskQuery()
                .processInstanceId(pi.getId()).count())).isZero();

        CaseDriver.today(LocalDate.of(2026, 1, 8));
        driver.complete(pi, "districtConfirmation", "east.clerk", "approve", null);

        assertThat(pi).isEnded().hasPassed("activateMemberships");
        Membership m = membership(wang, 2026);
        assertThat(m.getStatus()).isEqualTo(Membership.Status.ACTIVE);
        assertThat(m.getStartDate()).isEqualTo(LocalDate.of(2026, 1, 8));
        assertThat(m.getCoverageSince()).isEqualTo(LocalDate.of(2026, 1, 8));
        assertThat(m.getCoveredFrom()).isEqualTo(LocalDate.of(2026, 2, 7));
        assertThat(m.getFee()).isEqualByComparingTo("36.00");
        assertThat(membership(zhao, 2026).getStatus()).isEqualTo(Membership.Status.ACTIVE);
        Enrolment enrolment = enrolments.findByProcessInstanceId(pi.getId()).orElseThrow();
        assertThat(enrolment.getStatus()).isEqualTo(Enrolment.Status.CONFIRMED);
        List<SignOff> trail = signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(pi.getId());
        assertThat(trail).extracting(SignOff::getActorId).containsExactly("east.clerk");
        assertThat(trail.get(0).getAmount()).isEqualByComparingTo("108.00");
        assertThat(trail.get(0).getSnapshot()).contains("王芳").doesNotContain(wang);
    }

    @Test
    void aWorkerEnrolledTwiceForTheSamePlanYearIsRefused() {
        CaseDriver.today(LocalDate.of(2026, 11, 2));
        String id = IdNumbers.next();
        assertThatThrownBy(() -> medical.start("eaststeel.clerk", ENROLMENT,
                enrolmentForm(2027, "王芳", id, "王芳", id)))
                .hasMessageContaining("在名单中重复");

        medical.start("eaststeel.clerk", ENROLMENT, enrolmentForm(2027, "王芳", id));
        long before = enrolments.count();
        assertThatThrownBy(() -> medical.start("eaststreet.clerk", ENROLMENT, enrolmentForm(2027, "王芳", id)))
                .isInstanceOf(UnionAssistException.class)
                .hasMessageContaining("已在2027年度参保名单CB2027")
                .satisfies(e -> assertThat(((UnionAssistException) e).errorCode()).isEqualTo(MedicalError.ALREADY_ENROLLED));
        assertThat(enrolments.count()).isEqualTo(before);
    }

    @Test
    void aRenewalWithoutAGapKeepsTheOriginalStartDateAndAServedWaitingPeriod() {
        String renewing = IdNumbers.next();
        String newcomer = IdNumbers.next();
        medical.enrolAndConfirm("eaststeel", "east", LocalDate.of(2026, 1, 5), "陈静", renewing);

        CaseDriver.today(LocalDate.of(2026, 11, 2));
        ProcessInstance renewal = medical.start("eaststeel.clerk", ENROLMENT,
                enrolmentForm(2027, "陈静", renewing, "周杰", newcomer));
        driver.complete(renewal, "districtConfirmation", "east.clerk", "approve", null);

        Membership renewed = membership(renewing, 2027);
        assertThat(renewed.getStartDate()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(renewed.getCoverageSince()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(renewed.covers(LocalDate.of(2027, 1, 2))).isTrue();
        Membership joined = membership(newcomer, 2027);
        assertThat(joined.getCoverageSince()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(joined.getCoveredFrom()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(joined.covers(LocalDate.of(2027, 1, 2))).isFalse();
    }

    @Test
    void aReturnedListIsCorrectedAndReplacesTheFirstOne() {
        CaseDriver.today(LocalDate.of(2026, 11, 2));
        String wrong = IdNumbers.next();
        String right = IdNumbers.next();
        ProcessInstance pi = medical.start("eaststeel.clerk", ENROLMENT, enrolmentForm(2027, "孙丽", wrong));
        assertThatThrownBy(() -> driver.complete(pi, "districtConfirmation", "east.clerk", "return", null))
                .hasMessage("选择「退回基层工会修改」时必须填写意见");
        driver.complete(pi, "districtConfirmation", "east.clerk", "return", "孙丽已调离，请核对名单");
        assertThat(pi).isWaitingAt("rosterCorrection");

        driver.complete(pi, "rosterCorrection", "eaststeel.clerk", enrolmentForm(2027, "钱程", right)
                .putValue("decision", "resubmit"));
        assertThat(pi).isWaitingAt("districtConfirmation").variables().containsEntry("memberCount", 1);
        assertThat(memberships.findByIdNumberOrderByPlanYearAsc(wrong)).extracting(Membership::getStatus)
                .containsExactly(Membership.Status.CANCELLED);
        driver.complete(pi, "districtConfirmation", "east.clerk", "approve", null);
        assertThat(membership(right, 2027).getStatus()).isEqualTo(Membership.Status.ACTIVE);
    }

    @Test
    void aRejectedOrWithdrawnListFreesItsWorkersToBeListedAgain() {
        CaseDriver.today(LocalDate.of(2026, 11, 2));
        String id = IdNumbers.next();
        ProcessInstance rejected = medical.start("eaststeel.clerk", ENROLMENT, enrolmentForm(2027, "吴迪", id));
        driver.complete(rejected, "districtConfirmation", "east.clerk", "reject", "未按规定缴纳会费");
        assertThat(rejected).isEnded().hasPassed("recordEnrolmentRejection");

        ProcessInstance withdrawn = medical.start("eaststeel.clerk", ENROLMENT, enrolmentForm(2027, "吴迪", id));
        driver.complete(withdrawn, "districtConfirmation", "east.clerk", "return", "请补充缴费凭证");
        driver.complete(withdrawn, "rosterCorrection", "eaststeel.clerk", decisionOf("withdraw", "改为下月统一办理"));
        assertThat(withdrawn).isEnded().hasPassed("recordEnrolmentWithdrawal");
        assertThat(enrolments.findByProcessInstanceId(withdrawn.getId()).orElseThrow().getStatus())
                .isEqualTo(Enrolment.Status.WITHDRAWN);

        assertThat(medical.start("eaststeel.clerk", ENROLMENT, enrolmentForm(2027, "吴迪", id)))
                .isWaitingAt("districtConfirmation");
    }

    @Test
    void badListsAreRefusedWithTheLineAtFault() {
        CaseDriver.today(LocalDate.of(2026, 11, 2));
        assertThatThrownBy(() -> medical.start("eaststeel.clerk", ENROLMENT, enrolmentForm(2025, "吴迪",
                IdNumbers.next()))).hasMessage("保障年度只能是本年度（2026）或下一年度（2027）");
        assertThatThrownBy(() -> medical.start("eaststeel.clerk", ENROLMENT, enrolmentForm(2027)))
                .hasMessage("参保名单为空：请逐个录入或粘贴名单");
        assertThatThrownBy(() -> medical.start("eaststeel.clerk", ENROLMENT, enrolmentForm(2027)
                .putValue("rosterText", "李雷,110105197001010000")))
                .hasMessageContaining("粘贴名单第1行 李雷 的身份证号");
        assertThatThrownBy(() -> medical.start("eaststeel.clerk", ENROLMENT, enrolmentForm(2027)
                .putValue("rosterText", "李雷")))
                .hasMessage("粘贴名单第1行应为“姓名,身份证号”两列");
        assertThatThrownBy(() -> medical.start("east.clerk", ENROLMENT, enrolmentForm(2027, "吴迪",
                IdNumbers.next()))).isInstanceOf(AuthorizationException.class);
    }
}
