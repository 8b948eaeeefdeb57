package org.unionassist.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import org.unionassist.casework.calendar.WorkingDayCalendar;
import org.unionassist.casework.signoff.AuditTrail;
import org.unionassist.casework.signoff.Decision;
import org.unionassist.casework.signoff.SignedValues;
import org.unionassist.organisation.Members;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

/**
 * 公示, as every programme that publishes its decisions runs it: the notice lasts a programme's number of working days,
 * starting today if today is a working day, otherwise on the next one. The model's timer ({@value #TIMER}, on
 * {@code ${noticeEndsAt}}) fires at the start of the day after the last notice day; an operator may fire it earlier by
 * hand ({@link PublicNoticeController}), and then the trail says so, by whom, why, and how many working days the
 * notice actually ran.
 */
@Component
public class PublicNotice {

    /** The id of the notice's timer in every model that runs a notice. */
    public static final String TIMER = "noticePeriodEnded";

    /** Why an operator ended the notice early: set just before the timer is fired by hand, read once here. */
    public static final String EARLY_END_REASON = "noticeEarlyEndReason";

    private final WorkingDayCalendar calendar;
    private final ShanghaiClock clock;
    private final DueDates dueDates;
    private final AuditTrail auditTrail;
    private final Members members;

    public PublicNotice(WorkingDayCalendar calendar, ShanghaiClock clock, DueDates dueDates, AuditTrail auditTrail,
                        Members members) {
        this.calendar = calendar;
        this.clock = clock;
        this.dueDates = dueDates;
        this.auditTrail = auditTrail;
        this.members = members;
    }

    /** Opens a notice of {@code workingDays} working days and publishes its dates, due date and round. */
    public void start(DelegateExecution execution, int workingDays) {
        LocalDate first = calendar.onOrAfter(clock.today());
        LocalDate last = calendar.lastDayOfPeriod(first, workingDays);
        execution.setVariable("noticeStartDate", first.toString());
        execution.setVariable("noticeEndDate", last.toString());
        execution.setVariable("noticeWorkingDays", workingDays);
        execution.setVariable("noticeEndsAt", DueDates.startOf(last.plusDays(1)));
        execution.setVariable("noticeDue", DueDates.endOf(last));
        execution.setVariable("noticeFollowUp", dueDates.followUpBefore(DueDates.endOf(last)));
        Integer round = (Integer) execution.getVariable("noticeRound");
        execution.setVariable("noticeRound", round == null ? 1 : round + 1);
    }

    /** The round of the notice under way (1 for the first), for the values a programme records with it. */
    public static Integer round(DelegateExecution execution) {
        return (Integer) execution.getVariable("noticeRound");
    }

    /**
     * The notice's timer fired: the audit trail notes that the notice ran its course, or, when its timer was fired
     * before the notice ended, that it was cut short, by whom (the authenticated caller who fired it) and why.
     */
    public void passed(DelegateExecution execution, SignedValues values, Map<String, Object> snapshot) {
        String reason = (String) execution.getVariable(EARLY_END_REASON);
        execution.removeVariable(EARLY_END_REASON);
        Date endsAt = (Date) execution.getVariable("noticeEndsAt");
        if (!clock.now().toInstant().isBefore(endsAt.toInstant())) {
            auditTrail.recordEvent(execution, Decision.NOTICE_PASSED,
                    "公示期" + execution.getVariable("noticeStartDate") + "至" + execution.getVariable("noticeEndDate")
                            + "，未收到异议", AuditTrail.SYSTEM, values, snapshot);
            return;
        }
        Authentication firedBy = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String operator = firedBy == null ? null : firedBy.getUserId();
        String opinion = endedEarly(execution, operator, reason);
        if (operator == null) {
            // fired early without a user, e.g. after its due date was moved: who moved it is in the interventions
            auditTrail.recordEvent(execution, Decision.NOTICE_PASSED, opinion, AuditTrail.SYSTEM, values, snapshot);
        } else {
            auditTrail.recordOperatorEvent(execution, Decision.NOTICE_PASSED, opinion, operator, values, snapshot);
        }
    }

    private String endedEarly(DelegateExecution execution, String operator, String reason) {
        LocalDate first = LocalDate.parse((String) execution.getVariable("noticeStartDate"));
        LocalDate last = LocalDate.parse((String) execution.getVariable("noticeEndDate"));
        int required = (Integer) execution.getVariable("noticeWorkingDays");
        LocalDate today = clock.today();
        // the day it was cut short counts as a notice day
        int ran = calendar.workingDaysBetween(first, today);
        StringBuilder text = new StringBuilder("公示期原定").append(first).append("至").append(last)
                .append("（").append(required).append("个工作日），于").append(today);
        text.append(operator == null ? "提前结束（定时器在公示期满前被触发，操作人见本案人工干预记录）"
                : "由" + members.displayName(operator) + "（" + operator + "）手动提前结束");
        text.append("，实际公示").append(ran).append("个工作日");
        text.append(ran < required ? "，少于规定的" + required + "个工作日"
                : "（最后一个公示日未满），未满规定的" + required + "个工作日");
        text.append("；期间未收到异议");
        if (reason != null && !reason.isBlank()) {
            text.append("；提前结束原因：").append(reason.trim());
        }
        return text.toString();
    }
}
