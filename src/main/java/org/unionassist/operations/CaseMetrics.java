package org.unionassist.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Counts cases started and finished per programme and job failures per step, from the engine's history events (a
 * handler beside the engine's own database handler). A count is taken once the transaction that wrote the event has
 * committed, so a start that was refused or rolled back is not counted. Only model ids are tags (process definition
 * key, the activity a case ended at, the activity a job failed at): never a case, person or user.
 * <p>
 * A case is a process instance started on its own; instances called by another process are part of their caller's
 * case. Job failures come from the job log, which the engine writes at history level {@code full} (this project's).
 */
@Component
public class CaseMetrics extends AbstractProcessEnginePlugin {

    static final String STARTED = "unionassist.cases.started";
    static final String FINISHED = "unionassist.cases.finished";
    static final String JOB_FAILED = "unionassist.jobs.failed";
    static final String NONE = "none";

    private static final Logger log = LoggerFactory.getLogger(CaseMetrics.class);

    private final MeterRegistry meters;

    public CaseMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getCustomHistoryEventHandlers().add(new Counting());
    }

    private final class Counting implements HistoryEventHandler {

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            try {
                Counter counter = counterFor(event);
                if (counter != null) {
                    afterCommit(counter);
                }
            } catch (RuntimeException e) {
                // counting must never fail the engine's command
                log.warn("Could not count history event {}", event.getEventType(), e);
            }
        }

        private Counter counterFor(HistoryEvent event) {
            if (event instanceof HistoricProcessInstanceEventEntity instance && startedOnItsOwn(instance)) {
                if (instance.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_START)) {
                    return Counter.builder(STARTED).description("cases started (process instances not called by another)")
                            .tag("programme", orNone(instance.getProcessDefinitionKey()))
                            .register(meters);
                }
                if (instance.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END)) {
                    String outcome = outcome(instance.getState());
                    return Counter.builder(FINISHED).description("cases ended: completed, terminated or deleted")
                            .tag("programme", orNone(instance.getProcessDefinitionKey()))
                            .tag("outcome", outcome)
                            .tag("endActivity", "deleted".equals(outcome) ? NONE : orNone(instance.getEndActivityId()))
                            .register(meters);
                }
            } else if (event instanceof HistoricJobLogEvent job && job.isFailureLog()) {
                // a job log event has no event type, only its state
                return Counter.builder(JOB_FAILED).description("failed job executions (each failed attempt)")
                        .tag("programme", orNone(job.getProcessDefinitionKey()))
                        .tag("activity", orNone(job.getActivityId()))
                        .register(meters);
            }
            return null;
        }
    }

    private static boolean startedOnItsOwn(HistoricProcessInstanceEventEntity instance) {
        return instance.getSuperProcessInstanceId() == null && instance.getSuperCaseInstanceId() == null;
    }

    /** The engine's end state as one of three words: the model ended it, a terminate end event did, or someone deleted it. */
    static String outcome(String state) {
        if (HistoricProcessInstance.STATE_COMPLETED.equals(state)) {
            return "completed";
        }
        if (HistoricProcessInstance.STATE_INTERNALLY_TERMINATED.equals(state)) {
            return "terminated";
        }
        return HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(state) ? "deleted" : "other";
    }

    private static String orNone(String id) {
        return id == null || id.isBlank() ? NONE : id;
    }

    private static void afterCommit(Counter counter) {
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            counter.increment();
            return;
        }
        command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> {
            try {
                counter.increment();
            } catch (RuntimeException e) {
                log.warn("Could not count {}", counter.getId().getName(), e);
            }
        });
    }
}
