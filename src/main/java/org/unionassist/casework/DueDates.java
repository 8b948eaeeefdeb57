package org.unionassist.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;
import org.unionassist.casework.calendar.WorkingDayCalendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;

/**
 * Due and follow-up dates of user tasks, counted in working days from today (Asia/Shanghai). Used from the models as
 * {@code camunda:dueDate="${dueDates.of(execution)}"}: the engine evaluates it on the execution that is entering the
 * user task, whose process and activity id select the deadline. A task is due at the end of its last working day.
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

    /** Due date of the user task the execution is entering. */
    public Date of(DelegateExecution execution) {
        return endOf(dueDay(execution));
    }

    /** Follow-up date of the user task the execution is entering. */
    public Date followUpOf(DelegateExecution execution) {
        return startOf(calendar.minusWorkingDays(dueDay(execution), deadlines.dueSoonWorkingDays() - 1));
    }

    /** Follow-up date for a task whose due date is fixed elsewhere, e.g. the end of a public notice. */
    public Date followUpBefore(Date due) {
        LocalDate dueDay = due.toInstant().atZone(ShanghaiClock.ZONE).toLocalDate();
        return startOf(calendar.minusWorkingDays(dueDay, deadlines.dueSoonWorkingDays() - 1));
    }

    public LocalDate dueDay(String processKey, String activityId) {
        return calendar.plusWorkingDays(clock.today(), deadlines.workingDaysFor(processKey, activityId));
    }

    private LocalDate dueDay(DelegateExecution execution) {
        FlowElement element = execution.getBpmnModelElementInstance();
        if (!(element instanceof UserTask task)) {
            throw new IllegalStateException("A due date is counted for a user task, not for "
                    + (element == null ? "execution " + execution.getId() : element.getId()));
        }
        return dueDay(processKeyOf(task), task.getId());
    }

    private static String processKeyOf(UserTask task) {
        ModelElementInstance parent = task.getParentElement();
        while (!(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return ((Process) parent).getId();
    }

    public static Date endOf(LocalDate day) {
        return Date.from(day.atTime(END_OF_WORKING_DAY).atZone(ShanghaiClock.ZONE).toInstant());
    }

    public static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(ShanghaiClock.ZONE).toInstant());
    }
}
