package org.unionassist.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionassist.casework.calendar.CalendarProperties;
import org.unionassist.casework.calendar.WorkingDayCalendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class DueDatesTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 9);

    private final DueDates dueDates = new DueDates(
            new WorkingDayCalendar(new CalendarProperties(List.of("classpath*:calendar/*.csv"))),
            new DeadlineProperties(2, 5, Map.of(
                    "grants", Map.of("districtApproval", 10),
                    "campaign", Map.of("districtApproval", 3, "default", 7))),
            new ShanghaiClock());

    @BeforeEach
    void itIsMondayMorningInShanghai() {
        ClockUtil.setCurrentTime(Date.from(MONDAY.atTime(9, 0).atZone(ShanghaiClock.ZONE).toInstant()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void twoProgrammesEachKeepTheirOwnDeadlineForAStepOfTheSameName() {
        assertThat(day(dueDates.of(entering("grants", "districtApproval")))).isEqualTo(LocalDate.of(2026, 3, 23));
        assertThat(day(dueDates.of(entering("campaign", "districtApproval")))).isEqualTo(LocalDate.of(2026, 3, 12));
    }

    @Test
    void aStepWithoutItsOwnEntryTakesItsProcesssDefaultElseTheGeneralOne() {
        assertThat(day(dueDates.of(entering("campaign", "listCheck")))).isEqualTo(LocalDate.of(2026, 3, 18));
        assertThat(day(dueDates.of(entering("grants", "listCheck")))).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(day(dueDates.of(entering("unknownProgramme", "listCheck")))).isEqualTo(LocalDate.of(2026, 3, 16));
    }

    @Test
    void aTaskIsDueAtTheEndOfItsLastWorkingDayAndDueSoonFromTheStartOfTheDayBefore() {
        DelegateExecution execution = entering("grants", "districtApproval");
        assertThat(dueDates.of(execution)).isEqualTo(
                Date.from(LocalDateTime.of(2026, 3, 23, 23, 59, 59).atZone(ShanghaiClock.ZONE).toInstant()));
        assertThat(dueDates.followUpOf(execution)).isEqualTo(
                Date.from(LocalDate.of(2026, 3, 20).atStartOfDay(ShanghaiClock.ZONE).toInstant()));
    }

    @Test
    void aDueDateIsCountedOnlyForAUserTask() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("grants").startEvent("applied").endEvent().done();
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getBpmnModelElementInstance()).thenReturn(model.getModelElementById("applied"));
        assertThatThrownBy(() -> dueDates.of(execution)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("applied");
    }

    @Test
    void withoutAnyDefaultAStepWithoutAnEntryIsAConfigurationError() {
        DeadlineProperties none = new DeadlineProperties(2, null, Map.of("grants", Map.of("districtApproval", 10)));
        assertThat(none.workingDaysFor("grants", "districtApproval")).isEqualTo(10);
        assertThatThrownBy(() -> none.workingDaysFor("grants", "listCheck"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("listCheck");
    }

    /** The execution the engine evaluates {@code ${dueDates.of(execution)}} on: the one entering the user task. */
    private static DelegateExecution entering(String processKey, String taskId) {
        BpmnModelInstance model = Bpmn.createExecutableProcess(processKey).startEvent().userTask(taskId).endEvent().done();
        DelegateExecution execution = mock(DelegateExecution.class);
        FlowElement task = model.getModelElementById(taskId);
        when(execution.getBpmnModelElementInstance()).thenReturn(task);
        return execution;
    }

    private static LocalDate day(Date date) {
        return date.toInstant().atZone(ShanghaiClock.ZONE).toLocalDate();
    }
}
