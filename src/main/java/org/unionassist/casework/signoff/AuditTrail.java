package org.unionassist.casework.signoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Service;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.organisation.Members;
import org.unionassist.organisation.UnionMember;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.camunda.spin.Spin.JSON;

/**
 * Records decisions taken outside a user task in the same audit trail as sign-offs: a notice period that ended
 * without objection, a filing, a withdrawal requested through the API. The actor is the person who asked, or
 * {@value #SYSTEM} when the engine acted on a timer or rule, or the operator who intervened by hand.
 */
@Service
public class AuditTrail {

    public static final String SYSTEM = "system";
    public static final String OPERATOR_ROLE = "系统运维";
    public static final String TRAIL = "caseTrail";
    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final SignOffRepository signOffs;
    private final Members members;
    private final ShanghaiClock clock;
    private final ObjectMapper json;

    public AuditTrail(SignOffRepository signOffs, Members members, ShanghaiClock clock, ObjectMapper json) {
        this.signOffs = signOffs;
        this.members = members;
        this.clock = clock;
        this.json = json;
    }

    public void recordEvent(DelegateExecution execution, Decision decision, String opinion, String actorId,
                            SignedValues values, Map<String, Object> snapshot) {
        boolean system = actorId == null || SYSTEM.equals(actorId);
        record(execution, decision, opinion, system ? SYSTEM : actorId, system ? "系统" : members.displayName(actorId),
                system ? "系统" : "申请方", values, snapshot);
    }

    /**
     * Records a step an operator (a member of camunda-admin, acting outside any union) caused by hand, such as a
     * public notice ended early: the row names the operator and reads {@value #OPERATOR_ROLE}.
     */
    public void recordOperatorEvent(DelegateExecution execution, Decision decision, String opinion, String operatorId,
                                    SignedValues values, Map<String, Object> snapshot) {
        record(execution, decision, opinion, operatorId, members.displayName(operatorId), OPERATOR_ROLE, values,
                snapshot);
    }

    /**
     * Records a decision a member signed for this case outside its own tasks, such as one application's line of a
     * district's collective decision (集体研究): the row names the member, their union and role, the decision in the
     * words they chose it by, and the findings of the sitting, as a sign-off in a task would.
     */
    public void recordMemberDecision(DelegateExecution execution, Decision decision, String decisionLabel,
                                     String opinion, String findings, UnionMember signer, SignedValues values,
                                     Map<String, Object> snapshot) {
        record(execution, decision, opinion, signer.userId(), members.displayName(signer.userId()), signer.unionId(),
                signer.unionName(), signer.role().label(), values, snapshot, decisionLabel, findings);
    }

    /** The case a decision taken outside its process's executions belongs to, and the step it is recorded under. */
    public record CaseStep(String processInstanceId, String processDefinitionKey, String caseNumber, String stepId,
                           String stepName) {
    }

    /**
     * Records what a member did to a case from outside its process, through the API (a bank file downloaded, a bank
     * result imported, a failed payment re-issued), also when the case's process has ended: the row names the member,
     * their union and role, as a sign-off would.
     */
    public void recordAside(CaseStep step, Decision decision, String opinion, UnionMember actor, SignedValues values,
                            Map<String, Object> snapshot) {
        save(SignOff.builder()
                .processDefinitionKey(step.processDefinitionKey())
                .processInstanceId(step.processInstanceId())
                .caseNumber(step.caseNumber())
                .step(step.stepId(), step.stepName())
                .round(values.round())
                .actor(actor.userId(), members.displayName(actor.userId()), actor.unionId(), actor.unionName(),
                        actor.role().label())
                .decision(decision)
                .opinion(opinion)
                .category(values.category(), values.categoryLabel())
                .amount(values.amount()), snapshot);
    }

    private void record(DelegateExecution execution, Decision decision, String opinion, String actorId,
                        String actorName, String role, SignedValues values, Map<String, Object> snapshot) {
        record(execution, decision, opinion, actorId, actorName, null, null, role, values, snapshot, null, null);
    }

    private void record(DelegateExecution execution, Decision decision, String opinion, String actorId,
                        String actorName, String unionId, String unionName, String role, SignedValues values,
                        Map<String, Object> snapshot, String decisionLabel, String findings) {
        FlowElement element = execution.getBpmnModelElementInstance();
        save(SignOff.builder()
                .processDefinitionKey(processKey(element))
                .processInstanceId(execution.getProcessInstanceId())
                .caseNumber(execution.getProcessBusinessKey())
                .step(element.getId(), element.getName())
                .round(values.round())
                .actor(actorId, actorName, unionId, unionName, role)
                .decision(decision)
                .decisionLabel(decisionLabel)
                .opinion(opinion)
                .findings(findings)
                .category(values.category(), values.categoryLabel())
                .amount(values.amount()), snapshot);
        publishTrail(execution);
    }

    /** Stamps the row with the time of signing (Asia/Shanghai) and the signer's snapshot, and stores it. */
    SignOff save(SignOff.Builder signOff, Map<String, Object> snapshot) {
        return signOffs.save(signOff.decidedAt(clock.now()).snapshot(toJson(snapshot)).build());
    }

    public static String processKeyOf(DelegateExecution execution) {
        return processKey(execution.getBpmnModelElementInstance());
    }

    /** The key of the process an element belongs to (also from inside an event sub-process). */
    static String processKey(ModelElementInstance element) {
        ModelElementInstance current = element;
        while (!(current instanceof Process)) {
            current = current.getParentElement();
        }
        return ((Process) current).getId();
    }

    /**
     * Publishes the case's trail so far as the Json variable {@value #TRAIL}, which every form shows as 办理经过: each
     * step's signer, time, decision in the step's words, opinion and findings. Read from the signed rows, so the forms
     * show exactly what the audit trail holds. Masked figures only: rows never carry raw personal data.
     */
    public void publishTrail(DelegateExecution execution) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SignOff s : ofCase(execution.getProcessInstanceId())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("at", s.getDecidedAt().format(SHOWN_TIME));
            row.put("step", s.getStepName());
            row.put("signer", s.getActorName() + (s.getActorUnionName() == null ? ""
                    : "（" + s.getActorUnionName() + " " + s.getActorRole() + "）"));
            row.put("decision", s.getDecisionLabel());
            row.put("opinion", s.getOpinion() == null ? "" : s.getOpinion());
            row.put("findings", s.getFindings() == null ? "" : s.getFindings());
            rows.add(row);
        }
        execution.setVariable(TRAIL, SpinValues.jsonValue(JSON(rows)).create());
    }

    /** The signed votes of one round of a panel step: for and against, as the trail holds them. */
    public Votes votes(String processInstanceId, String stepId, Integer round) {
        return new Votes(
                signOffs.countByProcessInstanceIdAndStepIdAndRoundAndDecision(processInstanceId, stepId, round,
                        Decision.AGREE),
                signOffs.countByProcessInstanceIdAndStepIdAndRoundAndDecision(processInstanceId, stepId, round,
                        Decision.DISAGREE));
    }

    /** How a round of a panel vote went. */
    public record Votes(long agree, long disagree) {
    }

    public List<SignOff> ofCase(String processInstanceId) {
        return signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(processInstanceId);
    }

    private String toJson(Map<String, Object> snapshot) {
        try {
            return json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write audit snapshot", e);
        }
    }
}
