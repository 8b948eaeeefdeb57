package org.unionassist.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the model files themselves (not a fluent-built copy, which would silently add a time-to-live) and fails on
 * anything that would make a model unusable in Tasklist or unauditable.
 */
class ProcessModelTest {

    private static final int TEN_YEARS_IN_DAYS = 3650;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Path> files(String dir, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(Path.of(dir))) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static Set<String> formIds() throws IOException {
        Set<String> ids = new HashSet<>();
        for (Path form : files("forms", ".form")) {
            JsonNode json = JSON.readTree(form.toFile());
            assertThat(json.path("id").asText()).as("id of %s", form).isNotBlank();
            assertThat(ids.add(json.get("id").asText())).as("form id %s is unique", json.get("id")).isTrue();
        }
        return ids;
    }

    @Test
    void everyUserTaskHasCandidateGroupsADueDateAFormThatResolvesAndSignOffListeners() throws IOException {
        Set<String> forms = formIds();
        List<String> problems = new ArrayList<>();
        List<Path> models = files("processes", ".bpmn");
        assertThat(models).isNotEmpty();
        for (Path file : models) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String where = file.getFileName() + "#" + task.getId();
                Map<String, String> properties = properties(task);
                if ("true".equals(properties.get("vote"))) {
                    // a personal vote: its member is its only candidate and assignee, and nobody can take it over
                    if (blank(task.getCamundaCandidateUsers()) || !task.getCamundaCandidateUsers().equals(task.getCamundaAssignee())) {
                        problems.add(where + ": a vote must have its member as only candidate user and assignee");
                    }
                    if (!blank(task.getCamundaCandidateGroups())) problems.add(where + ": a vote must not be offered to a group");
                } else if (blank(task.getCamundaCandidateGroups())) problems.add(where + ": no candidate groups");
                if (blank(task.getCamundaDueDate())) problems.add(where + ": no due date");
                if (blank(task.getCamundaFollowUpDate())) problems.add(where + ": no follow-up date");
                if (blank(task.getCamundaFormRef())) problems.add(where + ": no Camunda Form");
                else if (!forms.contains(task.getCamundaFormRef())) problems.add(where + ": form " + task.getCamundaFormRef() + " not in forms/");
                if (!"deployment".equals(task.getCamundaFormRefBinding())) problems.add(where + ": form not bound to its deployment");
                Set<String> listeners = task.getExtensionElements() == null ? Set.of()
                        : task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list()
                        .stream().map(l -> l.getCamundaEvent() + ":" + l.getCamundaDelegateExpression())
                        .collect(Collectors.toSet());
                if (!listeners.contains("create:${stepPreparation}") || !listeners.contains("complete:${signOffRecorder}")) {
                    problems.add(where + ": sign-off listeners missing");
                }
                if ("true".equals(properties.get("vote")) && !listeners.contains("assignment:${personalTask}")) {
                    problems.add(where + ": a vote needs the personal-task guard on assignment");
                }
                String decisionLabels = properties.get("decisionLabels");
                if (decisionLabels != null && !decisionLabels.equals(formDecisionLabels(task.getCamundaFormRef()))) {
                    problems.add(where + ": decisionLabels differ from the form's decision options "
                            + formDecisionLabels(task.getCamundaFormRef()));
                }
                boolean declaresDecisions = task.getExtensionElements() != null && task.getExtensionElements()
                        .getElementsQuery().filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class)
                        .list().stream().flatMap(p -> p.getCamundaProperties().stream())
                        .map(CamundaProperty::getCamundaName).anyMatch("decisions"::equals);
                if (!declaresDecisions) problems.add(where + ": no decisions property");
            }
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                if (!blank(start.getCamundaFormRef()) && !forms.contains(start.getCamundaFormRef())) {
                    problems.add(file.getFileName() + "#" + start.getId() + ": start form does not resolve");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyProcessIsExecutableAndKeepsItsHistoryForTenYears() throws IOException {
        for (Path file : files("processes", ".bpmn")) {
            for (Process process : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class)) {
                assertThat(process.isExecutable()).as(process.getId()).isTrue();
                assertThat(process.getCamundaHistoryTimeToLiveString()).as("history TTL of %s", process.getId()).isNotBlank();
                assertThat(Integer.parseInt(process.getCamundaHistoryTimeToLiveString())).isGreaterThanOrEqualTo(TEN_YEARS_IN_DAYS);
                assertThat(process.getName()).as("name of %s", process.getId()).matches(".*\\p{IsHan}.*");
            }
        }
        for (Path file : files("processes", ".dmn")) {
            DmnModelInstance dmn = Dmn.readModelFromFile(file.toFile());
            for (Decision decision : dmn.getModelElementsByType(Decision.class)) {
                assertThat(decision.getCamundaHistoryTimeToLiveString()).as("history TTL of %s", decision.getId()).isNotBlank();
                assertThat(Integer.parseInt(decision.getCamundaHistoryTimeToLiveString())).isGreaterThanOrEqualTo(TEN_YEARS_IN_DAYS);
            }
        }
    }

    @Test
    void everyElementIsLaidOutAndNamedInChineseWithAnEnglishId() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : files("processes", ".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                    .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
            Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                    .map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                if (!shapes.contains(node.getId())) problems.add(node.getId() + ": no diagram shape");
                if (blank(node.getName()) || !node.getName().matches(".*\\p{IsHan}.*")) problems.add(node.getId() + ": no Chinese name");
                checkId(node, problems);
            }
            for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
                if (!edges.contains(flow.getId())) problems.add(flow.getId() + ": no diagram edge");
                checkId(flow, problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void checkId(BaseElement element, List<String> problems) {
        if (!element.getId().matches("[a-z][A-Za-z0-9]*")) problems.add(element.getId() + ": id is not English camelCase");
    }

    private static Map<String, String> properties(UserTask task) {
        Map<String, String> properties = new HashMap<>();
        if (task.getExtensionElements() != null) {
            task.getExtensionElements().getElementsQuery()
                    .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list().stream()
                    .flatMap(p -> p.getCamundaProperties().stream())
                    .forEach(p -> properties.put(p.getCamundaName(), p.getCamundaValue()));
        }
        return properties;
    }

    /** The options of the form's decision radio as {@code code=label;…}, the way a step's decisionLabels reads. */
    private static String formDecisionLabels(String formId) throws IOException {
        for (Path form : files("forms", ".form")) {
            JsonNode json = JSON.readTree(form.toFile());
            if (formId.equals(json.path("id").asText())) {
                JsonNode decision = json.findParents("key").stream()
                        .filter(c -> "decision".equals(c.path("key").asText()) && c.has("type")).findFirst().orElse(null);
                if (decision == null) {
                    return null;
                }
                List<String> options = new ArrayList<>();
                decision.path("values").forEach(v -> options.add(v.path("value").asText() + "=" + v.path("label").asText()));
                return String.join(";", options);
            }
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
