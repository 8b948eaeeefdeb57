package org.unionassist.warmth;

import org.springframework.stereotype.Component;
import org.unionassist.casework.signoff.Decision;

/**
 * The decisions only 两节送温暖 takes, beside casework's shared ones. A bean so that they are declared when the
 * application starts, before a step or the audit trail reads one by its code.
 */
@Component
public final class WarmthDecisions {

    public static final Decision WAIVED = Decision.declare("waived", "逾期未报送，视为放弃", false);
    public static final Decision PAY = Decision.declare("payWarmthCash", "生成送温暖现金发放", false);
}
