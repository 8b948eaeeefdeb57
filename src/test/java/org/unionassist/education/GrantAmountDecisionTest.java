package org.unionassist.education;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionassist.support.ProcessTest;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The amount table (education-grant-amount.dmn) as the application asks it, against the worked examples. */
@ProcessTest
class GrantAmountDecisionTest {

    @Autowired GrantAmounts amounts;

    @ParameterizedTest(name = "{0} × {1} → {2}")
    @CsvSource({
            "DEEP,      UNDERGRADUATE,  7500.00",
            "DEEP,      JUNIOR_COLLEGE, 7500.00",
            "DEEP,      POSTGRADUATE,   7500.00",
            "DEEP,      HIGH_SCHOOL,    4000.00",
            "RELATIVE,  UNDERGRADUATE,  6000.00",
            "RELATIVE,  JUNIOR_COLLEGE, 6000.00",
            "RELATIVE,  POSTGRADUATE,   6000.00",
            "RELATIVE,  HIGH_SCHOOL,    3000.00",
            "ACCIDENT,  UNDERGRADUATE,  6000.00",
            "ACCIDENT,  JUNIOR_COLLEGE, 6000.00",
            "ACCIDENT,  POSTGRADUATE,   6000.00",
            "ACCIDENT,  HIGH_SCHOOL,    3000.00",
            "TEMPORARY, UNDERGRADUATE,  4000.00",
            "TEMPORARY, JUNIOR_COLLEGE, 4000.00",
            "TEMPORARY, POSTGRADUATE,   4000.00",
            "TEMPORARY, HIGH_SCHOOL,    2000.00"})
    void theTableGivesTheDemoAmountForEachStandingAndLevelAndTheReasonNamesIt(Standing standing, GrantLevel level,
                                                                             String expected) {
        GrantAmounts.Amount amount = amounts.of(standing, level);

        assertThat(amount.yuan()).isEqualByComparingTo(new BigDecimal(expected));
        assertThat(amount.yuan().scale()).as("yuan with two decimals").isEqualTo(2);
        assertThat(amount.yuan().toPlainString()).isEqualTo(expected);
        assertThat(amount.reason()).contains(expected).contains(level.label());
    }

    @ParameterizedTest(name = "accident × {0} is paid as relative hardship")
    @CsvSource({"UNDERGRADUATE", "JUNIOR_COLLEGE", "POSTGRADUATE", "HIGH_SCHOOL"})
    void anAccidentHouseholdIsPaidAtTheRelativeHardshipRate(GrantLevel level) {
        assertThat(amounts.of(Standing.ACCIDENT, level).yuan())
                .isEqualByComparingTo(amounts.of(Standing.RELATIVE, level).yuan());
    }
}
