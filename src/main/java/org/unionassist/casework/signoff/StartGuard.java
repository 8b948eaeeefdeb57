package org.unionassist.casework.signoff;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.UnionAssistException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Refuses a case started by a user with variables that only the case itself sets: its unions and their names, its
 * number, what the programme's record owns ({@link CaseRecordPolicy#protectedNames()}) and the trail, or with an
 * initiator other than the user who is logged in. A case's unions then always come from the caseworker who filed it.
 * <p>
 * Attached to the start of every process by {@link StepListenersPlugin}. Starts made by the application itself (a
 * yearly re-check started while a user's step completes) pass.
 */
@Component("startGuard")
public class StartGuard implements ExecutionListener {

    /** Set on every case when it is opened (the path of unions and the programme's name) and by the trail. */
    static final Set<String> SET_BY_EVERY_CASE = Set.of("grassrootsUnion", "grassrootsUnionName", "districtUnion",
            "districtUnionName", "cityUnion", "cityUnionName", "programme", "caseNumber", "caseTrail", "caseFacts");

    private static final ThreadLocal<Command<?>> USERS_COMMAND = new ThreadLocal<>();

    private final Map<String, Set<String>> protectedByProcess = new HashMap<>();

    public StartGuard(List<CaseRecordPolicy<?>> policies) {
        policies.forEach(policy -> protectedByProcess.computeIfAbsent(policy.processKey(), key -> new TreeSet<>())
                .addAll(policy.protectedNames()));
    }

    @Override
    public void notify(DelegateExecution execution) {
        CommandContext command = Context.getCommandContext();
        String user = command == null ? null : command.getAuthenticatedUserId();
        if (user == null || !isUsersOwnStart(USERS_COMMAND.get())) {
            return;
        }
        ExecutionEntity instance = (ExecutionEntity) execution.getProcessInstance();
        Set<String> sent = new TreeSet<>(protectedNames(instance.getProcessDefinition().getKey()));
        sent.retainAll(execution.getVariableNames());
        if (!sent.isEmpty()) {
            throw new UnionAssistException(CaseworkError.PROTECTED_VARIABLE,
                    "案件的归属工会、编号和核定结果由系统确定，提交时不能填写：" + String.join("、", sent));
        }
        String initiatorVariable = (String) instance.getProcessDefinition()
                .getProperty(BpmnParse.PROPERTYNAME_INITIATOR_VARIABLE_NAME);
        if (initiatorVariable != null && !user.equals(execution.getVariable(initiatorVariable))) {
            throw new UnionAssistException(CaseworkError.PROTECTED_VARIABLE,
                    "经办人就是登录的用户，不能以他人名义提交：请去掉 " + initiatorVariable);
        }
    }

    /** A start the user asked for, not one the application makes inside a user's command (a re-check). */
    private static boolean isUsersOwnStart(Command<?> command) {
        return command instanceof SubmitStartFormCmd || command instanceof StartProcessInstanceCmd
                || command instanceof StartProcessInstanceAtActivitiesCmd;
    }

    /**
     * Remembers the command a caller asked for (the outermost one of a thread), which the engine does not tell a
     * listener: inside it the engine runs its own work without the user's authorization checks.
     */
    static final class UsersCommand extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            if (Context.getCommandContext() != null) {
                return next.execute(command);
            }
            USERS_COMMAND.set(command);
            try {
                return next.execute(command);
            } finally {
                USERS_COMMAND.remove();
            }
        }
    }

    Set<String> protectedNames(String processKey) {
        Set<String> names = new TreeSet<>(SET_BY_EVERY_CASE);
        names.addAll(protectedByProcess.getOrDefault(processKey, Set.of()));
        return names;
    }
}
