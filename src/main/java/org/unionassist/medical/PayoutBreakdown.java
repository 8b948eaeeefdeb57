package org.unionassist.medical;

import org.unionassist.casework.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a payout was computed, line by line, so a member can check it by hand: each band or fixed amount, the yearly
 * limit of the claim type and the annual cap where they cut the amount, and the payout (rounded half-up once).
 */
public record PayoutBreakdown(List<String> lines, BigDecimal payout, boolean capped) {

    public String describe() {
        return String.join("\n", lines);
    }

    static String amount(BigDecimal value) {
        return Money.yuan(value).toPlainString();
    }

    static String percent(BigDecimal rate) {
        return rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    static String joined(List<String> parts) {
        return parts.stream().collect(Collectors.joining(" + "));
    }
}
