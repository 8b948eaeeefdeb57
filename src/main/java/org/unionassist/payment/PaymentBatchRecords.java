package org.unionassist.payment;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.unionassist.casework.CaseUnions;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.PersonalData;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.signoff.AuditTrail;
import org.unionassist.casework.signoff.CaseRecordPolicy;
import org.unionassist.casework.signoff.Decision;
import org.unionassist.casework.signoff.SignedValues;
import org.unionassist.casework.signoff.StepRules;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Sign-offs of a payment batch. {@code checks=batchReview}: the lines the clerk takes out are on the batch, and some
 * stay. {@code checks=twoPersons}: the approver neither prepared nor submitted the batch. {@code checks=bankResult}:
 * the bank answered every line, and each corrected card is valid. The snapshot keeps the count and total the signer
 * saw, and the corrections with cards masked.
 */
@Component
public class PaymentBatchRecords extends CaseRecordPolicy<PaymentBatch> {

    private final PaymentBatches batches;
    private final AuditTrail auditTrail;

    public PaymentBatchRecords(PaymentBatches batches, AuditTrail auditTrail) {
        super(PaymentBatches.PROCESS);
        this.batches = batches;
        this.auditTrail = auditTrail;
    }

    @Override
    protected PaymentBatch load(DelegateTask task) {
        return batches.batchOf(task.getProcessInstanceId());
    }

    @Override
    protected Map<String, Function<PaymentBatch, Object>> protectedVariables() {
        return Map.of("caseNumber", PaymentBatch::number, "cityUnion", PaymentBatch::getCityUnionId);
    }

    @Override
    protected String caseNumber(PaymentBatch batch) {
        return batch.number();
    }

    @Override
    public Map<String, StepCheck<PaymentBatch>> checks() {
        return Map.of(
                "batchReview", (task, batch, decision) -> {
                    if (decision == Decision.SUBMIT) {
                        batches.linesToRemove(task, batch);
                    }
                },
                "twoPersons", (task, batch, decision) -> {
                    if (decision == Decision.APPROVE) {
                        batches.requireSecondPerson(signer(), batch, auditTrail.ofCase(task.getProcessInstanceId()));
                    }
                },
                "bankResult", (task, batch, decision) -> {
                    batches.requireAnswered(batch);
                    batches.corrections(task, batch);
                });
    }

    @Override
    protected SignedValues apply(DelegateTask task, PaymentBatch batch, Decision decision, StepRules step) {
        switch (step.stepId()) {
            case "reviewBatch" -> {
                if (decision == Decision.SUBMIT) {
                    batches.removeLines(task, batch);
                }
            }
            case "approveBatch" -> {
                if (decision == Decision.APPROVE) {
                    batches.approve(batch, signer());
                }
            }
            case "bankResult" -> {
                List<PaymentBatches.Correction> corrections = batches.corrections(task, batch);
                batches.reissue(corrections, batch, batches.cityClerk(signer(), batch, "登记银行回单"));
                task.setVariable("correctionsMade", corrections.stream()
                        .map(c -> "第" + c.line() + "行 → " + PersonalData.maskBankCard(c.card()) + "（" + c.note() + "）")
                        .toList().toString());
            }
            default -> {
                // no figures of their own
            }
        }
        BigDecimal total = PaymentBatches.total(batches.linesOf(batch));
        return new SignedValues(null, null, total, null);
    }

    @Override
    protected Map<String, Object> snapshot(DelegateTask task, PaymentBatch batch) {
        var all = batches.linesOf(batch);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("batchNumber", batch.number());
        s.put("lineCount", all.size());
        BigDecimal total = PaymentBatches.total(all);
        s.put("batchTotal", total.toPlainString());
        s.put("totalInWords", PaymentBatches.inWords(total));
        Object corrections = task.getVariable("correctionsMade");
        if (corrections != null) {
            s.put("corrections", corrections.toString());
        }
        return s;
    }

    private static String signer() {
        return CaseUnions.loggedIn().orElseThrow(() -> new UnionAssistException(CaseworkError.NOT_AUTHORIZED,
                "请登录后再办理付款批次"));
    }
}
