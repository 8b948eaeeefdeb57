package org.unionassist.education;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.signoff.AuditTrail;
import org.unionassist.casework.signoff.Decision;
import org.unionassist.payment.Disbursements;
import org.unionassist.payment.PaymentOrder;

/**
 * How an application ends: a granted one is paid once to the worker's card ({@code ${grantOutcome.paid(execution)}});
 * a rejected or withdrawn one is closed, which frees the student for another application the same year.
 */
@Component("grantOutcome")
public class GrantOutcome {

    static final String PURPOSE = "EDUCATION_GRANT";

    private final EducationGrants grants;
    private final Disbursements disbursements;
    private final AuditTrail auditTrail;
    private final ShanghaiClock clock;

    public GrantOutcome(EducationGrants grants, Disbursements disbursements, AuditTrail auditTrail,
                        ShanghaiClock clock) {
        this.grants = grants;
        this.disbursements = disbursements;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** Service step 生成助学金付款: one disbursement per granted application, whatever retries the job makes. */
    public void paid(DelegateExecution execution) {
        EducationGrant g = grants.byProcessInstance(execution.getProcessInstanceId());
        g.close(EducationGrant.Status.GRANTED, clock.today());
        disbursements.payOnce(new PaymentOrder(g.getProcessInstanceId(), AuditTrail.processKeyOf(execution),
                g.getCaseNumber(), "grant:" + g.getId(), PURPOSE, g.getWorkerName(), g.getWorkerIdNumber(),
                g.getBankCard(), g.getAmount(), g.getGrassrootsUnionId()));
        auditTrail.recordEvent(execution, EducationDecisions.PAY, g.getGrantYear() + "年金秋助学 "
                        + g.getAmount().toPlainString() + " 元，付至职工本人的银行卡（待支付）",
                AuditTrail.SYSTEM, GrantRecords.values(g, null), GrantVariables.snapshot(g));
        GrantVariables.publish(execution, g);
    }

    /** Service step 记录不予资助. */
    public void rejected(DelegateExecution execution) {
        close(execution, EducationGrant.Status.REJECTED);
    }

    /** Service step 撤回申请 after the clerk chose 撤回 on the supplement form (already signed there). */
    public void withdrawn(DelegateExecution execution) {
        close(execution, EducationGrant.Status.WITHDRAWN);
    }

    /**
     * Service step 记录撤回 in the withdrawal event sub-process, on the message {@value EducationGrantController#WITHDRAWAL}:
     * refused once the district has decided, so the message cannot undo a district decision.
     */
    public void withdrawnOnRequest(DelegateExecution execution) {
        EducationGrant g = grants.byProcessInstance(execution.getProcessInstanceId());
        g.requireWithdrawable();
        String reason = (String) execution.getVariable("withdrawalReason");
        if (reason == null || reason.isBlank()) {
            throw new UnionAssistException(CaseworkError.OPINION_REQUIRED, "撤回申请必须说明理由");
        }
        g.close(EducationGrant.Status.WITHDRAWN, clock.today());
        auditTrail.recordEvent(execution, Decision.WITHDRAW, reason.strip(),
                (String) execution.getVariable("withdrawalRequestedBy"), GrantRecords.values(g, null),
                GrantVariables.snapshot(g));
        GrantVariables.publish(execution, g);
    }

    private void close(DelegateExecution execution, EducationGrant.Status end) {
        EducationGrant g = grants.byProcessInstance(execution.getProcessInstanceId());
        g.close(end, clock.today());
        GrantVariables.publish(execution, g);
    }
}
