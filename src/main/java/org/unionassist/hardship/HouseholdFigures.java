package org.unionassist.hardship;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The figures a categorisation is decided on. Per-capita monthly income =
 * (annual disposable income − rigid expenditure) ÷ 12 ÷ household size, never below zero, rounded half-up to the fen
 * once at the end.
 */
public record HouseholdFigures(BigDecimal annualIncome, BigDecimal rigidExpenditure, BigDecimal illnessAccidentCost,
                               int householdSize, String hardshipCause, boolean ownsMultipleHomes,
                               boolean ownsBusinessOrEmploys, boolean privateCarNonWork,
                               boolean childPrivateSchoolOrAbroad, boolean migrantWorker,
                               int localEmploymentMonths) {

    /** Rigid expenditure above the income: the net income counts as zero (and says so wherever it is shown). */
    public boolean expenditureExceedsIncome() {
        return rigidExpenditure.compareTo(annualIncome) > 0;
    }

    public BigDecimal perCapitaMonthlyIncome() {
        BigDecimal net = annualIncome.subtract(rigidExpenditure).max(BigDecimal.ZERO);
        return net.divide(BigDecimal.valueOf(12L * householdSize), 2, RoundingMode.HALF_UP);
    }
}
