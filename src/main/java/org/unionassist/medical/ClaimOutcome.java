package org.unionassist.medical;

import org.camunda.bpm.engine.delegate.BpmnError;
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

    /** The error the settlement throws when nothing is left to pay; the model closes the claim as not paid. */
    public static final String NOT_PAYABLE = "claimNotPayable";

    public void approved(DelegateExecution execution) {
        MedicalClaim claim = claims.byProcessInstance(execution.getProcessInstanceId());
        PayoutBreakdown settled = claims.settle(claim, clock.today());
        if (settled.payout().signum() == 0) {
            auditTrail.recordEvent(execution, MedicalDecisions.NOT_PAYABLE, "审批同意后结算时，本会员本年度的封顶额已由另一笔"
                    + "先结算的理赔用完，按规则本案赔付0元，不予赔付：" + settled.describe(), AuditTrail.SYSTEM,
                    new SignedValues(claim.getClaimType().code(), claim.getClaimType().label(), settled.payout(), null),
                    ClaimVariables.snapshot(claim));
            throw new BpmnError(NOT_PAYABLE, "年度封顶额已用完，不予赔付");
        }
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
