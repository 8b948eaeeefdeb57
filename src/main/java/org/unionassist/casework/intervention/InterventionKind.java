package org.unionassist.casework.intervention;

import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.UserOperationLogEntry;

import java.util.Arrays;
import java.util.Optional;

/**
 * The entries of the engine's user operation log that are a manual intervention in a case, with the label an auditor
 * reads. Routine work (starting a case, claiming and completing tasks) is in the sign-off trail instead and is not
 * listed here.
 */
public enum InterventionKind {
    JOB_EXECUTED(EntityTypes.JOB, UserOperationLogEntry.OPERATION_TYPE_EXECUTE, "手动执行作业（定时器）"),
    JOB_RETRIES_SET(EntityTypes.JOB, UserOperationLogEntry.OPERATION_TYPE_SET_JOB_RETRIES, "设置作业重试次数"),
    JOB_DUE_DATE_SET(EntityTypes.JOB, UserOperationLogEntry.OPERATION_TYPE_SET_DUEDATE, "修改作业到期时间"),
    JOB_DUE_DATE_RECALCULATED(EntityTypes.JOB, UserOperationLogEntry.OPERATION_TYPE_RECALC_DUEDATE, "重新计算作业到期时间"),
    JOB_PRIORITY_SET(EntityTypes.JOB, UserOperationLogEntry.OPERATION_TYPE_SET_PRIORITY, "修改作业优先级"),
    JOB_DELETED(EntityTypes.JOB, UserOperationLogEntry.OPERATION_TYPE_DELETE, "删除作业"),
    JOB_SUSPENDED(EntityTypes.JOB, UserOperationLogEntry.OPERATION_TYPE_SUSPEND_JOB, "挂起作业"),
    JOB_ACTIVATED(EntityTypes.JOB, UserOperationLogEntry.OPERATION_TYPE_ACTIVATE_JOB, "激活作业"),
    VARIABLE_SET(EntityTypes.VARIABLE, UserOperationLogEntry.OPERATION_TYPE_SET_VARIABLE, "设置流程变量"),
    VARIABLE_REMOVED(EntityTypes.VARIABLE, UserOperationLogEntry.OPERATION_TYPE_REMOVE_VARIABLE, "删除流程变量"),
    VARIABLES_MODIFIED(EntityTypes.VARIABLE, UserOperationLogEntry.OPERATION_TYPE_MODIFY_VARIABLE, "修改流程变量"),
    VARIABLE_HISTORY_DELETED(EntityTypes.VARIABLE, UserOperationLogEntry.OPERATION_TYPE_DELETE_HISTORY, "删除流程变量历史"),
    INSTANCE_MODIFIED(EntityTypes.PROCESS_INSTANCE, UserOperationLogEntry.OPERATION_TYPE_MODIFY_PROCESS_INSTANCE,
            "修改流程实例（调整办理节点）"),
    INSTANCE_MIGRATED(EntityTypes.PROCESS_INSTANCE, UserOperationLogEntry.OPERATION_TYPE_MIGRATE, "迁移流程实例"),
    INSTANCE_SUSPENDED(EntityTypes.PROCESS_INSTANCE, UserOperationLogEntry.OPERATION_TYPE_SUSPEND, "挂起流程实例"),
    INSTANCE_ACTIVATED(EntityTypes.PROCESS_INSTANCE, UserOperationLogEntry.OPERATION_TYPE_ACTIVATE, "激活流程实例"),
    INSTANCE_DELETED(EntityTypes.PROCESS_INSTANCE, UserOperationLogEntry.OPERATION_TYPE_DELETE, "删除流程实例"),
    INSTANCE_HISTORY_DELETED(EntityTypes.PROCESS_INSTANCE, UserOperationLogEntry.OPERATION_TYPE_DELETE_HISTORY,
            "删除流程实例历史"),
    INSTANCE_RESTARTED(EntityTypes.PROCESS_INSTANCE, UserOperationLogEntry.OPERATION_TYPE_RESTART_PROCESS_INSTANCE,
            "重启流程实例"),
    MESSAGE_CORRELATED(EntityTypes.PROCESS_INSTANCE, UserOperationLogEntry.OPERATION_TYPE_CORRELATE_MESSAGE, "手动发送消息"),
    INCIDENT_CREATED(EntityTypes.PROCESS_INSTANCE, UserOperationLogEntry.OPERATION_TYPE_CREATE_INCIDENT, "手动创建故障事件"),
    INCIDENT_RESOLVED(EntityTypes.PROCESS_INSTANCE, UserOperationLogEntry.OPERATION_TYPE_RESOLVE, "解决故障事件"),
    REMOVAL_TIME_SET(EntityTypes.PROCESS_INSTANCE, UserOperationLogEntry.OPERATION_TYPE_SET_REMOVAL_TIME,
            "设置历史数据删除时间");

    private final String entityType;
    private final String operationType;
    private final String label;

    InterventionKind(String entityType, String operationType, String label) {
        this.entityType = entityType;
        this.operationType = operationType;
        this.label = label;
    }

    public String entityType() {
        return entityType;
    }

    public String operationType() {
        return operationType;
    }

    public String label() {
        return label;
    }

    public static Optional<InterventionKind> of(String entityType, String operationType) {
        return Arrays.stream(values())
                .filter(k -> k.entityType.equals(entityType) && k.operationType.equals(operationType))
                .findFirst();
    }
}
