package org.unionassist.education;

import org.springframework.stereotype.Component;
import org.unionassist.casework.signoff.Decision;

/**
 * The decisions only 金秋助学 takes, beside casework's shared ones. A bean so that they are declared when the
 * application starts, before a step or the audit trail reads one by its code.
 */
@Component
public final class EducationDecisions {

    public static final Decision PAY = Decision.declare("payGrant", "生成助学金付款", false);
    public static final Decision CONVENE = Decision.declare("convene", "提请区总工会集体研究", false);
}
