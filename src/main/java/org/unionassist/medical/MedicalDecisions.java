package org.unionassist.medical;

import org.springframework.stereotype.Component;
import org.unionassist.casework.signoff.Decision;

/**
 * The decisions only 职工医疗互助 takes, beside casework's shared ones. A bean so that they are declared when the
 * application starts, before a step or the audit trail reads one by its code.
 */
@Component
public final class MedicalDecisions {

    public static final Decision CONFIRM = Decision.declare("confirm", "确认参保名单生效", false);
    public static final Decision SETTLE = Decision.declare("settle", "核定赔付并生成付款", false);
    /** The settlement found nothing left to pay (the annual cap used up meanwhile): closed as not paid. */
    public static final Decision NOT_PAYABLE = Decision.declare("notPayable", "年度封顶额已用完，不予赔付", false);
}
