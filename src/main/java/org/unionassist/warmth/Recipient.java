package org.unionassist.warmth;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One person on a grassroots union's list: a row of its own, never a process instance. The raw ID number stays in
 * this row (ua_warmth_recipient); forms and the engine see it masked.
 */
public record Recipient(long id, long listId, int lineNo, String source, String name, String idNumber,
                        String idProblem, RecipientGroup group, String groupProblem, String bankCard,
                        String cardProblem, BigDecimal cash, BigDecimal goods,
                        Status status, String justification, LocalDate deliveredOn, String given,
                        BigDecimal cashGiven, String visitor, String proofKind, String proofRef, boolean sampled,
                        String phoneBackOutcome, String phoneBackNote) {

    public enum Status {
        LISTED("待慰问"), REMOVED("已剔除"), DELIVERED("已送达"), UNREACHED("未联系上，经费退回");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Cash and goods as listed. */
    public BigDecimal total() {
        return cash.add(goods);
    }

    /** What was given: the cash handed over and the goods, for a delivered recipient; nothing otherwise. */
    public BigDecimal spent() {
        return status == Status.DELIVERED ? cashGiven.add(goods) : BigDecimal.ZERO.setScale(2);
    }
}
