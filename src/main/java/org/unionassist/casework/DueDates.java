package org.unionassist.casework;

import org.springframework.stereotype.Component;
import org.unionassist.casework.calendar.WorkingDayCalendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;

/**
 * Due and follow-up dates of user tasks, counted in working days from today (Asia/Shanghai). Used from the models as
 * {@code camunda:dueDate="${dueDates.forStep('homeVisit')}"}; a task is due at the end of its last working day.
 * The follow-up date marks the start of "due soon" (即将到期), which Tasklist filters can query.
 */
@Component("dueDates")
public class DueDates {

    private static final LocalTime END_OF_WORKING_DAY = LocalTime.of(23, 59, 59);

    private final WorkingDayCalendar calendar;
    private final DeadlineProperties deadlines;
    private final ShanghaiClock clock;

    public DueDates(WorkingDayCalendar calendar, DeadlineProperties deadlines, ShanghaiClock clock) {
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    public Date forStep(String step) {
        return endOf(dueDay(step));
    }

    public Date followUpForStep(String step) {
        return startOf(calendar.minusWorkingDays(dueDay(step), deadlines.dueSoonWorkingDays() - 1));
    }

    /** Follow-up date for a task whose due date is fixed elsewhere, e.g. the end of a public notice. */
    public Date followUpBefore(Date due) {
        LocalDate dueDay = due.toInstant().atZone(ShanghaiClock.ZONE).toLocalDate();
        return startOf(calendar.minusWorkingDays(dueDay, deadlines.dueSoonWorkingDays() - 1));
    }

    public LocalDate dueDay(String step) {
        return calendar.plusWorkingDays(clock.today(), deadlines.workingDaysFor(step));
    }

    public static Date endOf(LocalDate day) {
        return Date.from(day.atTime(END_OF_WORKING_DAY).atZone(ShanghaiClock.ZONE).toInstant());
    }

    public static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(ShanghaiClock.ZONE).toInstant());
    }
}
