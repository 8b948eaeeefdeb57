package org.unionassist.casework.signoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Service;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.organisation.Members;

import java.util.List;
import java.util.Map;

/**
 * Records decisions taken outside a user task in the same audit trail as sign-offs: a notice period that ended
 * without objection, a filing, a withdrawal requested through the API. The actor is the person who asked, or
 * {@value #SYSTEM} when the engine acted on a timer or rule.
 */
@Service
public class AuditTrail {

    public static final String SYSTEM = "system";

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
        FlowElement element = execution.getBpmnModelElementInstance();
        boolean system = actorId == null || SYSTEM.equals(actorId);
        save(SignOff.builder()
                .processDefinitionKey(processKey(element))
                .processInstanceId(execution.getProcessInstanceId())
                .caseNumber(execution.getProcessBusinessKey())
                .step(element.getId(), element.getName())
                .round(values.round())
                .actor(system ? SYSTEM : actorId, system ? "系统" : members.displayName(actorId), null, null,
                        system ? "系统" : "申请方")
                .decision(decision)
                .opinion(opinion)
                .category(values.category(), values.categoryLabel())
                .amount(values.amount()), snapshot);
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
