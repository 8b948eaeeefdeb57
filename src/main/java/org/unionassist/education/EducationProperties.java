package org.unionassist.education;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * 金秋助学 rules a city tunes in configuration ({@code union-assist.education}); the amounts live in
 * {@code processes/education-grant-amount.dmn}, the quotas are set by the city each year.
 *
 * @param windowOpens             first day ("--MM-dd") a grassroots union may file an application
 * @param windowCloses            last day ("--MM-dd") it may file one
 * @param publicNoticeWorkingDays working days the district's approved list is on public notice
 */
@ConfigurationProperties("union-assist.education")
public record EducationProperties(String windowOpens, String windowCloses, int publicNoticeWorkingDays) {

    public EducationProperties {
        if (MonthDay.parse(windowCloses).isBefore(MonthDay.parse(windowOpens))) {
            throw new IllegalArgumentException("union-assist.education.window-closes is before window-opens");
        }
    }

    public LocalDate opensIn(int year) {
        return MonthDay.parse(windowOpens).atYear(year);
    }

    public LocalDate closesIn(int year) {
        return MonthDay.parse(windowCloses).atYear(year);
    }

    public boolean open(LocalDate day) {
        return !day.isBefore(opensIn(day.getYear())) && !day.isAfter(closesIn(day.getYear()));
    }
}
