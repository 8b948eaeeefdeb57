package org.unionassist.models;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unionassist.casework.signoff.StepListenersPlugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deploys the real models into a bare engine with only {@link StepListenersPlugin} and reads what the engine made of
 * each user task: the sign-off listeners are there although no model declares them, first for their event.
 */
class StepListenersAttachedTest {

    private static ProcessEngine engine;

    @BeforeAll
    static void startEngine() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:step-listeners-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        configuration.setProcessEngineName("step-listeners-" + UUID.randomUUID());
        configuration.setJobExecutorActivate(false);
        configuration.setDatabaseSchemaUpdate("create-drop");
        configuration.getProcessEnginePlugins().add(new StepListenersPlugin());
        engine = configuration.buildProcessEngine();
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @Test
    void everyUserTaskOfEveryModelGetsTheSignOffListenersAndOnlyAVoteTheGuardOnAssignment() throws IOException {
        List<Path> models;
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            models = files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        }
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("models");
        for (Path model : models) {
            deployment.addInputStream(model.getFileName().toString(), Files.newInputStream(model));
        }
        deployment.deploy();
        List<String> checked = new ArrayList<>();
        for (Path file : models) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                TaskDefinition definition = deployedTask(processOf(task).getId(), task.getId());
                assertThat(expressions(definition, TaskListener.EVENTNAME_CREATE)).as(task.getId())
                        .containsExactly("${stepPreparation}", "${caseRegister}");
                assertThat(expressions(definition, TaskListener.EVENTNAME_COMPLETE)).as(task.getId())
                        .containsExactly("${signOffRecorder}", "${caseRegister}");
                assertThat(expressions(definition, TaskListener.EVENTNAME_ASSIGNMENT)).as(task.getId())
                        .isEqualTo(isVote(task) ? List.of("${personalTask}") : List.of());
                checked.add(task.getId());
            }
        }
        assertThat(checked).contains("homeVisit", "democraticReview", "documentCheck", "districtConfirmation",
                "annualRecheck");
    }

    @Test
    void aListenerAModelDeclaresRunsAfterTheStepPreparationAndTheSignOff() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("declaresItsOwn")
                .startEvent()
                .userTask("ownStep")
                .camundaTaskListenerDelegateExpression("create", "${somethingElse}")
                .camundaTaskListenerDelegateExpression("complete", "${somethingElse}")
                .endEvent().done();
        engine.getRepositoryService().createDeployment().addModelInstance("own.bpmn", model).deploy();
        TaskDefinition definition = deployedTask("declaresItsOwn", "ownStep");
        assertThat(expressions(definition, TaskListener.EVENTNAME_CREATE))
                .containsExactly("${stepPreparation}", "${caseRegister}", "${somethingElse}");
        assertThat(expressions(definition, TaskListener.EVENTNAME_COMPLETE))
                .containsExactly("${signOffRecorder}", "${caseRegister}", "${somethingElse}");
    }

    private static TaskDefinition deployedTask(String processKey, String taskId) {
        ProcessDefinition latest = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(processKey).latestVersion().singleResult();
        ProcessDefinitionEntity deployed = (ProcessDefinitionEntity) ((RepositoryServiceImpl) engine.getRepositoryService())
                .getDeployedProcessDefinition(latest.getId());
        // of a multi-instance step, this is the inner activity (its body is "<id>#multiInstanceBody")
        ActivityImpl activity = deployed.findActivity(taskId);
        assertThat(activity).as(taskId).isNotNull();
        return ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
    }

    /**
     * The beans called for an event, in the engine's order, as their expressions; the engine's own history listener
     * (on create and assignment) is left out, except that it must not come first.
     */
    private static List<String> expressions(TaskDefinition definition, String event) {
        List<TaskListener> listeners = definition.getAllTaskListenersForEvent(event);
        List<String> beans = listeners == null ? List.of() : listeners.stream()
                .filter(DelegateExpressionTaskListener.class::isInstance)
                .map(l -> ((DelegateExpressionTaskListener) l).getExpressionText()).toList();
        if (!beans.isEmpty()) {
            assertThat(listeners.get(0)).as("first %s listener", event).isInstanceOf(DelegateExpressionTaskListener.class);
        }
        return beans;
    }

    private static boolean isVote(UserTask task) {
        return task.getExtensionElements() != null && task.getExtensionElements().getElementsQuery()
                .filterByType(CamundaProperties.class).list().stream()
                .flatMap(p -> p.getCamundaProperties().stream())
                .anyMatch(p -> "vote".equals(p.getCamundaName()) && "true".equals(p.getCamundaValue()));
    }

    private static Process processOf(UserTask task) {
        ModelElementInstance parent = task.getParentElement();
        while (!(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return (Process) parent;
    }
}
