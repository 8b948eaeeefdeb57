package org.unionassist.casework.intervention;

import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.unionassist.casework.ShanghaiClock;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Copies each user operation log entry that is a manual intervention in a case ({@link InterventionKind}) into the
 * case's intervention trail, in the engine's transaction: if the row cannot be written, the intervention fails too.
 * Runs before the engine's own database handler, so a variable's previous value can still be read. The engine logs
 * only authenticated calls, so every row names a user.
 */
final class InterventionRecorder implements HistoryEventHandler {

    static final String UNKNOWN_ACTOR = "unknown";

    private final Function<ManualIntervention, ManualIntervention> store;
    private final Function<String, String> displayName;
    private final Supplier<String> givenReason;

    /** @param givenReason the reason the operator gave for what runs now, where the engine's API takes none */
    InterventionRecorder(Function<ManualIntervention, ManualIntervention> store, Function<String, String> displayName,
                         Supplier<String> givenReason) {
        this.store = store;
        this.displayName = displayName;
        this.givenReason = givenReason;
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            return;
        }
        if (event instanceof UserOperationLogEntryEventEntity entry) {
            logged(command, entry);
        } else if (command.getAuthenticatedUserId() != null) {
            traced(command, event);
        }
    }

    /** Remembers, for a log entry later in the same command, what it will not say itself. */
    private void traced(CommandContext command, HistoryEvent event) {
        if (event instanceof HistoricVariableUpdateEventEntity variable && variable.getProcessInstanceId() != null) {
            trace(command).variableChanged(variableChange(command, variable));
        } else if (event instanceof HistoricActivityInstanceEventEntity step && step.getProcessInstanceId() != null) {
            boolean started = step.isEventOfType(HistoryEventTypes.ACTIVITY_INSTANCE_START);
            if (started || (step.isEventOfType(HistoryEventTypes.ACTIVITY_INSTANCE_END) && step.isCanceled())) {
                trace(command).stepChanged(new CommandTrace.StepChange(step.getProcessInstanceId(),
                        step.getActivityId(), step.getActivityName(), started));
            }
        } else if (event instanceof HistoricProcessInstanceEventEntity instance) {
            CommandTrace trace = trace(command);
            trace.instanceSeen(instance.getProcessInstanceId(), instance.getBusinessKey());
            if (instance.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END)) {
                trace.instanceEnded(instance.getProcessInstanceId(), instance.getDeleteReason());
            } else if (instance.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_MIGRATE)
                    && trace.pendingMigration() != null) {
                migrated(command, instance, trace.pendingMigration());
            }
        }
    }

    private void logged(CommandContext command, UserOperationLogEntryEventEntity entry) {
        String given = givenReason.get();
        if (entry.getAnnotation() == null && given != null) {
            // before the engine's own handler writes the entry: its log (操作日志) keeps the reason too
            entry.setAnnotation(RecordableValues.masked(given));
        }
        InterventionKind kind = InterventionKind.of(entry.getEntityType(), entry.getOperationType()).orElse(null);
        if (kind == null) {
            return;
        }
        if (kind == InterventionKind.INSTANCE_MIGRATED) {
            // logged once per property before any instance moves; the instances come as migrate events
            if ("processDefinitionId".equals(entry.getProperty())) {
                trace(command).migrationLogged(new CommandTrace.PendingMigration(entry.getOrgValue(),
                        entry.getUserId(), entry.getTimestamp(), entry.getOperationId()));
            }
            return;
        }
        String pid = entry.getProcessInstanceId();
        if (pid == null) {
            // batch operations name no instance here; ACT_HI_OP_LOG keeps them with their batch
            return;
        }
        if (EntityTypes.VARIABLE.equals(kind.entityType())) {
            variablesChanged(command, entry, kind);
            return;
        }
        ManualIntervention.Builder row = started(command, entry, kind);
        if (EntityTypes.JOB.equals(kind.entityType())) {
            JobEntity job = entry.getJobId() == null ? null : command.getJobManager().findJobById(entry.getJobId());
            row.job(entry.getJobId(), job == null ? null : job.getActivityId());
            if (kind == InterventionKind.JOB_EXECUTED && job != null && job.getDuedate() != null) {
                row.detail("原定到期时间：" + shanghai(job.getDuedate()));
            }
        }
        if (kind == InterventionKind.INSTANCE_MODIFIED) {
            List<CommandTrace.StepChange> steps = trace(command).takeSteps(pid);
            row.detail(describe(steps)).activity(steps.stream().map(CommandTrace.StepChange::activityId).distinct()
                    .collect(Collectors.joining(",")));
        }
        if (kind == InterventionKind.INSTANCE_DELETED) {
            String reason = trace(command).endReason(pid);
            row.detail(reason == null ? null : "删除原因：" + RecordableValues.masked(reason));
        }
        if (entry.getProperty() != null) {
            row.change(entry.getProperty(), entry.getOrgValue(), entry.getNewValue());
        }
        store.apply(row.build());
    }

    /** One row per variable the command changed, with its values unless they are personal data. */
    private void variablesChanged(CommandContext command, UserOperationLogEntryEventEntity entry, InterventionKind kind) {
        List<CommandTrace.VariableChange> changes = trace(command).takeVariables(entry.getProcessInstanceId());
        if (changes.isEmpty()) {
            store.apply(started(command, entry, kind).build());
            return;
        }
        for (CommandTrace.VariableChange change : changes) {
            ManualIntervention.Builder row = started(command, entry, kind);
            if (RecordableValues.isPersonal(change.name())) {
                row.change(change.name(), null, null).detail(RecordableValues.NOT_RECORDED);
            } else {
                row.change(change.name(), change.before(), change.after())
                        .detail(change.removed() ? "变量已删除" : null);
            }
            store.apply(row.build());
        }
    }

    private void migrated(CommandContext command, HistoricProcessInstanceEventEntity instance,
                          CommandTrace.PendingMigration migration) {
        String userId = migration.userId() == null ? UNKNOWN_ACTOR : migration.userId();
        store.apply(ManualIntervention.builder(InterventionKind.INSTANCE_MIGRATED)
                .inCase(instance.getProcessInstanceId(), instance.getProcessDefinitionKey(), instance.getBusinessKey())
                .change("processDefinitionId", migration.fromDefinitionId(), instance.getProcessDefinitionId())
                .actor(userId, displayName.apply(userId))
                .at(shanghaiTime(migration.timestamp()), migration.operationId())
                .build());
    }

    private ManualIntervention.Builder started(CommandContext command, UserOperationLogEntryEventEntity entry,
                                               InterventionKind kind) {
        String pid = entry.getProcessInstanceId();
        String userId = entry.getUserId() == null ? UNKNOWN_ACTOR : entry.getUserId();
        return ManualIntervention.builder(kind)
                .inCase(pid, entry.getProcessDefinitionKey(), businessKey(command, pid))
                .annotation(entry.getAnnotation())
                .actor(userId, displayName.apply(userId))
                .at(shanghaiTime(entry.getTimestamp()), entry.getOperationId());
    }

    private CommandTrace.VariableChange variableChange(CommandContext command, HistoricVariableUpdateEventEntity v) {
        boolean removed = v.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_DELETE);
        String before = null;
        if (removed || v.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE)) {
            // still the previous value: the engine's own handler updates it after this one
            HistoricVariableInstanceEntity previous = command.getDbEntityManager()
                    .selectById(HistoricVariableInstanceEntity.class, v.getVariableInstanceId());
            if (previous != null) {
                before = RecordableValues.describe(previous.getSerializerName(), previous.getTextValue(),
                        previous.getLongValue(), previous.getDoubleValue());
            }
        }
        String after = removed ? null : RecordableValues.describe(v.getSerializerName(), v.getTextValue(),
                v.getLongValue(), v.getDoubleValue());
        return new CommandTrace.VariableChange(v.getProcessInstanceId(), v.getVariableName(), before, after, removed);
    }

    private static String describe(List<CommandTrace.StepChange> steps) {
        String cancelled = steps.stream().filter(s -> !s.started()).map(InterventionRecorder::step).distinct()
                .collect(Collectors.joining("、"));
        String started = steps.stream().filter(CommandTrace.StepChange::started).map(InterventionRecorder::step)
                .distinct().collect(Collectors.joining("、"));
        StringBuilder text = new StringBuilder();
        if (!cancelled.isEmpty()) {
            text.append("取消：").append(cancelled);
        }
        if (!started.isEmpty()) {
            text.append(text.isEmpty() ? "" : "；").append("启动：").append(started);
        }
        return text.isEmpty() ? null : text.toString();
    }

    private static String step(CommandTrace.StepChange s) {
        return s.activityName() == null ? s.activityId() : s.activityName() + "（" + s.activityId() + "）";
    }

    private String businessKey(CommandContext command, String pid) {
        ExecutionEntity instance = command.getDbEntityManager().selectById(ExecutionEntity.class, pid);
        if (instance != null && instance.getBusinessKey() != null) {
            return instance.getBusinessKey();
        }
        return trace(command).businessKey(pid);
    }

    private static CommandTrace trace(CommandContext command) {
        return command.getSession(CommandTrace.class);
    }

    private static OffsetDateTime shanghaiTime(Date time) {
        return OffsetDateTime.ofInstant(time.toInstant(), ShanghaiClock.ZONE);
    }

    private static String shanghai(Date time) {
        return shanghaiTime(time).format(ShanghaiClock.SHOWN);
    }
}
