package org.unionassist.casework.signoff;

import org.unionassist.casework.CaseworkError;
import org.camunda.bpm.engine.delegate.DelegateTask;

import org.unionassist.casework.UnionAssistException;

import java.util.Map;
import java.util.Objects;

/**
 * What each programme adds to a sign-off: it refuses completions that changed data its case record owns, applies what
 * the step may change (such as a category override), and names the figures an auditor must see with the decision.
 */
public interface CaseRecordPolicy {

    boolean appliesTo(String processDefinitionKey);

    /** Throws when the completion tampered with protected case data (routing, union, category). */
    void verifyUntouched(DelegateTask task);

    /** Applies the step's own changes and returns what the signer set. */
    SignedValues beforeSignOff(DelegateTask task, Decision decision, StepRules step);

    /** Figures shown to the signer, kept with the sign-off. Never contains unmasked personal data. */
    Map<String, Object> snapshot(DelegateTask task);

    String caseNumber(DelegateTask task);

    /**
     * Refuses a completion in which any of the named variables differs from the case record's value
     * ({@code expected}: variable name → value the record holds).
     */
    static void requireUnchanged(DelegateTask task, Map<String, String> expected, String refusal) {
        expected.forEach((variable, value) -> {
            if (!Objects.equals(Objects.toString(task.getVariable(variable), null), value)) {
                throw new UnionAssistException(CaseworkError.NOT_AUTHORIZED, refusal);
            }
        });
    }
}
