package org.unionassist.casework.signoff;

import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.engine.delegate.DelegateTask;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A step's rules, declared in the model as camunda:properties of the user task so they sit next to the flow they
 * govern: {@code decisions} (allowed decision codes), {@code categoryOverride} (the signer may override the category
 * with a reason), {@code correction} (the signer may correct the case's figures with a reason), {@code vote} (only the
 * assigned panel member may see, claim and sign the task), {@code findings} (the variables the step records, with the
 * label later steps and auditors read them under: {@code visitDate=入户日期;visitFindings=调查情况}) and
 * {@code decisionLabels} (how this step words a decision in the trail: {@code submit=调查属实，提交初审}) and
 * {@code checks} (named checks the programme's {@link CaseRecordPolicy} runs at this step: {@code checks=documents}).
 */
public record StepRules(String stepId, String stepName, Set<Decision> decisions, boolean categoryOverride,
                        boolean correction, boolean vote, Map<String, String> findings,
                        Map<Decision, String> decisionLabels, Set<String> checks) {

    public static StepRules of(DelegateTask task) {
        UserTask element = task.getBpmnModelElementInstance();
        Set<Decision> decisions = new LinkedHashSet<>();
        boolean override = false;
        boolean correction = false;
        boolean vote = false;
        Map<String, String> findings = new LinkedHashMap<>();
        Map<Decision, String> labels = new LinkedHashMap<>();
        Set<String> checks = new LinkedHashSet<>();
        CamundaProperties properties = element.getExtensionElements() == null ? null
                : element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class)
                .list().stream().findFirst().orElse(null);
        if (properties != null) {
            for (CamundaProperty p : properties.getCamundaProperties()) {
                switch (p.getCamundaName()) {
                    case "decisions" -> decisions.addAll(Arrays.stream(p.getCamundaValue().split(","))
                            .map(String::trim).map(Decision::fromCode).collect(Collectors.toList()));
                    case "categoryOverride" -> override = Boolean.parseBoolean(p.getCamundaValue());
                    case "correction" -> correction = Boolean.parseBoolean(p.getCamundaValue());
                    case "vote" -> vote = Boolean.parseBoolean(p.getCamundaValue());
                    case "findings" -> pairs(p.getCamundaValue()).forEach(findings::put);
                    case "checks" -> Arrays.stream(p.getCamundaValue().split(",")).map(String::trim)
                            .filter(c -> !c.isEmpty()).forEach(checks::add);
                    case "decisionLabels" -> pairs(p.getCamundaValue())
                            .forEach((code, label) -> labels.put(Decision.fromCode(code), label));
                    default -> { }
                }
            }
        }
        if (decisions.isEmpty()) {
            throw new IllegalStateException("User task " + element.getId() + " declares no decisions");
        }
        return new StepRules(element.getId(), element.getName(), decisions, override, correction, vote, findings,
                labels, java.util.Collections.unmodifiableSet(checks));
    }

    /** {@code a=甲;b=乙} → ordered map a→甲, b→乙. */
    static Map<String, String> pairs(String value) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : value.split(";")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalStateException("Step property entry must read name=label: " + pair);
            }
            pairs.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return pairs;
    }

    /** The words of this step for a decision: its own label where it declares one, the general one otherwise. */
    public String labelOf(Decision decision) {
        return decisionLabels.getOrDefault(decision, decision.label());
    }

    public String allowedLabels() {
        return decisions.stream().map(this::labelOf).collect(Collectors.joining("、"));
    }
}
