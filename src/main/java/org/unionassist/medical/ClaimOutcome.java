package org.unionassist.medical;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.signoff.AuditTrail;
import org.unionassist.casework.signoff.Decision;
import org.unionassist.casework.signoff.SignedValues;
import org.unionassist.payment.Disbursements;
import org.unionassist.payment.PaymentOrder;

/**
 * How a claim ends: approved claims are settled against the annual cap and paid once to the member's bank card
 * ({@code ${claimOutcome.approved(execution)}}); rejected and withdrawn claims are closed, which frees the
 * critical-illness allowance of the plan year.
 */
@Component("claimOutcome")
public class ClaimOutcome {

    /** The purpose of a claim's disbursement; V9 gave the claims paid before it the same code and payee key. */
    static final String PURPOSE = "MEDICAL_CLAIM";

    private final MedicalClaims claims;
    private final Disbursements disbursements;
    private final AuditTrail auditTrail;
    private final ShanghaiClock clock;

    public ClaimOutcome(MedicalClaims claims, Disbursements disbursements, AuditTrail auditTrail,
                        ShanghaiClock clock) {
        this.claims = claims;
        this.disbursements = disbursements;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    public void approved(DelegateExecution execution) {
        MedicalClaim claim = claims.byProcessInstance(execution.getProcessInstanceId());
        PayoutBreakdown settled = claims.settle(claim, clock.today());
        disbursements.payOnce(new PaymentOrder(claim.getProcessInstanceId(),
                AuditTrail.processKeyOf(execution), claim.getCaseNumber(), payeeKey(claim), PURPOSE,
                claim.getMemberName(), claim.getIdNumber(), claim.getBankCard(), settled.payout(),
                claim.getGrassrootsUnionId()));
        auditTrail.recordEvent(execution, MedicalDecisions.SETTLE, settled.describe(), AuditTrail.SYSTEM,
                new SignedValues(claim.getClaimType().code(), claim.getClaimType().label(), settled.payout(), null),
                ClaimVariables.snapshot(claim));
    }

    /** The member is paid as their membership of the plan year, not by ID number. */
    static String payeeKey(MedicalClaim claim) {
        return "membership:" + claim.getMembership().getId();
    }

    public void rejected(DelegateExecution execution) {
        MedicalClaim claim = claims.byProcessInstance(execution.getProcessInstanceId());
        claims.close(claim, MedicalClaim.Status.REJECTED, clock.today());
    }

    public void withdrawn(DelegateExecution execution) {
        MedicalClaim claim = claims.byProcessInstance(execution.getProcessInstanceId());
        claims.close(claim, MedicalClaim.Status.WITHDRAWN, clock.today());
    }
}
