package org.unionassist.hardship;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class HouseholdFiguresTest {

    private static HouseholdFigures figures(String annualIncome, String rigidExpenditure, int householdSize) {
        return new HouseholdFigures(new BigDecimal(annualIncome), new BigDecimal(rigidExpenditure), BigDecimal.ZERO,
                householdSize, "none", false, false, false, false, false, 0);
    }

    @Test
    void perCapitaMonthlyIncomeSubtractsRigidExpenditureThenDividesByTwelveAndHouseholdSize() {
        // (30000 - 6000) / 12 / 2
        assertThat(figures("30000", "6000", 2).perCapitaMonthlyIncome()).isEqualTo(new BigDecimal("1000.00"));
    }

    @Test
    void perCapitaMonthlyIncomeIsRoundedToTheFen() {
        // 10000 / 12 / 3 = 277.777...
        assertThat(figures("10000", "0", 3).perCapitaMonthlyIncome()).isEqualTo(new BigDecimal("277.78"));
    }

    @Test
    void aHalfFenIsRoundedUp() {
        // 12000.06 / 12 / 1 = 1000.005 -> 1000.01 (half-even or half-down would give 1000.00)
        assertThat(figures("12000.06", "0", 1).perCapitaMonthlyIncome()).isEqualTo(new BigDecimal("1000.01"));
        // 3 / 12 / 2 = 0.125 -> 0.13
        assertThat(figures("3", "0", 2).perCapitaMonthlyIncome()).isEqualTo(new BigDecimal("0.13"));
    }

    @Test
    void justBelowAHalfFenIsRoundedDown() {
        // 12000.05 / 12 = 1000.004166...
        assertThat(figures("12000.05", "0", 1).perCapitaMonthlyIncome()).isEqualTo(new BigDecimal("1000.00"));
    }

    @Test
    void aWholeResultStillCarriesTwoDecimals() {
        assertThat(figures("30000", "0", 2).perCapitaMonthlyIncome()).isEqualTo(new BigDecimal("1250.00"));
    }

    @Test
    void rigidExpenditureAboveIncomeGivesZeroNotANegativeIncome() {
        assertThat(figures("10000", "15000", 3).perCapitaMonthlyIncome()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void rigidExpenditureEqualToIncomeGivesZero() {
        assertThat(figures("10000", "10000", 1).perCapitaMonthlyIncome()).isEqualTo(new BigDecimal("0.00"));
    }
}
