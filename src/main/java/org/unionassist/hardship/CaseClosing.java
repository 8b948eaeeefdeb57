package org.unionassist.hardship;

import org.unionassist.casework.CaseworkError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.signoff.AuditTrail;
import org.unionassist.casework.signoff.Decision;
import org.unionassist.casework.signoff.SignedValues;

/** Ends a case that will not be filed: rejected at some step, or withdrawn by the grassroots side. */
@Component("caseClosing")
public class CaseClosing {

    private final HardshipCases cases;
    private final ShanghaiClock clock;
    private final AuditTrail auditTrail;

    public CaseClosing(HardshipCases cases, ShanghaiClock clock, AuditTrail auditTrail) {
        this.cases = cases;
        this.clock = clock;
        this.auditTrail = auditTrail;
    }

    /** Service step 记录不予认定: the reason is the rejecting signer's opinion, or the vote result. */
    public void rejected(DelegateExecution execution) {
        HardshipCase c = cases.byProcessInstance(execution.getProcessInstanceId());
        Object reason = execution.getVariable("rejectionReason");
        if (reason == null) {
            reason = execution.getVariable("opinion");
        }
        cases.close(c, CaseStatus.REJECTED, clock.today(), reason == null ? null : reason.toString());
        CaseVariables.publish(execution, c);
    }

    /** Service step 撤回申请 after the caseworker chose 撤回 on the supplement form (already signed there). */
    public void withdrawnByCaseworker(DelegateExecution execution) {
        HardshipCase c = cases.byProcessInstance(execution.getProcessInstanceId());
        Object opinion = execution.getVariable("opinion");
        cases.close(c, CaseStatus.WITHDRAWN, clock.today(), opinion == null ? null : opinion.toString());
        CaseVariables.publish(execution, c);
    }

    /**
     * Service step 撤回申请 in the withdrawal event sub-process, triggered by the message {@code hardshipWithdrawal}.
     * Refused once the district has decided ({@link HardshipCase#requireWithdrawable}), so the message cannot be used to
     * undo a district decision.
     */
    public void withdrawnOnRequest(DelegateExecution execution) {
        HardshipCase c = cases.byProcessInstance(execution.getProcessInstanceId());
        c.requireWithdrawable();
        String reason = (String) execution.getVariable("withdrawalReason");
        if (reason == null || reason.isBlank()) {
            throw new UnionAssistException(CaseworkError.OPINION_REQUIRED, "撤回申请必须说明理由");
        }
        String requestedBy = (String) execution.getVariable("withdrawalRequestedBy");
        cases.close(c, CaseStatus.WITHDRAWN, clock.today(), reason);
        auditTrail.recordEvent(execution, Decision.WITHDRAW, reason, requestedBy,
                new SignedValues(c.getCategory() == null ? null : c.getCategory().name(),
                        c.getCategory() == null ? null : c.getCategory().label(), null, null),
                CaseVariables.snapshot(c));
        CaseVariables.publish(execution, c);
    }
}
