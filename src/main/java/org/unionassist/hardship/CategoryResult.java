package org.unionassist.hardship;

import java.math.BigDecimal;

/** What the DMN decided: the category, the reason in words, and the 低保 standard it compared against. */
public record CategoryResult(HardshipCategory category, String reason, BigDecimal minimumLivingStandard) {
}
