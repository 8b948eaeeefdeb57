package org.unionassist.casework.signoff;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.listener.DelegateExpressionExecutionListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts the sign-off listeners on every user task of every deployed process, so no model declares them:
 * {@code ${stepPreparation}} on create, {@code ${signOffRecorder}} on complete and, on a step declared
 * {@code vote=true}, {@code ${personalTask}} on assignment. They are the engine's built-in listeners of the task, so
 * each runs before any listener a model declares for the same event and also when an operator skips custom listeners:
 * a step is never prepared or signed without them. {@code ${caseRegister}} follows each case on its start, its end and
 * every task's create and complete, for the auditors' search. Every process also starts with {@code ${startGuard}}
 * ({@link StartGuard}), which refuses start variables that only the case sets.
 */
@Component
public class StepListenersPlugin extends AbstractProcessEnginePlugin {

    static final String STEP_PREPARATION = "${stepPreparation}";
    static final String SIGN_OFF_RECORDER = "${signOffRecorder}";
    static final String PERSONAL_TASK = "${personalTask}";
    static final String START_GUARD = "${startGuard}";
    static final String CASE_REGISTER = "${caseRegister}";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        listeners.add(new StepListeners(configuration));
        configuration.setCustomPreBPMNParseListeners(listeners);
        configuration.setCustomPreCommandInterceptorsTxRequired(withUsersCommand(
                configuration.getCustomPreCommandInterceptorsTxRequired()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(withUsersCommand(
                configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
    }

    private static List<CommandInterceptor> withUsersCommand(List<CommandInterceptor> existing) {
        List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
        interceptors.add(new StartGuard.UsersCommand());
        return interceptors;
    }

    private static final class StepListeners extends AbstractBpmnParseListener {

        private final ProcessEngineConfigurationImpl configuration;

        StepListeners(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public void parseProcess(Element processElement, ProcessDefinitionEntity process) {
            process.addBuiltInListener(ExecutionListener.EVENTNAME_START, executionBean(START_GUARD));
            process.addBuiltInListener(ExecutionListener.EVENTNAME_START, executionBean(CASE_REGISTER));
            process.addBuiltInListener(ExecutionListener.EVENTNAME_END, executionBean(CASE_REGISTER));
        }

        /** A case that waits for an event (a re-check for its day) shows that wait in the register. */
        @Override
        public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, executionBean(CASE_REGISTER));
        }

        @Override
        public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, bean(STEP_PREPARATION));
            task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, bean(CASE_REGISTER));
            task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, bean(SIGN_OFF_RECORDER));
            task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, bean(CASE_REGISTER));
            if ("true".equals(property(userTaskElement, "vote"))) {
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, bean(PERSONAL_TASK));
            }
        }

        private ExecutionListener executionBean(String expression) {
            return new DelegateExpressionExecutionListener(
                    configuration.getExpressionManager().createExpression(expression), List.of());
        }

        /** Resolved when the task fires, like a declared {@code delegateExpression}: the bean is not needed to deploy. */
        private TaskListener bean(String expression) {
            return new DelegateExpressionTaskListener(
                    configuration.getExpressionManager().createExpression(expression), List.of());
        }

        private static String property(Element userTask, String name) {
            Element extensions = userTask.element("extensionElements");
            Element properties = extensions == null ? null
                    : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
            if (properties == null) {
                return null;
            }
            return properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property").stream()
                    .filter(p -> name.equals(p.attribute("name"))).map(p -> p.attribute("value"))
                    .findFirst().orElse(null);
        }
    }
}
