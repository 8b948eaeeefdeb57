package org.unionassist.casework.signoff;

import java.math.BigDecimal;

/** The category and/or amount a signer set or confirmed at a step (null where the step sets none). */
public record SignedValues(String category, String categoryLabel, BigDecimal amount, Integer round) {

    public static SignedValues none() {
        return new SignedValues(null, null, null, null);
    }
}
