package org.unionassist.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.unionassist.casework.register.CaseOutcome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final String DUE_DATE = "${dueDates.of(execution)}";
    private static final String FOLLOW_UP_DATE = "${dueDates.followUpOf(execution)}";
    /** Beans StepListenersPlugin puts on every user task; a model declaring one would run it twice. */
    private static final List<String> ATTACHED_BY_THE_ENGINE = List.of("stepPreparation", "signOffRecorder", "personalTask", "caseRegister");
    private static final Pattern DECISION_TEST = Pattern.compile("decision\\s*==\\s*'([A-Za-z]+)'");

    private static List<Path> files(String dir, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(Path.of(dir))) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** Every Camunda Form by its id. */
    private static Map<String, JsonNode> forms() throws IOException {
        Map<String, JsonNode> forms = new HashMap<>();
        for (Path form : files("forms", ".form")) {
            JsonNode json = JSON.readTree(form.toFile());
            assertThat(json.path("id").asText()).as("id of %s", form).isNotBlank();
            assertThat(forms.put(json.get("id").asText(), json)).as("form id %s is unique", json.get("id")).isNull();
        }
        return forms;
    }

    @Test
    void everyUserTaskHasCandidatesADueDateAndAFormThatResolvesAndDeclaresNoSignOffListener() throws IOException {
        Map<String, JsonNode> forms = forms();
        List<Path> models = files("processes", ".bpmn");
        assertThat(models).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (Path file : models) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            problems.addAll(userTaskProblems(file.getFileName().toString(), model, forms.keySet()));
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                if (!blank(start.getCamundaFormRef()) && !forms.containsKey(start.getCamundaFormRef())) {
                    problems.add(file.getFileName() + "#" + start.getId() + ": start form does not resolve");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theModelCheckRefusesAUserTaskWithoutFormCandidatesOrDueDate() throws IOException {
        Set<String> forms = forms().keySet();
        assertThat(userTaskProblems("homeVisit", hardshipWith(task -> task.removeAttributeNs(CAMUNDA, "formRef")), forms))
                .containsExactly("homeVisit#homeVisit: no Camunda Form");
        assertThat(userTaskProblems("homeVisit", hardshipWith(task -> task.removeAttributeNs(CAMUNDA, "candidateGroups")), forms))
                .containsExactly("homeVisit#homeVisit: no candidate groups");
        assertThat(userTaskProblems("homeVisit", hardshipWith(task -> task.removeAttributeNs(CAMUNDA, "dueDate")), forms))
                .containsExactly("homeVisit#homeVisit: no due date");
        assertThat(userTaskProblems("homeVisit", hardshipWith(
                task -> task.setCamundaDueDate("${dueDates.forStep('homeVisit')}")), forms))
                .containsExactly("homeVisit#homeVisit: due date must read ${dueDates.of(execution)}, the deadline of "
                        + "its own process and step");
        BpmnModelInstance vote = hardshipWith(task -> { });
        vote.<UserTask>getModelElementById("democraticReview").removeAttributeNs(CAMUNDA, "candidateUsers");
        assertThat(userTaskProblems("vote", vote, forms))
                .containsExactly("vote#democraticReview: a vote must have its member as only candidate user and assignee");
    }

    @Test
    void theModelCheckRefusesAUserTaskThatDeclaresASignOffListenerItself() throws IOException {
        Set<String> forms = forms().keySet();
        BpmnModelInstance declared = hardshipWith(
                task -> task.builder().camundaTaskListenerDelegateExpression("complete", "${signOffRecorder}"));
        assertThat(userTaskProblems("declared", declared, forms)).containsExactly(
                "declared#homeVisit: declares ${signOffRecorder} on complete, which the engine already attaches to "
                        + "every user task (StepListenersPlugin): it would run twice");
        BpmnModelInstance asExpression = hardshipWith(
                task -> task.builder().camundaTaskListenerExpression("create", "${stepPreparation.notify(task)}"));
        assertThat(userTaskProblems("asExpression", asExpression, forms)).hasSize(1);
    }

    @Test
    void everyStepsDecisionsAreItsFormsOptionsAndWhatItsGatewayRoutes() throws IOException {
        Map<String, JsonNode> forms = forms();
        List<String> problems = new ArrayList<>();
        for (Path file : files("processes", ".bpmn")) {
            problems.addAll(decisionProblems(file.getFileName().toString(), Bpmn.readModelFromFile(file.toFile()), forms));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theDecisionCheckRefusesAStepWhoseDecisionsFormAndGatewayDisagree() throws IOException {
        Map<String, JsonNode> forms = forms();
        BpmnModelInstance undeclared = hardshipWith(task -> { });
        undeclared.<SequenceFlow>getModelElementById("grassrootsRejected").getConditionExpression()
                .setTextContent("${decision == 'refuse'}");
        assertThat(decisionProblems("m", undeclared, forms)).containsExactlyInAnyOrder(
                "m#grassrootsReview: gateway grassrootsOutcome routes decision refuse, which the step does not allow",
                "m#grassrootsReview: decision reject is routed by no flow of gateway grassrootsOutcome and it has no default");

        BpmnModelInstance extra = hardshipWith(task -> property(task, "decisions").setCamundaValue("submit,return,reject"));
        assertThat(decisionProblems("m", extra, forms)).containsExactlyInAnyOrder(
                "m#homeVisit: decisions [submit, return, reject] differ from the options of form hardship-home-visit "
                        + "[submit, return]",
                "m#homeVisit: decision reject is routed by no flow of gateway homeVisitOutcome and it has no default");

        BpmnModelInstance unparsable = hardshipWith(task -> { });
        unparsable.<SequenceFlow>getModelElementById("homeVisitReturned").getConditionExpression()
                .setTextContent("${decision != 'submit'}");
        assertThat(decisionProblems("m", unparsable, forms)).containsExactlyInAnyOrder(
                "m#homeVisit: flow homeVisitReturned tests the decision other than as decision == '…': ${decision != 'submit'}",
                "m#homeVisit: decision return is routed by no flow of gateway homeVisitOutcome and it has no default");
    }

    @Test
    void everyConfiguredDeadlineNamesAUserTaskOfItsProcess() throws IOException {
        Map<String, Set<String>> userTasks = new HashMap<>();
        for (Path file : files("processes", ".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                userTasks.computeIfAbsent(processOf(task).getId(), k -> new HashSet<>()).add(task.getId());
            }
        }
        Map<String, Map<String, Object>> configured = deadlines();
        assertThat(configured).isNotEmpty();
        List<String> problems = new ArrayList<>();
        configured.forEach((process, steps) -> steps.keySet().stream().filter(step -> !"default".equals(step))
                .filter(step -> !userTasks.getOrDefault(process, Set.of()).contains(step))
                .forEach(step -> problems.add(process + "." + step + " is no user task of process " + process)));
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
    void everyEndEventSaysWhichKindOfOutcomeItIsForTheAuditorsRegister() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : files("processes", ".bpmn")) {
            for (EndEvent end : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(EndEvent.class)) {
                if (!(end.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process)
                        && !(end.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.SubProcess sub
                        && sub.triggeredByEvent())) {
                    // the end of an embedded sub-process (a district's round of a campaign) ends no case
                    continue;
                }
                String outcome = properties(end).get(CaseOutcome.PROPERTY);
                if (CaseOutcome.ofProperty(outcome) == null) {
                    problems.add(file.getFileName() + "#" + end.getId() + ": outcome property is '" + outcome + "'");
                }
            }
        }
        assertThat(problems).isEmpty();
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

    /** What makes a user task unusable in Tasklist: no candidates, form or due date, or a listener declared twice. */
    static List<String> userTaskProblems(String name, BpmnModelInstance model, Set<String> forms) {
        List<String> problems = new ArrayList<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String where = name + "#" + task.getId();
            Map<String, String> properties = properties(task);
            if ("true".equals(properties.get("vote"))) {
                // a personal vote: its member is its only candidate and assignee, and nobody can take it over
                if (blank(task.getCamundaCandidateUsers()) || !task.getCamundaCandidateUsers().equals(task.getCamundaAssignee())) {
                    problems.add(where + ": a vote must have its member as only candidate user and assignee");
                }
                if (!blank(task.getCamundaCandidateGroups())) problems.add(where + ": a vote must not be offered to a group");
            } else if (blank(task.getCamundaCandidateGroups())) problems.add(where + ": no candidate groups");
            if (blank(task.getCamundaDueDate())) problems.add(where + ": no due date");
            else if (task.getCamundaDueDate().contains("dueDates.") && !DUE_DATE.equals(task.getCamundaDueDate())) {
                problems.add(where + ": due date must read " + DUE_DATE + ", the deadline of its own process and step");
            }
            if (blank(task.getCamundaFollowUpDate())) problems.add(where + ": no follow-up date");
            else if (task.getCamundaFollowUpDate().contains("dueDates.") && !FOLLOW_UP_DATE.equals(task.getCamundaFollowUpDate())) {
                problems.add(where + ": follow-up date must read " + FOLLOW_UP_DATE);
            }
            if (blank(task.getCamundaFormRef())) problems.add(where + ": no Camunda Form");
            else if (!forms.contains(task.getCamundaFormRef())) problems.add(where + ": form " + task.getCamundaFormRef() + " not in forms/");
            if (!"deployment".equals(task.getCamundaFormRefBinding())) problems.add(where + ": form not bound to its deployment");
            if (task.getExtensionElements() != null) {
                for (CamundaTaskListener listener : task.getExtensionElements().getElementsQuery()
                        .filterByType(CamundaTaskListener.class).list()) {
                    String declared = Stream.of(listener.getCamundaDelegateExpression(), listener.getCamundaExpression(),
                            listener.getCamundaClass()).filter(v -> v != null).findFirst().orElse("");
                    ATTACHED_BY_THE_ENGINE.stream().filter(declared::contains).forEach(bean -> problems.add(where
                            + ": declares ${" + bean + "} on " + listener.getCamundaEvent() + ", which the engine already "
                            + "attaches to every user task (StepListenersPlugin): it would run twice"));
                }
            }
            if (!properties.containsKey("decisions")) problems.add(where + ": no decisions property");
        }
        return problems;
    }

    /**
     * A step's decisions, its form's decision options and the gateway after it must agree: each option is a declared
     * decision, each condition tests a declared decision, and each declared decision leaves by some flow or the
     * gateway's default. A panel vote is counted (the gateway tests the tally), so only its form is compared.
     */
    static List<String> decisionProblems(String name, BpmnModelInstance model, Map<String, JsonNode> forms) {
        List<String> problems = new ArrayList<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String where = name + "#" + task.getId();
            Map<String, String> properties = properties(task);
            List<String> decisions = properties.containsKey("decisions")
                    ? Stream.of(properties.get("decisions").split(",")).map(String::trim).toList() : List.of();
            JsonNode field = decisionField(forms.get(task.getCamundaFormRef()));
            List<String> options = new ArrayList<>();
            if (field != null) field.path("values").forEach(v -> options.add(v.path("value").asText()));
            if (field == null) problems.add(where + ": form " + task.getCamundaFormRef() + " has no decision field");
            else if (!Set.copyOf(options).equals(Set.copyOf(decisions)) || options.size() != decisions.size()) {
                problems.add(where + ": decisions " + decisions + " differ from the options of form "
                        + task.getCamundaFormRef() + " " + options);
            }
            String labels = properties.get("decisionLabels");
            if (labels != null && field != null && !labels.equals(labelsOf(field))) {
                problems.add(where + ": decisionLabels differ from the form's decision options " + labelsOf(field));
            }
            if ("true".equals(properties.get("vote"))) {
                continue;
            }
            List<ExclusiveGateway> gateways = task.getOutgoing().stream().map(SequenceFlow::getTarget)
                    .filter(ExclusiveGateway.class::isInstance).map(ExclusiveGateway.class::cast).toList();
            if (gateways.isEmpty()) {
                if (decisions.size() > 1) problems.add(where + ": " + decisions + " are decided but no gateway routes them");
                continue;
            }
            for (ExclusiveGateway gateway : gateways) {
                Set<String> routed = new HashSet<>();
                for (SequenceFlow flow : gateway.getOutgoing()) {
                    String condition = flow.getConditionExpression() == null ? "" : flow.getConditionExpression().getTextContent();
                    Matcher tested = DECISION_TEST.matcher(condition);
                    boolean any = false;
                    while (tested.find()) {
                        any = true;
                        routed.add(tested.group(1));
                        if (!decisions.contains(tested.group(1))) {
                            problems.add(where + ": gateway " + gateway.getId() + " routes decision " + tested.group(1)
                                    + ", which the step does not allow");
                        }
                    }
                    if (!any && condition.contains("decision")) {
                        problems.add(where + ": flow " + flow.getId() + " tests the decision other than as decision == '…': "
                                + condition.trim());
                    }
                }
                if (gateway.getDefault() == null) {
                    decisions.stream().filter(d -> !routed.contains(d)).forEach(d -> problems.add(where + ": decision " + d
                            + " is routed by no flow of gateway " + gateway.getId() + " and it has no default"));
                }
            }
        }
        return problems;
    }

    /** The hardship model with one change made to its first user task (homeVisit), for proving a check can fail. */
    private static BpmnModelInstance hardshipWith(java.util.function.Consumer<UserTask> change) {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes/hardship-verification.bpmn").toFile());
        change.accept(model.getModelElementById("homeVisit"));
        return model;
    }

    private static CamundaProperty property(UserTask task, String name) {
        return task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(p -> p.getCamundaProperties().stream()).filter(p -> name.equals(p.getCamundaName()))
                .findFirst().orElseThrow();
    }

    private static Process processOf(ModelElementInstance element) {
        ModelElementInstance parent = element.getParentElement();
        while (!(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return (Process) parent;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> deadlines() throws IOException {
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.yml"))) {
            Map<String, Object> yaml = new org.yaml.snakeyaml.Yaml().load(in);
            Map<String, Object> deadlines = (Map<String, Object>) ((Map<String, Object>) yaml.get("union-assist")).get("deadlines");
            return (Map<String, Map<String, Object>>) deadlines.get("processes");
        }
    }

    private static Map<String, String> properties(FlowNode task) {
        Map<String, String> properties = new HashMap<>();
        if (task.getExtensionElements() != null) {
            task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                    .flatMap(p -> p.getCamundaProperties().stream())
                    .forEach(p -> properties.put(p.getCamundaName(), p.getCamundaValue()));
        }
        return properties;
    }

    /** The form's field keyed {@code decision} (a radio or select), or null. */
    private static JsonNode decisionField(JsonNode form) {
        return form == null ? null : form.findParents("key").stream()
                .filter(c -> "decision".equals(c.path("key").asText()) && c.has("type")).findFirst().orElse(null);
    }

    /** The options of a decision field as {@code code=label;…}, the way a step's decisionLabels reads. */
    private static String labelsOf(JsonNode decision) {
        List<String> options = new ArrayList<>();
        decision.path("values").forEach(v -> options.add(v.path("value").asText() + "=" + v.path("label").asText()));
        return String.join(";", options);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
