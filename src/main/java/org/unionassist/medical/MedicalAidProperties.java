package org.unionassist.medical;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;

/**
 * Medical mutual-aid rules a city tunes in configuration ({@code union-assist.medical-aid}); the benefit bands and
 * the district/city threshold live in the DMN tables.
 *
 * @param feePerMember      yearly fee per enrolled worker (yuan)
 * @param waitingPeriodDays days from a new member's start date in which admissions are not covered (免责期)
 * @param claimDeadline     a claim must be filed by this day ("--MM-dd") of the year after discharge
 * @param annualCap         most a member receives across all claims of one plan year (yuan)
 */
@ConfigurationProperties("union-assist.medical-aid")
public record MedicalAidProperties(BigDecimal feePerMember, int waitingPeriodDays, String claimDeadline,
                                   BigDecimal annualCap) {

    public MedicalAidProperties {
        MonthDay.parse(claimDeadline);
    }

    /** The last day to file a claim for a discharge in the given year. */
    public LocalDate claimDeadlineFor(int dischargeYear) {
        return MonthDay.parse(claimDeadline).atYear(dischargeYear + 1);
    }
}
