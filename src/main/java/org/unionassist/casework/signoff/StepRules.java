package org.unionassist.casework.signoff;

import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.engine.delegate.DelegateTask;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A step's rules, declared in the model as camunda:properties of the user task so they sit next to the flow they
 * govern: {@code decisions} (allowed decision codes), {@code categoryOverride} (the signer may override the category
 * with a reason), {@code correction} (the signer may correct the case's figures with a reason), {@code vote} (only the
 * assigned panel member may sign).
 */
public record StepRules(String stepId, String stepName, Set<Decision> decisions, boolean categoryOverride,
                        boolean correction, boolean vote) {

    public static StepRules of(DelegateTask task) {
        UserTask element = task.getBpmnModelElementInstance();
        Set<Decision> decisions = new LinkedHashSet<>();
        boolean override = false;
        boolean correction = false;
        boolean vote = false;
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
                    default -> { }
                }
            }
        }
        if (decisions.isEmpty()) {
            throw new IllegalStateException("User task " + element.getId() + " declares no decisions");
        }
        return new StepRules(element.getId(), element.getName(), decisions, override, correction, vote);
    }

    public String allowedLabels() {
        return decisions.stream().map(Decision::label).collect(Collectors.joining("、"));
    }
}
