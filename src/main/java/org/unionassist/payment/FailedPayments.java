package org.unionassist.payment;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.PersonalData;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.signoff.AuditTrail;
import org.unionassist.casework.signoff.SignedValues;
import org.unionassist.organisation.UnionMember;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A payment the bank refused goes out again, once, to a corrected card: the disbursement is pending again with the
 * new card (the refused one stays on the batch line that carried it), and the case it pays records who corrected it,
 * both cards masked, the bank's reason and the clerk's note.
 */
@Service
public class FailedPayments {

    private final DisbursementRepository disbursements;
    private final AuditTrail auditTrail;

    public FailedPayments(DisbursementRepository disbursements, AuditTrail auditTrail) {
        this.disbursements = disbursements;
        this.auditTrail = auditTrail;
    }

    @Transactional
    public Disbursement reissue(long disbursementId, String correctedCard, String note, UnionMember clerk) {
        String card = PersonalData.requireValidBankCard(correctedCard);
        if (note == null || note.isBlank()) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "请填写更正说明（如新卡的来源）");
        }
        if (note.strip().length() > 200) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "更正说明不能超过200字");
        }
        Disbursement d = disbursements.lockById(disbursementId)
                .orElseThrow(() -> new UnionAssistException(PaymentError.DISBURSEMENT_NOT_FOUND, "找不到该笔付款"));
        if (!d.mayBeReissued()) {
            throw new UnionAssistException(PaymentError.NOT_REISSUABLE, switch (d.getStatus()) {
                case Disbursement.PAID -> "该笔款项已支付，不能重新支付";
                case Disbursement.PENDING -> d.getReissueCount() > 0 ? "该笔款项已更正银行卡，正待重新支付"
                        : "该笔款项尚未支付失败，无需重新支付";
                default -> "该笔款项已重新支付过一次，不能再次重新支付，请核实收款人情况后另行处理";
            });
        }
        if (card.equals(d.getBankCard())) {
            throw new UnionAssistException(PaymentError.CARD_NOT_CORRECTED, "更正后的银行卡号与支付失败的卡号相同，请核对");
        }
        String before = PersonalData.maskBankCard(d.getBankCard());
        String reason = d.getFailureReason();
        d.reissued(card);
        disbursements.flush();
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("disbursementId", d.getId());
        snapshot.put("failureReason", reason);
        snapshot.put("previousBankCard", before);
        snapshot.put("correctedBankCard", PersonalData.maskBankCard(card));
        auditTrail.recordAside(new AuditTrail.CaseStep(d.getProcessInstanceId(), d.getProcessDefinitionKey(),
                        d.getCaseNumber(), "paymentReissue", "更正银行卡后重新支付"), PaymentDecisions.REISSUE,
                "银行退回原因：" + reason + "；银行卡由 " + before + " 更正为 " + PersonalData.maskBankCard(card) + "；"
                        + note.strip(), clerk, new SignedValues(null, null, d.getAmount(), null), snapshot);
        return d;
    }
}
