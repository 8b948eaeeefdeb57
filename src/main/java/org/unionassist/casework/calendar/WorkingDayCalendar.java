package org.unionassist.casework.calendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working days in mainland China: Monday to Friday, minus the published holidays, plus the make-up working days
 * (调休) that fall on weekends. A year without a loaded schedule falls back to plain weekends, with a warning.
 */
@Component
public class WorkingDayCalendar {

    private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

    private final CalendarProperties properties;
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();
    private volatile HolidaySchedule schedule;

    public WorkingDayCalendar(CalendarProperties properties) {
        this.properties = properties;
        reload();
    }

    /** Re-reads the schedule files, e.g. after an operator added next year's. */
    public final void reload() {
        schedule = HolidaySchedule.load(properties.locations());
        warnedYears.clear();
        log.info("Holiday schedules loaded for years {}", schedule.years());
    }

    public Set<Integer> coveredYears() {
        return schedule.years();
    }

    public boolean isWorkingDay(LocalDate date) {
        HolidaySchedule.Kind kind = schedule.kindOf(date);
        if (kind != null) {
            return kind == HolidaySchedule.Kind.WORKDAY;
        }
        if (!schedule.covers(date.getYear()) && warnedYears.add(date.getYear())) {
            log.warn("No national holiday schedule loaded for {}: counting weekends only. "
                    + "Add config/calendar/holidays-{}.csv", date.getYear(), date.getYear());
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    public LocalDate onOrAfter(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The date {@code workingDays} working days after {@code from}; {@code from} itself is not counted. */
    public LocalDate plusWorkingDays(LocalDate from, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative");
        }
        LocalDate d = from;
        int counted = 0;
        while (counted < workingDays) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    /** The date {@code workingDays} working days before {@code from}; {@code from} itself is not counted. */
    public LocalDate minusWorkingDays(LocalDate from, int workingDays) {
        LocalDate d = from;
        int counted = 0;
        while (counted < workingDays) {
            d = d.minusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    /** The last day of a period of {@code workingDays} working days whose first day is {@code firstDay} (a working day). */
    public LocalDate lastDayOfPeriod(LocalDate firstDay, int workingDays) {
        return plusWorkingDays(onOrAfter(firstDay), workingDays - 1);
    }

    /** Working days from {@code start} to {@code end}, both included. */
    public int workingDaysBetween(LocalDate start, LocalDate end) {
        int count = 0;
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }
}
