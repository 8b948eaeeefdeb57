package org.unionassist.casework;

import org.camunda.bpm.engine.impl.HistoricJobLogQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * A service step run as its own job ({@code camunda:asyncBefore}) that keeps failing ends as an incident an operator
 * reads in Cockpit, in Chinese: {@code 步骤「核定赔付并生成付款」执行 3 次后仍失败：<cause>，请排除原因后在 Cockpit 中重试}.
 * The cause is {@link StepFailure}'s, and the engine stores nothing else: the failed-job command (the job's exception
 * message and stack trace) and the job log get the failure without the values a technical message may carry, so no
 * personal data reaches ACT_RU_JOB, ACT_HI_JOB_LOG, ACT_GE_BYTEARRAY or the incident.
 */
@Component
public class FailedStepIncidents extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<IncidentHandler> handlers = configuration.getCustomIncidentHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomIncidentHandlers());
        handlers.add(new StepIncidentHandler());
        configuration.setCustomIncidentHandlers(handlers);
        if (configuration.getHistoryEventProducer() != null) {
            throw new IllegalStateException("another history event producer is set; job logs would keep raw failures");
        }
        configuration.setHistoryEventProducer(new JobLogWithoutValues());
    }

    /** After the starter's own configuration, which sets the engine's default failed-job command factory. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        FailedJobCommandFactory engine = configuration.getFailedJobCommandFactory();
        configuration.setFailedJobCommandFactory((jobId, failure) -> engine.getCommand(jobId, StepFailure.of(failure)));
        if (!(configuration.getIncidentHandler(Incident.FAILED_JOB_HANDLER_TYPE) instanceof StepIncidentHandler)) {
            throw new IllegalStateException("the failedJob incident handler was not replaced (composite handlers on?)");
        }
    }

    static final class StepIncidentHandler extends DefaultIncidentHandler {

        StepIncidentHandler() {
            super(Incident.FAILED_JOB_HANDLER_TYPE);
        }

        @Override
        public Incident handleIncident(IncidentContext context, String message) {
            return createIncident(context, operatorMessage(context, message));
        }

        private static String operatorMessage(IncidentContext context, String cause) {
            String step = "步骤「" + stepName(context) + "」";
            if (cause == null || cause.isBlank()) {
                return step + "的作业重试次数已设为0，已暂停执行；如需继续，请在 Cockpit 中重试";
            }
            long attempts = attempts(context.getConfiguration());
            return step + (attempts > 0 ? "执行 " + attempts + " 次后仍失败：" : "执行失败，自动重试次数已用完：")
                    + cause + "，请排除原因后在 Cockpit 中重试";
        }

        private static String stepName(IncidentContext context) {
            String activityId = context.getActivityId();
            if (context.getProcessDefinitionId() == null || activityId == null) {
                return activityId == null ? "（未知）" : activityId;
            }
            ProcessDefinitionEntity process = Context.getProcessEngineConfiguration().getDeploymentCache()
                    .findDeployedProcessDefinitionById(context.getProcessDefinitionId());
            ActivityImpl activity = process == null ? null : process.findActivity(activityId);
            return activity == null || activity.getName() == null ? activityId : activity.getName();
        }

        /**
         * Failed executions of the job: those logged by earlier commands, plus the one failing now (its log row is
         * written with this command). Zero when the history level keeps no job log.
         */
        private static long attempts(String jobId) {
            CommandContext command = Context.getCommandContext();
            if (jobId == null || !command.getProcessEngineConfiguration().getHistoryLevel()
                    .isHistoryEventProduced(HistoryEventTypes.JOB_FAIL, null)) {
                return 0;
            }
            HistoricJobLogQueryImpl failures = new HistoricJobLogQueryImpl();
            failures.jobId(jobId).failureLog();
            return command.runWithoutAuthorization(() -> command.getHistoricJobLogManager()
                    .findHistoricJobLogsCountByQueryCriteria(failures)) + 1;
        }
    }

    /** The job log's failure rows get the failure as the job keeps it. */
    static final class JobLogWithoutValues extends CacheAwareHistoryEventProducer {
        @Override
        public HistoryEvent createHistoricJobLogFailedEvt(Job job, Throwable exception) {
            return super.createHistoricJobLogFailedEvt(job, StepFailure.of(exception));
        }
    }
}
