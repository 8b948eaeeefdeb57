package org.unionassist.hardship;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.unionassist.casework.DueDates;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.calendar.WorkingDayCalendar;
import org.unionassist.casework.signoff.AuditTrail;
import org.unionassist.casework.signoff.Decision;
import org.unionassist.casework.signoff.SignedValues;

import java.time.LocalDate;

/**
 * 公示: the notice runs for the configured number of working days (at least 5), starting today if today is a working
 * day, otherwise on the next one. The timer fires at the start of the day after the last notice day.
 */
@Component("publicNoticePeriod")
public class PublicNoticePeriod {

    private final WorkingDayCalendar calendar;
    private final HardshipProperties properties;
    private final ShanghaiClock clock;
    private final DueDates dueDates;
    private final AuditTrail auditTrail;
    private final HardshipCases cases;

    public PublicNoticePeriod(WorkingDayCalendar calendar, HardshipProperties properties, ShanghaiClock clock,
                              DueDates dueDates, AuditTrail auditTrail, HardshipCases cases) {
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
        this.dueDates = dueDates;
        this.auditTrail = auditTrail;
        this.cases = cases;
    }

    /** Service step 发布公示. */
    public void start(DelegateExecution execution) {
        LocalDate first = calendar.onOrAfter(clock.today());
        LocalDate last = calendar.lastDayOfPeriod(first, properties.publicNoticeWorkingDays());
        execution.setVariable("noticeStartDate", first.toString());
        execution.setVariable("noticeEndDate", last.toString());
        execution.setVariable("noticeWorkingDays", properties.publicNoticeWorkingDays());
        execution.setVariable("noticeEndsAt", DueDates.startOf(last.plusDays(1)));
        execution.setVariable("noticeDue", DueDates.endOf(last));
        execution.setVariable("noticeFollowUp", dueDates.followUpBefore(DueDates.endOf(last)));
        Integer round = (Integer) execution.getVariable("noticeRound");
        execution.setVariable("noticeRound", round == null ? 1 : round + 1);
    }

    /** Service step 公示期满无异议: the audit trail notes that the notice ran its course. */
    public void passed(DelegateExecution execution) {
        HardshipCase c = cases.byProcessInstance(execution.getProcessInstanceId());
        auditTrail.recordEvent(execution, Decision.NOTICE_PASSED,
                "公示期" + execution.getVariable("noticeStartDate") + "至" + execution.getVariable("noticeEndDate")
                        + "，未收到异议", AuditTrail.SYSTEM,
                new SignedValues(c.getCategory().name(), c.getCategory().label(), null,
                        (Integer) execution.getVariable("noticeRound")),
                CaseVariables.snapshot(c));
    }
}
