package org.unionassist.casework.register;

import cn.hutool.core.util.DesensitizedUtil;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.signoff.SignOff;
import org.unionassist.casework.signoff.SignOffRepository;
import org.unionassist.organisation.Jurisdiction;
import org.unionassist.organisation.UnionLevel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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

    private final CaseEntryRepository entries;
    private final SignOffRepository signOffs;
    private final Jurisdiction jurisdiction;
    private final ShanghaiClock clock;

    public CaseRegister(CaseEntryRepository entries, SignOffRepository signOffs, Jurisdiction jurisdiction,
                        ShanghaiClock clock) {
        this.entries = entries;
        this.signOffs = signOffs;
        this.jurisdiction = jurisdiction;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        CaseEntry entry = refresh(execution);
        if (EVENTNAME_END.equals(execution.getEventName())) {
            end(entry, execution);
        }
        entries.save(entry);
    }

    @Override
    public void notify(DelegateTask task) {
        CaseEntry entry = refresh(task.getExecution());
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            entry.waitsAt(task.getName());
        }
        entries.save(entry);
    }

    private CaseEntry refresh(DelegateExecution execution) {
        String pid = execution.getProcessInstanceId();
        Process process = processOf(execution);
        CaseEntry entry = entries.findById(pid).orElseGet(() -> new CaseEntry(pid, process.getId(),
                process.getName() == null ? process.getId() : process.getName(), clock.now()));
        Object grassroots = execution.getVariable(GRASSROOTS);
        if (grassroots != null) {
            String unionId = grassroots.toString();
            entry.describe(process.getName(), execution.getProcessBusinessKey(), unionId,
                    jurisdiction.ancestorAtLevel(unionId, UnionLevel.DISTRICT).getId(),
                    jurisdiction.ancestorAtLevel(unionId, UnionLevel.CITY).getId());
        } else {
            entry.describe(process.getName(), execution.getProcessBusinessKey(), null, null, null);
        }
        Object applicant = execution.getVariable(APPLICANT);
        if (applicant != null && !applicant.toString().isBlank()) {
            String name = applicant.toString().strip();
            entry.applicant(maskName(name), digestName(name));
        }
        signOffs.findFirstByProcessInstanceIdAndAmountIsNotNullOrderByIdDesc(pid)
                .map(SignOff::getAmount).ifPresent(entry::amount);
        return entry;
    }

    private void end(CaseEntry entry, DelegateExecution execution) {
        if (execution.isCanceled()) {
            entry.ended(CaseOutcome.CANCELLED, "已由运维终止", clock.now());
            return;
        }
        ModelElementInstance element = execution.getBpmnModelInstance()
                .getModelElementById(execution.getCurrentActivityId());
        String label = element instanceof FlowElement flow ? flow.getName() : null;
        CaseOutcome outcome = element instanceof EndEvent end ? CaseOutcome.ofProperty(property(end)) : null;
        entry.ended(outcome, label == null && outcome != null ? outcome.label() : label, clock.now());
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

    private static Process processOf(DelegateExecution execution) {
        return execution.getBpmnModelInstance().getModelElementsByType(Process.class).stream()
                .filter(p -> execution.getProcessDefinitionId().startsWith(p.getId() + ":"))
                .findFirst().orElseThrow();
    }

    /** 张三 → 张*, 欧阳小明 → 欧***: the form in which names are kept in the register and shown in searches. */
    public static String maskName(String name) {
        return DesensitizedUtil.chineseName(name.strip());
    }

    /** An exact search by the full name compares digests; the name itself is never stored here. */
    public static String digestName(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(name.strip().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
