package org.unionassist.casework.register;

import cn.hutool.core.util.DesensitizedUtil;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.unionassist.casework.Fingerprint;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.signoff.SignOff;
import org.unionassist.casework.signoff.SignOffRepository;
import org.unionassist.organisation.Jurisdiction;
import org.unionassist.organisation.UnionLevel;


/**
 * Keeps the case register ({@link CaseEntry}) in step with every case of every process, in the engine's own
 * transaction: the shared skeleton puts it on every process's start and end and on every user task's create and
 * complete ({@code StepListenersPlugin}), so a programme needs no code of its own to appear in the auditors' search.
 * What it reads is what the skeleton already gives every case: the business key (the case number), the
 * {@code grassrootsUnion} variable (the district and city are looked up above it), {@code applicantName} if the
 * programme has one, the last amount a signer set, and at the end the end event's {@code outcome} property.
 */
@Component("caseRegister")
public class CaseRegister implements ExecutionListener, TaskListener {

    static final String GRASSROOTS = "grassrootsUnion";
    static final String APPLICANT = "applicantName";
    /**
     * A district's or the city's own process (a collective decision on a batch of applications, a year's quotas) names
     * only its own union.
     */
    static final String DISTRICT = "districtUnion";
    static final String CITY = "cityUnion";

    private final CaseEntryRepository entries;
    private final SignOffRepository signOffs;
    private final Jurisdiction jurisdiction;
    private final ShanghaiClock clock;
    private final boolean enabled;

    /**
     * @param enabled {@code union-assist.audit.case-register}, on unless a test emulates a release before the register
     *                (UpgradeFromPreviousReleaseTest): never switch it off in an installation, the auditors' search
     *                would miss the cases of that time until the next start fills them in from the history.
     */
    public CaseRegister(CaseEntryRepository entries, SignOffRepository signOffs, Jurisdiction jurisdiction,
                        ShanghaiClock clock, @Value("${union-assist.audit.case-register:true}") boolean enabled) {
        this.entries = entries;
        this.signOffs = signOffs;
        this.jurisdiction = jurisdiction;
        this.clock = clock;
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (!enabled) {
            return;
        }
        CaseEntry entry = refresh(execution);
        if (EVENTNAME_END.equals(execution.getEventName())) {
            end(entry, execution);
        } else if (execution.getBpmnModelElementInstance() instanceof IntermediateCatchEvent wait) {
            entry.waitsAt(wait.getName() == null ? wait.getId() : wait.getName());
        }
        entries.save(entry);
    }

    @Override
    public void notify(DelegateTask task) {
        if (!enabled) {
            return;
        }
        CaseEntry entry = refresh(task.getExecution());
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            entry.waitsAt(task.getName());
        }
        entries.save(entry);
    }

    private CaseEntry refresh(DelegateExecution execution) {
        String pid = execution.getProcessInstanceId();
        Process process = processOf(execution.getBpmnModelInstance(), execution.getProcessDefinitionId());
        CaseEntry entry = entries.findById(pid).orElseGet(() -> new CaseEntry(pid, process.getId(),
                process.getName() == null ? process.getId() : process.getName(), clock.now()));
        Object union = execution.getVariable(GRASSROOTS);
        if (union == null) {
            union = execution.getVariable(DISTRICT);
        }
        if (union == null) {
            union = execution.getVariable(CITY);
        }
        describe(entry, process, execution.getProcessBusinessKey(), union, execution.getVariable(APPLICANT));
        return entry;
    }

    /**
     * What every source of a case's facts (a running execution, or the history of an older case) fills in alike.
     * {@code union} is the case's own union: its grassroots union, or the district or city whose own process it is.
     */
    void describe(CaseEntry entry, Process process, String businessKey, Object union, Object applicant) {
        if (union != null) {
            String unionId = union.toString();
            UnionLevel level = jurisdiction.union(unionId).getLevel();
            entry.describe(process.getName(), businessKey, level == UnionLevel.GRASSROOTS ? unionId : null,
                    level == UnionLevel.CITY ? null : jurisdiction.ancestorAtLevel(unionId, UnionLevel.DISTRICT).getId(),
                    jurisdiction.ancestorAtLevel(unionId, UnionLevel.CITY).getId());
        } else {
            entry.describe(process.getName(), businessKey, null, null, null);
        }
        if (applicant != null && !applicant.toString().isBlank()) {
            String name = applicant.toString().strip();
            entry.applicant(maskName(name), digestName(name));
        }
        signOffs.findFirstByProcessInstanceIdAndAmountIsNotNullOrderByIdDesc(entry.getProcessInstanceId())
                .map(SignOff::getAmount).ifPresent(entry::amount);
    }

    private void end(CaseEntry entry, DelegateExecution execution) {
        if (execution.isCanceled()) {
            entry.ended(CaseOutcome.CANCELLED, CANCELLED_LABEL, clock.now());
            return;
        }
        endedAt(entry, execution.getBpmnModelInstance(), execution.getCurrentActivityId(), clock.now());
    }

    static final String CANCELLED_LABEL = "已由运维终止";

    /** The case ended at this activity: the end event's outcome kind and, in the programme's words, its name. */
    static void endedAt(CaseEntry entry, org.camunda.bpm.model.bpmn.BpmnModelInstance model, String activityId,
                        java.time.OffsetDateTime at) {
        ModelElementInstance element = activityId == null ? null : model.getModelElementById(activityId);
        String label = element instanceof FlowElement flow ? flow.getName() : null;
        CaseOutcome outcome = element instanceof EndEvent end ? CaseOutcome.ofProperty(property(end)) : null;
        entry.ended(outcome, label == null && outcome != null ? outcome.label() : label, at);
    }

    private static String property(EndEvent end) {
        if (end.getExtensionElements() == null) {
            return null;
        }
        return end.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(p -> p.getCamundaProperties().stream())
                .filter(p -> CaseOutcome.PROPERTY.equals(p.getCamundaName()))
                .map(CamundaProperty::getCamundaValue).findFirst().orElse(null);
    }

    static Process processOf(org.camunda.bpm.model.bpmn.BpmnModelInstance model, String processDefinitionId) {
        return model.getModelElementsByType(Process.class).stream()
                .filter(p -> processDefinitionId.startsWith(p.getId() + ":"))
                .findFirst().orElseThrow();
    }

    /** 张三 → 张*, 欧阳小明 → 欧***: the form in which names are kept in the register and shown in searches. */
    public static String maskName(String name) {
        return DesensitizedUtil.chineseName(name.strip());
    }

    /** An exact search by the full name compares digests; the name itself is never stored here. */
    public static String digestName(String name) {
        return Fingerprint.sha256(name.strip());
    }
}
