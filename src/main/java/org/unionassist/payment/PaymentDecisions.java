package org.unionassist.payment;

import org.springframework.stereotype.Component;
import org.unionassist.casework.signoff.Decision;

/**
 * What the audit trail records of payments beside the batch's sign-offs. A bean so that they are declared when the
 * application starts, before a step or the audit trail reads one by its code.
 */
@Component
public final class PaymentDecisions {

    public static final Decision BANK_FILE = Decision.declare("bankFileDownloaded", "下载银行付款文件", false);
    public static final Decision BANK_RESULT = Decision.declare("bankResultImported", "导入银行回单", false);
    public static final Decision REISSUE = Decision.declare("reissuePayment", "更正银行卡后重新支付", true);
    public static final Decision PAID = Decision.declare("paymentConfirmed", "银行回单：已支付", false);
    public static final Decision FAILED = Decision.declare("paymentFailed", "银行回单：支付失败", false);
}
