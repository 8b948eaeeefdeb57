package org.unionassist.casework.signoff;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;
import org.unionassist.casework.ErrorCode;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.organisation.Members;
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
    private final List<CaseRecordPolicy> policies;
    private final Members members;

    public SignOffRecorder(AuditTrail auditTrail, List<CaseRecordPolicy> policies, Members members) {
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
            throw new UnionAssistException(ErrorCode.DECISION_NOT_ALLOWED,
                    "「" + step.stepName() + "」只能选择：" + step.allowedLabels());
        }
        String opinion = opinionOf(task);
        if (decision.opinionRequired() && opinion == null) {
            throw new UnionAssistException(ErrorCode.OPINION_REQUIRED,
                    "选择「" + decision.label() + "」时必须填写意见");
        }
        if (step.vote() && !actorId.equals(task.getAssignee())) {
            throw new UnionAssistException(ErrorCode.NOT_ASSIGNED_VOTER, "只有被选定的评议小组成员本人可以表决");
        }
        CaseRecordPolicy policy = policyFor(task);
        policy.verifyUntouched(task);
        SignedValues values = policy.beforeSignOff(task, decision, step);
        record(task, step, decision, opinion, values, actorId, policy);
    }

    private void record(DelegateTask task, StepRules step, Decision decision, String opinion, SignedValues values,
                        String actorId, CaseRecordPolicy policy) {
        List<String> groups = task.getCandidates().stream()
                .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
        Optional<UnionMember> acting = members.actingFor(actorId, groups);
        SignOff signOff = auditTrail.save(SignOff.builder()
                .processDefinitionKey(AuditTrail.processKey(task.getBpmnModelElementInstance()))
                .processInstanceId(task.getProcessInstanceId())
                .caseNumber(policy.caseNumber(task))
                .step(step.stepId(), step.stepName())
                .taskId(task.getId())
                .round(values.round())
                .actor(actorId, members.displayName(actorId),
                        acting.map(UnionMember::unionId).orElse(null),
                        acting.map(UnionMember::unionName).orElse(null),
                        acting.map(m -> m.role().label()).orElse("系统管理员"))
                .decision(decision)
                .opinion(opinion)
                .category(values.category(), values.categoryLabel())
                .amount(values.amount()), policy.snapshot(task));
        if (!step.vote()) {
            // shown on the next form, so the next person reads why the case came to them
            task.getExecution().setVariable("lastStepName", step.stepName());
            task.getExecution().setVariable("lastSignedBy", signOff.getActorName());
            task.getExecution().setVariable("lastDecision", decision.label());
            task.getExecution().setVariable("lastOpinion", opinion);
        }
    }

    private CaseRecordPolicy policyFor(DelegateTask task) {
        String key = AuditTrail.processKey(task.getBpmnModelElementInstance());
        return policies.stream().filter(p -> p.appliesTo(key)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No case record policy for process " + key));
    }

    static String currentUser(DelegateTask task) {
        Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (auth == null || auth.getUserId() == null) {
            throw new UnionAssistException(ErrorCode.SIGNER_UNKNOWN, "无法确认签署人：请登录后再办理");
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
            throw new UnionAssistException(ErrorCode.INVALID_INPUT, "意见不能超过" + MAX_OPINION + "字");
        }
        return opinion;
    }

}
