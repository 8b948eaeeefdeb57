package org.unionassist.casework.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingDayCalendarTest {

    private static final String BUNDLED = "classpath*:calendar/*.csv";

    private final WorkingDayCalendar calendar = new WorkingDayCalendar(new CalendarProperties(List.of(BUNDLED)));

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void bundledSchedulesCover2025And2026() {
        assertThat(calendar.coveredYears()).contains(2025, 2026).doesNotContain(2031);
    }

    @Test
    void anOrdinaryWeekdayIsAWorkingDay() {
        assertThat(calendar.isWorkingDay(d("2026-03-10"))).isTrue(); // Tuesday
        assertThat(calendar.isWorkingDay(d("2026-03-13"))).isTrue(); // Friday
    }

    @Test
    void anOrdinaryWeekendIsNotAWorkingDay() {
        assertThat(calendar.isWorkingDay(d("2026-03-07"))).isFalse(); // Saturday
        assertThat(calendar.isWorkingDay(d("2026-03-08"))).isFalse(); // Sunday
    }

    @ParameterizedTest(name = "{0} is a National Day holiday")
    @ValueSource(strings = {"2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06",
            "2026-10-07"})
    void everyDayOfTheNationalDayBreak2026IsNotAWorkingDay(String date) {
        assertThat(calendar.isWorkingDay(d(date))).isFalse();
    }

    @Test
    void theThursdayAfterTheNationalDayBreakIsAWorkingDayAgain() {
        assertThat(calendar.isWorkingDay(d("2026-10-08"))).isTrue();
    }

    @Test
    void makeUpSundayBeforeNationalDayIsAWorkingDay() {
        assertThat(calendar.isWorkingDay(d("2026-09-20"))).isTrue();
    }

    @Test
    void makeUpSaturdayAfterNationalDayIsAWorkingDay() {
        assertThat(calendar.isWorkingDay(d("2026-10-10"))).isTrue();
        assertThat(calendar.isWorkingDay(d("2026-10-11"))).as("the Sunday after stays a weekend").isFalse();
    }

    @Test
    void springFestivalMakeUpSaturdaysAreWorkingDays() {
        assertThat(calendar.isWorkingDay(d("2026-02-14"))).isTrue();
        assertThat(calendar.isWorkingDay(d("2026-02-28"))).isTrue();
    }

    @Test
    void springFestivalWeekdaysAreNotWorkingDays() {
        for (LocalDate day = d("2026-02-15"); !day.isAfter(d("2026-02-23")); day = day.plusDays(1)) {
            assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse();
        }
        assertThat(calendar.isWorkingDay(d("2026-02-24"))).isTrue();
    }

    @Test
    void fiveWorkingDaysAfterTheLastDayBeforeNationalDayFallOnTheSecondTuesdayAfter() {
        // 10-08 Thu, 10-09 Fri, 10-10 Sat (make-up), 10-12 Mon, 10-13 Tue
        assertThat(calendar.plusWorkingDays(d("2026-09-30"), 5)).isEqualTo(d("2026-10-13"));
    }

    @Test
    void plusWorkingDaysDoesNotCountTheStartingDay() {
        assertThat(calendar.plusWorkingDays(d("2026-03-10"), 1)).isEqualTo(d("2026-03-11"));
        assertThat(calendar.plusWorkingDays(d("2026-03-10"), 0)).isEqualTo(d("2026-03-10"));
    }

    @Test
    void plusWorkingDaysRefusesANegativeCount() {
        assertThatThrownBy(() -> calendar.plusWorkingDays(d("2026-03-10"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPublicNoticeStartingOnAnOrdinaryWeekendRunsFromMondayToFriday() {
        // first day Saturday 03-07 -> notice starts Monday 03-09, fifth working day Friday 03-13
        assertThat(calendar.lastDayOfPeriod(d("2026-03-07"), 5)).isEqualTo(d("2026-03-13"));
    }

    @Test
    void aPublicNoticeStartingOnAHolidayWeekendStartsAfterTheBreakAndCountsTheMakeUpSaturday() {
        // first day Saturday 10-03 (holiday) -> 10-08 Thu, 10-09 Fri, 10-10 Sat, 10-12 Mon, 10-13 Tue
        assertThat(calendar.lastDayOfPeriod(d("2026-10-03"), 5)).isEqualTo(d("2026-10-13"));
    }

    @Test
    void aPublicNoticeStartingOnAMakeUpSaturdayCountsThatSaturdayAsItsFirstDay() {
        // 10-10 Sat, 10-12 Mon, 10-13 Tue, 10-14 Wed, 10-15 Thu
        assertThat(calendar.lastDayOfPeriod(d("2026-10-10"), 5)).isEqualTo(d("2026-10-15"));
    }

    @Test
    void workingDaysBetweenCountsBothEndsAndSkipsTheNationalDayBreak() {
        // 09-28, 09-29, 09-30, 10-08, 10-09, 10-10 (make-up)
        assertThat(calendar.workingDaysBetween(d("2026-09-28"), d("2026-10-11"))).isEqualTo(6);
        assertThat(calendar.workingDaysBetween(d("2026-10-08"), d("2026-10-08"))).isEqualTo(1);
    }

    @Test
    void workingDaysBetweenCountsTheMakeUpSundayAndSkipsMidAutumn() {
        // 09-20 Sun (make-up), 09-21..09-24 Mon-Thu; 09-25 Fri and 09-26 Sat are Mid-Autumn holidays
        assertThat(calendar.workingDaysBetween(d("2026-09-20"), d("2026-09-26"))).isEqualTo(5);
    }

    @Test
    void workingDaysBetweenIsZeroWhenTheEndIsBeforeTheStart() {
        assertThat(calendar.workingDaysBetween(d("2026-03-13"), d("2026-03-09"))).isZero();
    }

    @Test
    void minusWorkingDaysStepsBackOverTheNationalDayBreak() {
        assertThat(calendar.minusWorkingDays(d("2026-10-08"), 1)).isEqualTo(d("2026-09-30"));
        // 09-30, 09-29, 09-28, then back over Mid-Autumn (09-27 Sun, 09-26 Sat, 09-25 Fri) to Thursday 09-24
        assertThat(calendar.minusWorkingDays(d("2026-10-08"), 4)).isEqualTo(d("2026-09-24"));
    }

    @Test
    void minusWorkingDaysCountsTheMakeUpSaturday() {
        // 10-10 Sat (make-up), 10-09 Fri, 10-08 Thu
        assertThat(calendar.minusWorkingDays(d("2026-10-12"), 3)).isEqualTo(d("2026-10-08"));
    }

    @Test
    void aYearWithoutAScheduleFallsBackToPlainWeekends() {
        assertThat(calendar.isWorkingDay(d("2031-01-01"))).as("New Year's Day 2031 unknown, a Wednesday").isTrue();
        assertThat(calendar.isWorkingDay(d("2031-01-04"))).as("Saturday").isFalse();
        assertThat(calendar.isWorkingDay(d("2031-01-05"))).as("Sunday").isFalse();
        assertThat(calendar.plusWorkingDays(d("2031-01-03"), 1)).isEqualTo(d("2031-01-06"));
    }

    @Test
    void anOperatorOverrideFileAddsAHolidayOnAnOrdinaryWeekday(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("holidays-override.csv"),
                "date,kind,name\n2026-03-10,HOLIDAY,本地临时放假\n", StandardCharsets.UTF_8);
        WorkingDayCalendar withOverride = new WorkingDayCalendar(
                new CalendarProperties(List.of(BUNDLED, "file:" + dir + "/*.csv")));

        assertThat(withOverride.isWorkingDay(d("2026-03-10"))).isFalse();
        assertThat(withOverride.plusWorkingDays(d("2026-03-09"), 1)).isEqualTo(d("2026-03-11"));
        assertThat(withOverride.isWorkingDay(d("2026-10-01"))).as("bundled schedule still applies").isFalse();
    }

    @Test
    void aLaterLocationOverridesABundledMakeUpDay(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("holidays-2026.csv"),
                "2026-10-10,HOLIDAY,调休取消\n", StandardCharsets.UTF_8);
        WorkingDayCalendar withOverride = new WorkingDayCalendar(
                new CalendarProperties(List.of(BUNDLED, "file:" + dir + "/*.csv")));

        assertThat(withOverride.isWorkingDay(d("2026-10-10"))).isFalse();
    }

    @Test
    void reloadPicksUpAFileAddedAfterStartup(@TempDir Path dir) throws IOException {
        WorkingDayCalendar reloadable = new WorkingDayCalendar(
                new CalendarProperties(List.of(BUNDLED, "file:" + dir + "/*.csv")));
        assertThat(reloadable.isWorkingDay(d("2031-01-01"))).isTrue();

        Files.writeString(dir.resolve("holidays-2031.csv"), "2031-01-01,HOLIDAY,元旦\n", StandardCharsets.UTF_8);
        reloadable.reload();

        assertThat(reloadable.isWorkingDay(d("2031-01-01"))).isFalse();
        assertThat(reloadable.coveredYears()).contains(2031);
    }

    @Test
    void aMalformedDateMakesLoadingFailNamingTheLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.csv"),
                "date,kind,name\n2026-03-10,HOLIDAY,ok\n2026-13-45,HOLIDAY,坏日期\n", StandardCharsets.UTF_8);
        CalendarProperties properties = new CalendarProperties(List.of(BUNDLED, "file:" + dir + "/*.csv"));

        assertThatThrownBy(() -> new WorkingDayCalendar(properties))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("broken.csv")
                .hasMessageContaining("line 3")
                .hasMessageContaining("2026-13-45");
    }

    @Test
    void anUnknownKindMakesLoadingFailNamingTheLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.csv"), "# comment\n2026-03-10,DAYOFF,放假\n", StandardCharsets.UTF_8);
        CalendarProperties properties = new CalendarProperties(List.of("file:" + dir + "/*.csv"));

        assertThatThrownBy(() -> new WorkingDayCalendar(properties))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("DAYOFF");
    }

    @Test
    void aLineWithoutAKindMakesLoadingFailNamingTheLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.csv"), "2026-03-10\n", StandardCharsets.UTF_8);
        CalendarProperties properties = new CalendarProperties(List.of("file:" + dir + "/*.csv"));

        assertThatThrownBy(() -> new WorkingDayCalendar(properties))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 1");
    }

    @Test
    void missingLocationsDefaultToTheBundledSchedules() {
        WorkingDayCalendar defaults = new WorkingDayCalendar(new CalendarProperties(null));
        assertThat(defaults.coveredYears()).contains(2025, 2026);
        assertThat(defaults.isWorkingDay(d("2026-10-01"))).isFalse();
    }
}
