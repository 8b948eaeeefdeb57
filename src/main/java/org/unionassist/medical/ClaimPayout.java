package org.unionassist.medical;

import org.unionassist.casework.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes a claim's payout from the benefit rules (DMN) and what the member has already been paid in the plan year:
 * the sum of the bands (or the fixed amount), cut to the claim type's yearly limit, then to what remains of the
 * annual cap. Exact decimals throughout; rounded half-up to the fen once, at the end.
 */
public final class ClaimPayout {

    private ClaimPayout() {
    }

    /**
     * @param paidThisYear       approved payouts of all the member's claims in the plan year
     * @param paidOfTypeThisYear approved payouts of this claim type in the plan year (for a yearly limit)
     */
    public static PayoutBreakdown compute(ClaimType type, BigDecimal selfPaid, List<BenefitRule> rules,
                                          BigDecimal paidThisYear, BigDecimal paidOfTypeThisYear,
                                          BigDecimal annualCap) {
        List<String> lines = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal yearlyLimit = null;
        lines.add(type.label() + "，个人自付 " + PayoutBreakdown.amount(selfPaid) + " 元");
        for (BenefitRule rule : rules) {
            if (rule.yearlyLimit() != null) {
                yearlyLimit = rule.yearlyLimit();
            }
            if (rule.fixed()) {
                sum = sum.add(rule.fixedAmount());
                lines.add("定额给付 " + PayoutBreakdown.amount(rule.fixedAmount()) + " 元");
                parts.add(PayoutBreakdown.amount(rule.fixedAmount()));
                continue;
            }
            BigDecimal portion = portionIn(selfPaid, rule);
            if (portion.signum() == 0) {
                continue;
            }
            BigDecimal band = portion.multiply(rule.rate());
            sum = sum.add(band);
            String range = rule.to() == null ? PayoutBreakdown.amount(rule.from()) + " 元以上部分"
                    : PayoutBreakdown.amount(rule.from()) + "–" + PayoutBreakdown.amount(rule.to()) + " 元部分";
            lines.add(range + " " + PayoutBreakdown.amount(portion) + " × " + PayoutBreakdown.percent(rule.rate())
                    + " = " + PayoutBreakdown.amount(band));
            parts.add(PayoutBreakdown.amount(band));
        }
        if (parts.isEmpty()) {
            lines.add("个人自付未达到起付标准，不予给付");
        } else if (parts.size() > 1) {
            lines.add("合计 " + PayoutBreakdown.joined(parts) + " = " + PayoutBreakdown.amount(sum) + " 元");
        }
        boolean capped = false;
        if (yearlyLimit != null) {
            BigDecimal remaining = yearlyLimit.subtract(paidOfTypeThisYear).max(BigDecimal.ZERO);
            if (sum.compareTo(remaining) > 0) {
                lines.add(type.label() + "年度限额 " + PayoutBreakdown.amount(yearlyLimit) + " 元，本年度已赔付 "
                        + PayoutBreakdown.amount(paidOfTypeThisYear) + " 元，本次按剩余额度 "
                        + PayoutBreakdown.amount(remaining) + " 元给付");
                sum = remaining;
                capped = true;
            }
        }
        BigDecimal capRemaining = annualCap.subtract(paidThisYear).max(BigDecimal.ZERO);
        if (sum.compareTo(capRemaining) > 0) {
            lines.add("年度封顶 " + PayoutBreakdown.amount(annualCap) + " 元，本年度已赔付 "
                    + PayoutBreakdown.amount(paidThisYear) + " 元，本次按剩余额度 "
                    + PayoutBreakdown.amount(capRemaining) + " 元给付");
            sum = capRemaining;
            capped = true;
        }
        BigDecimal payout = Money.yuan(sum);
        lines.add("拟赔付 " + payout.toPlainString() + " 元");
        return new PayoutBreakdown(List.copyOf(lines), payout, capped);
    }

    private static BigDecimal portionIn(BigDecimal selfPaid, BenefitRule band) {
        BigDecimal above = selfPaid.subtract(band.from());
        if (above.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return band.to() == null ? above : above.min(band.to().subtract(band.from()));
    }
}
