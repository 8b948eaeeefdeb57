package org.unionassist.organisation;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.JobRetryCmd;
import org.camunda.bpm.engine.impl.cmd.PatchExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDefinitionPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockJobCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Refuses, before the engine touches anything, the writes that the engine's own authorizations let through to the
 * wrong people:
 * <ul>
 *   <li>executing a job, changing its retries, due date, priority or state, or deleting it: operators only. Camunda
 *   checks the permission inside the job's own command and counts the refusal as a failure of the job (its retries
 *   drop, an incident is raised and a 公示 timer never fires), so the refusal has to come before that command runs;</li>
 *   <li>comments and attachments: only users who work cases (caseworkers, approvers, panel members); auditors read and
 *   change nothing;</li>
 *   <li>setting or removing variables outside a form: operators only. Everyone else changes a case by completing
 *   its step, where the sign-off policy checks what was sent.</li>
 * </ul>
 * A refusal is an {@link AuthorizationException} with a Chinese message, which the REST layer passes on (Camunda's
 * resources turn other exceptions of these calls into a 500 without their cause), answered 403.
 * <p>
 * Only a user's own call is looked at (the outermost command, with a logged-in user): the job executor, and what the
 * engine does inside a command on a user's behalf, pass.
 */
@Component
public class WriteGuard extends AbstractProcessEnginePlugin {

    private static final Set<Class<?>> JOB_COMMANDS = Set.of(ExecuteJobsCmd.class, SetJobRetriesCmd.class,
            AbstractSetJobsRetriesBatchCmd.class, SetJobDuedateCmd.class, RecalculateJobDuedateCmd.class,
            SetJobPriorityCmd.class, SetJobDefinitionPriorityCmd.class, DeleteJobCmd.class, DeleteJobsCmd.class,
            AbstractSetJobStateCmd.class, AbstractSetJobDefinitionStateCmd.class, UnlockJobCmd.class,
            // what the engine runs after a refused execution, in a command of its own, to count it as a failure
            FailedJobListener.class, JobRetryCmd.class);
    private static final Set<Class<?>> NOTE_COMMANDS = Set.of(AddCommentCmd.class, UpdateCommentCmd.class,
            DeleteTaskCommentCmd.class, DeleteProcessInstanceCommentCmd.class, CreateAttachmentCmd.class,
            SaveAttachmentCmd.class, DeleteAttachmentCmd.class);
    private static final Set<Class<?>> VARIABLE_COMMANDS = Set.of(SetTaskVariablesCmd.class,
            SetExecutionVariablesCmd.class, RemoveTaskVariablesCmd.class, RemoveExecutionVariablesCmd.class,
            PatchTaskVariablesCmd.class, PatchExecutionVariablesCmd.class);
    /** The roles whose members work on cases and may note something on them. */
    private static final Set<Role> WORKING_ROLES = Set.of(Role.CLERK, Role.CHAIR, Role.PANEL);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandInterceptor guard = new Guard(configuration);
        configuration.setCustomPreCommandInterceptorsTxRequired(withGuard(
                configuration.getCustomPreCommandInterceptorsTxRequired(), guard));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(withGuard(
                configuration.getCustomPreCommandInterceptorsTxRequiresNew(), new Guard(configuration)));
    }

    private static List<CommandInterceptor> withGuard(List<CommandInterceptor> existing, CommandInterceptor guard) {
        List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
        interceptors.add(0, guard);
        return interceptors;
    }

    private static boolean isOneOf(Set<Class<?>> kinds, Command<?> command) {
        return kinds.stream().anyMatch(kind -> kind.isInstance(command));
    }

    static boolean isOperator(Authentication user) {
        return user.getGroupIds() != null && user.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
    }

    static boolean worksCases(Authentication user) {
        return user.getGroupIds() != null && user.getGroupIds().stream().anyMatch(group -> WORKING_ROLES.stream()
                .anyMatch(role -> group.endsWith("-" + role.key())));
    }

    private static final class Guard extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;

        Guard(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            Authentication user = configuration.getIdentityService().getCurrentAuthentication();
            if (Context.getCommandContext() == null && user != null && user.getUserId() != null && !isOperator(user)) {
                refuse(command, user);
            }
            return next.execute(command);
        }

        private static void refuse(Command<?> command, Authentication user) {
            if (isOneOf(JOB_COMMANDS, command)) {
                throw new AuthorizationException(
                        "只有系统运维人员（camunda-admin组）可以执行作业或修改作业的重试次数、到期时间和状态");
            }
            if (isOneOf(NOTE_COMMANDS, command) && !worksCases(user)) {
                throw new AuthorizationException(
                        "只有办理案件的经办人、审批人和评议小组成员可以添加或修改评论和附件；经费审查委员只能查阅");
            }
            if (isOneOf(VARIABLE_COMMANDS, command)) {
                throw new AuthorizationException("案件的内容只能通过办理任务的表单修改，不能直接修改流程变量");
            }
        }
    }
}
