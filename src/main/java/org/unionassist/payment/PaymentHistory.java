package org.unionassist.payment;

import org.springframework.stereotype.Service;

import java.util.List;

/** What became of a disbursement at the bank, in words an auditor reads beside it: each batch line that carried it. */
@Service
public class PaymentHistory {

    private final PaymentLineRepository lines;

    public PaymentHistory(PaymentLineRepository lines) {
        this.lines = lines;
    }

    /** 「FK2026-0001-0001 支付失败（账户已销户）；已更正银行卡重新支付；FK2026-0002-0001 已支付」, or 未编入付款批次. */
    public String of(Disbursement d) {
        List<PaymentLine> carried = lines.findAllByDisbursementIdOrderByIdAsc(d.getId());
        if (carried.isEmpty()) {
            return d.getReissueCount() > 0 ? "已更正银行卡，待重新支付" : "未编入付款批次";
        }
        StringBuilder text = new StringBuilder();
        for (PaymentLine l : carried) {
            if (!text.isEmpty()) {
                text.append("；");
            }
            text.append(l.getReference()).append(' ').append(PaymentBatches.resultLabel(l));
            if (l.getBankReason() != null) {
                text.append("（").append(l.getBankReason()).append("）");
            }
            if (PaymentLine.FAILED.equals(l.getResult()) && d.getReissueCount() > 0) {
                text.append("；已更正银行卡重新支付");
            }
        }
        return text.toString();
    }
}
