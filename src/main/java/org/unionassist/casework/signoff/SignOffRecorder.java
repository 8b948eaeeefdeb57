package org.unionassist.casework.signoff;

import org.unionassist.casework.CaseworkError;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.organisation.Members;
import org.unionassist.organisation.Role;
import org.unionassist.organisation.UnionMember;

import java.util.List;
import java.util.Optional;

/**
 * Task listener on every user task's complete event ({@code ${signOffRecorder}}): checks the decision against the
 * step's rules, lets the programme apply what the step may change, and writes the sign-off row in the same
 * transaction as the completion. Any refusal rolls back the whole completion: nothing is half-written.
 */
@Component("signOffRecorder")
public class SignOffRecorder implements TaskListener {

    public static final String DECISION = "decision";
    public static final String OPINION = "opinion";
    private static final int MAX_OPINION = 2000;

    private final AuditTrail auditTrail;
    private final List<CaseRecordPolicy<?>> policies;
    private final Members members;

    public SignOffRecorder(AuditTrail auditTrail, List<CaseRecordPolicy<?>> policies, Members members) {
        this.auditTrail = auditTrail;
        this.policies = policies;
        this.members = members;
    }

    @Override
    public void notify(DelegateTask task) {
        String actorId = currentUser(task);
        StepRules step = StepRules.of(task);
        Decision decision = Decision.fromCode(task.getVariable(DECISION));
        if (!step.decisions().contains(decision)) {
            throw new UnionAssistException(CaseworkError.DECISION_NOT_ALLOWED,
                    "「" + step.stepName() + "」只能选择：" + step.allowedLabels());
        }
        String opinion = opinionOf(task);
        if (decision.opinionRequired() && opinion == null) {
            throw new UnionAssistException(CaseworkError.OPINION_REQUIRED,
                    "选择「" + step.labelOf(decision) + "」时必须填写意见");
        }
        if (step.vote() && !actorId.equals(PersonalTask.signerOf(task))) {
            throw new UnionAssistException(CaseworkError.NOT_ASSIGNED_VOTER, "只有被选定的评议小组成员本人可以表决");
        }
        CaseRecordPolicy.SignOffFacts facts = policyFor(task).signOff(task, decision, step);
        record(task, step, decision, opinion, facts, actorId);
    }

    private void record(DelegateTask task, StepRules step, Decision decision, String opinion,
                        CaseRecordPolicy.SignOffFacts facts, String actorId) {
        SignedValues values = facts.values();
        Optional<UnionMember> acting = actingMember(task, step, actorId);
        auditTrail.save(SignOff.builder()
                .processDefinitionKey(AuditTrail.processKey(task.getBpmnModelElementInstance()))
                .processInstanceId(task.getProcessInstanceId())
                .caseNumber(facts.caseNumber())
                .step(step.stepId(), step.stepName())
                .taskId(task.getId())
                .round(values.round())
                .actor(actorId, members.displayName(actorId),
                        acting.map(UnionMember::unionId).orElse(null),
                        acting.map(UnionMember::unionName).orElse(null),
                        acting.map(m -> m.role().label()).orElse("系统管理员"))
                .decision(decision)
                .decisionLabel(step.labelOf(decision))
                .opinion(opinion)
                .findings(StepFindings.of(task, step))
                .category(values.category(), values.categoryLabel())
                .amount(values.amount()), facts.snapshot());
        if (!step.vote()) {
            // parallel votes would conflict on the case's variables: the tally publishes the trail after the round
            auditTrail.publishTrail(task.getExecution());
        }
    }

    /** The union and role the signer acts in: the task's candidate group, or their panel seat for a personal vote. */
    private Optional<UnionMember> actingMember(DelegateTask task, StepRules step, String actorId) {
        if (step.vote()) {
            return members.rolesOf(actorId).stream().filter(m -> m.role() == Role.PANEL).findFirst();
        }
        List<String> groups = task.getCandidates().stream()
                .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
        return members.actingFor(actorId, groups);
    }

    private CaseRecordPolicy<?> policyFor(DelegateTask task) {
        String key = AuditTrail.processKey(task.getBpmnModelElementInstance());
        return policies.stream().filter(p -> p.processKey().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No case record policy for process " + key));
    }

    static String currentUser(DelegateTask task) {
        Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (auth == null || auth.getUserId() == null) {
            throw new UnionAssistException(CaseworkError.SIGNER_UNKNOWN, "无法确认签署人：请登录后再办理");
        }
        return auth.getUserId();
    }

    private static String opinionOf(DelegateTask task) {
        Object raw = task.getVariable(OPINION);
        if (raw == null || raw.toString().isBlank()) {
            return null;
        }
        String opinion = raw.toString().strip();
        if (opinion.length() > MAX_OPINION) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "意见不能超过" + MAX_OPINION + "字");
        }
        return opinion;
    }

}
