package org.unionassist.medical;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.unionassist.casework.FormValues;
import org.unionassist.casework.Money;
import org.unionassist.casework.signoff.CasePolicy;
import org.unionassist.casework.signoff.Decision;
import org.unionassist.casework.signoff.SignedValues;
import org.unionassist.casework.signoff.StepRules;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;

/**
 * What a claim sign-off adds: the payout and approval level change only through the claim record (the unions and
 * number are protected by {@link CasePolicy}); the step that declares {@code checks=documents} needs every required
 * document; a reviewer corrects the critical-illness grade or the self-paid amount only with a reason (and the payout
 * is recomputed); a zero payout cannot be approved.
 */
@Component
public class ClaimRecords extends CasePolicy<MedicalClaim> {

    public static final String PROCESS = "medicalAidClaim";

    private final MedicalClaims claims;

    public ClaimRecords(MedicalClaims claims) {
        super(PROCESS);
        this.claims = claims;
    }

    @Override
    protected MedicalClaim load(DelegateTask task) {
        return claims.byProcessInstance(task.getProcessInstanceId());
    }

    @Override
    protected Map<String, Function<MedicalClaim, Object>> alsoProtected() {
        return Map.of("approvalLevel", c -> c.getApprovalLevel().code(),
                "proposedPayout", c -> c.getProposedPayout().toPlainString());
    }

    @Override
    public Map<String, StepCheck<MedicalClaim>> checks() {
        return Map.of("documents", (task, c, decision) -> {
            if (decision == Decision.SUBMIT) {
                ClaimDocuments.requireComplete(task, c.getClaimType());
            }
        });
    }

    @Override
    protected SignedValues apply(DelegateTask task, MedicalClaim c, Decision decision, StepRules step) {
        if (step.correction() && decision != Decision.RETURN) {
            applyCorrection(task, c);
        }
        if (decision == Decision.APPROVE) {
            MedicalClaims.requirePayable(c.getProposedPayout());
        }
        return new SignedValues(c.getClaimType().code(), c.getClaimType().label(), c.getProposedPayout(), null);
    }

    private void applyCorrection(DelegateTask task, MedicalClaim c) {
        Object type = task.getVariable("correctedClaimType");
        Object selfPaid = task.getVariable("correctedSelfPaid");
        String reason = FormValues.text(task, "correctionReason");
        task.setVariable("correctedClaimType", null);
        task.setVariable("correctedSelfPaid", null);
        task.setVariable("correctionReason", null);
        ClaimType newType = type == null || type.toString().isBlank() ? null : ClaimType.fromCode(type);
        BigDecimal newSelfPaid = selfPaid == null || selfPaid.toString().isBlank() ? null
                : Money.fromVariable(selfPaid, "核定个人自付金额");
        if (claims.correct(c, newType, newSelfPaid, reason)) {
            ClaimVariables.publish(task.getExecution(), c);
        }
    }

    @Override
    protected Map<String, Object> snapshot(DelegateTask task, MedicalClaim c) {
        return ClaimVariables.snapshot(c);
    }
}
