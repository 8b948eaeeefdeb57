package org.unionassist.medical;

import java.math.BigDecimal;

/**
 * One row of the benefit table (processes/medical-aid-benefit.dmn): either a band of the self-paid amount paid at a
 * rate ({@code from} inclusive, {@code to} exclusive or open when null) or a fixed one-off amount; {@code yearlyLimit}
 * caps what this claim type pays a member in one plan year.
 */
public record BenefitRule(BigDecimal from, BigDecimal to, BigDecimal rate, BigDecimal fixedAmount,
                          BigDecimal yearlyLimit) {

    boolean fixed() {
        return fixedAmount != null;
    }
}
