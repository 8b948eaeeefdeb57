package org.unionassist.casework.signoff;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Service;
import org.unionassist.organisation.Members;

import java.util.Map;

/**
 * Records in the audit trail a step that an operator (a member of camunda-admin, acting outside any union) caused by
 * hand, such as a public notice ended early: the row names the operator and reads {@value #ROLE}, where an event the
 * engine caused on its own reads 系统.
 */
@Service
public class OperatorActions {

    public static final String ROLE = "系统运维";

    private final AuditTrail auditTrail;
    private final Members members;

    public OperatorActions(AuditTrail auditTrail, Members members) {
        this.auditTrail = auditTrail;
        this.members = members;
    }

    public void record(DelegateExecution execution, Decision decision, String opinion, String operatorId,
                       SignedValues values, Map<String, Object> snapshot) {
        FlowElement element = execution.getBpmnModelElementInstance();
        auditTrail.save(SignOff.builder()
                .processDefinitionKey(AuditTrail.processKey(element))
                .processInstanceId(execution.getProcessInstanceId())
                .caseNumber(execution.getProcessBusinessKey())
                .step(element.getId(), element.getName())
                .round(values.round())
                .actor(operatorId, members.displayName(operatorId), null, null, ROLE)
                .decision(decision)
                .opinion(opinion)
                .category(values.category(), values.categoryLabel())
                .amount(values.amount()), snapshot);
        auditTrail.publishTrail(execution);
    }
}
