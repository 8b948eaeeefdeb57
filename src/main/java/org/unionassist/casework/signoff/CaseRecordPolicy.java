package org.unionassist.casework.signoff;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.UnionAssistException;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What a programme adds to every sign-off of its process, around one load of its case record {@code R}: it refuses a
 * completion that changed data the record owns (routing, unions, number, amounts), runs the checks the step names in
 * its {@code checks} property, applies what the step may change, and names the figures an auditor must see with the
 * decision. A programme with a {@link org.unionassist.casework.CaseRecord} extends {@link CasePolicy}, which protects
 * the shared header for it.
 */
public abstract class CaseRecordPolicy<R> {

    private final String processKey;

    protected CaseRecordPolicy(String processKey) {
        this.processKey = processKey;
    }

    /** The process definition key whose user tasks this policy signs. */
    public final String processKey() {
        return processKey;
    }

    /** The case record of the task's process instance, loaded once per sign-off. */
    protected abstract R load(DelegateTask task);

    /**
     * Variable → how to read from the record the value it must keep. A completion that sends anything else is
     * refused, and a user who sends one of these names when starting a case is refused ({@link StartGuard}).
     */
    protected abstract Map<String, Function<R, Object>> protectedVariables();

    /** The names of {@link #protectedVariables()}. */
    public final Set<String> protectedNames() {
        return protectedVariables().keySet();
    }

    protected abstract String caseNumber(R record);

    /** The step's checks by the names a model may put in the {@code checks} property of a user task. */
    public Map<String, StepCheck<R>> checks() {
        return Map.of();
    }

    /** Applies what the step may change (after its checks) and returns what the signer set. */
    protected abstract SignedValues apply(DelegateTask task, R record, Decision decision, StepRules step);

    /** Figures shown to the signer, kept with the sign-off. Never contains unmasked personal data. */
    protected abstract Map<String, Object> snapshot(DelegateTask task, R record);

    /** One sign-off: verify, check, apply, snapshot — all on the same record. */
    public final SignOffFacts signOff(DelegateTask task, Decision decision, StepRules step) {
        R record = load(task);
        protectedVariables().forEach((variable, value) -> {
            if (!Objects.equals(Objects.toString(task.getVariable(variable), null),
                    Objects.toString(value.apply(record), null))) {
                throw new UnionAssistException(CaseworkError.NOT_AUTHORIZED,
                        "案件的归属单位、编号和核定结果不能在办理时直接修改");
            }
        });
        Map<String, StepCheck<R>> known = checks();
        for (String name : step.checks()) {
            StepCheck<R> check = known.get(name);
            if (check == null) {
                throw new IllegalStateException("Step " + step.stepId() + " of " + processKey
                        + " names an unknown check '" + name + "'; known: " + known.keySet());
            }
            check.run(task, record, decision);
        }
        SignedValues values = apply(task, record, decision, step);
        return new SignOffFacts(caseNumber(record), values, snapshot(task, record));
    }

    /** The names this policy knows, for the model check. */
    public final Set<String> checkNames() {
        return checks().keySet();
    }

    /** A check a step declares by name ({@code checks=documents}); it throws a refusal when the step may not pass. */
    @FunctionalInterface
    public interface StepCheck<R> {
        void run(DelegateTask task, R record, Decision decision);
    }

    /** What the sign-off row records from the programme's side. */
    public record SignOffFacts(String caseNumber, SignedValues values, Map<String, Object> snapshot) {
    }
}
