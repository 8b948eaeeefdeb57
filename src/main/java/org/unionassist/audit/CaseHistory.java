package org.unionassist.audit;

import org.camunda.bpm.engine.HistoryService;
import org.unionassist.engine.EngineCommands;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.jobexecutor.TimerCatchIntermediateEventJobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.TimerExecuteNestedActivityJobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.TimerStartEventJobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.springframework.stereotype.Component;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.intervention.InterventionKind;
import org.unionassist.organisation.Members;

import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The engine's own history of a case, beside the signed trail: every activity passed (with who worked the tasks),
 * every timer that fired, and the engine's user operation log. Read as the engine once the workspace has checked the
 * auditor's jurisdiction, so it is complete whatever rights the engine grants on definitions.
 */
@Component
public class CaseHistory {

    private static final String MULTI_INSTANCE = "multiInstanceBody";

    private static final Set<String> TIMER_JOBS = Set.of(TimerCatchIntermediateEventJobHandler.TYPE,
            TimerExecuteNestedActivityJobHandler.TYPE, TimerStartEventJobHandler.TYPE, TimerTaskListenerJobHandler.TYPE);

    private static final Map<String, String> ACTIVITY_TYPES = Map.ofEntries(
            Map.entry("startEvent", "开始"), Map.entry("endEvent", "结束"), Map.entry("noneEndEvent", "结束"),
            Map.entry("userTask", "人工办理"), Map.entry("serviceTask", "系统处理"),
            Map.entry("businessRuleTask", "规则判定"), Map.entry("scriptTask", "系统处理"),
            Map.entry("exclusiveGateway", "判断"), Map.entry("parallelGateway", "并行"),
            Map.entry("inclusiveGateway", "判断"), Map.entry("eventBasedGateway", "等待事件"),
            Map.entry("intermediateTimer", "定时等待"), Map.entry("boundaryTimer", "定时（边界）"),
            Map.entry("boundaryError", "异常（边界）"), Map.entry("boundaryMessage", "消息（边界）"),
            Map.entry("intermediateMessageCatch", "等待消息"), Map.entry("multiInstanceBody", "多人并行"),
            Map.entry("subProcess", "子流程"), Map.entry("callActivity", "调用子流程"),
            Map.entry("startTimerEvent", "定时开始"), Map.entry("messageStartEvent", "消息开始"),
            Map.entry("errorEndEvent", "异常结束"), Map.entry("terminateEndEvent", "终止"));

    private static final Map<String, String> ROUTINE_OPERATIONS = Map.ofEntries(
            Map.entry(UserOperationLogEntry.OPERATION_TYPE_CREATE, "创建"),
            Map.entry(UserOperationLogEntry.OPERATION_TYPE_CLAIM, "认领任务"),
            Map.entry(UserOperationLogEntry.OPERATION_TYPE_ASSIGN, "指派任务"),
            Map.entry(UserOperationLogEntry.OPERATION_TYPE_COMPLETE, "办理完成"),
            Map.entry(UserOperationLogEntry.OPERATION_TYPE_DELEGATE, "委托任务"),
            Map.entry(UserOperationLogEntry.OPERATION_TYPE_RESOLVE, "处理完毕"),
            Map.entry(UserOperationLogEntry.OPERATION_TYPE_SET_OWNER, "设置任务所有人"),
            Map.entry(UserOperationLogEntry.OPERATION_TYPE_ADD_USER_LINK, "添加任务办理人"),
            Map.entry(UserOperationLogEntry.OPERATION_TYPE_DELETE_USER_LINK, "移除任务办理人"),
            Map.entry(UserOperationLogEntry.OPERATION_TYPE_ADD_GROUP_LINK, "添加候选组"),
            Map.entry(UserOperationLogEntry.OPERATION_TYPE_DELETE_GROUP_LINK, "移除候选组"),
            Map.entry(UserOperationLogEntry.OPERATION_TYPE_ADD_ATTACHMENT, "添加附件"),
            Map.entry(UserOperationLogEntry.OPERATION_TYPE_DELETE_ATTACHMENT, "删除附件"),
            Map.entry("CreateComment", "添加批注"),
            Map.entry(UserOperationLogEntry.OPERATION_TYPE_UPDATE, "修改"));

    private final HistoryService historyService;
    private final RuntimeService runtimeService;
    private final Members members;
    private final EngineCommands engine;
    private final OperationTerms terms;

    public CaseHistory(HistoryService historyService, RuntimeService runtimeService, Members members,
                       EngineCommands engine, OperationTerms terms) {
        this.engine = engine;
        this.terms = terms;
        this.historyService = historyService;
        this.runtimeService = runtimeService;
        this.members = members;
    }

    public record Activity(String activityId, String name, String type, String startedAt, String endedAt,
                           String worker, boolean canceled) {
    }

    public record TimerFired(String activityId, String activity, String firedAt) {
    }

    public record Operation(String at, String operation, String entity, String property, String orgValue,
                            String newValue, String actor, String annotation) {
    }

    public record Engine(List<Activity> activities, List<TimerFired> timers, List<Operation> operations,
                         Set<String> waitingAt) {
    }

    /**
     * Read in a command of its own without the caller's authorization checks: from a web request there is no command
     * under way, and each query would otherwise join the engine's per-case grants of the caller (the auditor's
     * groups hold one per case in their jurisdiction), which measured several times slower (docs/benchmarks.md).
     */
    public Engine of(String processInstanceId) {
        return engine.call(() -> read(processInstanceId));
    }

    /** The path a case took and where it waits, for its diagram: the activities only, not the whole history. */
    public record Path(String processDefinitionId, Set<String> visited, Set<String> waitingAt) {
    }

    public Path pathOf(String processInstanceId) {
        return engine.call(() -> {
            List<HistoricActivityInstance> passed = activitiesOf(processInstanceId);
            Set<String> visited = new LinkedHashSet<>();
            // a multi-instance body stands for its activity
            passed.forEach(a -> visited.add(a.getActivityId().replace("#" + MULTI_INSTANCE, "")));
            return new Path(historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                    .singleResult().getProcessDefinitionId(), visited, waitingAt(passed));
        });
    }

    private List<HistoricActivityInstance> activitiesOf(String pid) {
        return historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(pid).orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc().list();
    }

    /** The activities that have not ended (not counting multi-instance bodies): where the case waits now. */
    private static Set<String> waitingAt(List<HistoricActivityInstance> passed) {
        return passed.stream().filter(a -> !MULTI_INSTANCE.equals(a.getActivityType()) && a.getEndTime() == null)
                .map(HistoricActivityInstance::getActivityId).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private Engine read(String pid) {
        List<HistoricActivityInstance> passed = activitiesOf(pid);
        // the same few people sign many steps: each name is looked up once per case
        Map<String, String> names = new HashMap<>();
        Function<String, String> name = userId -> names.computeIfAbsent(userId, members::displayName);
        List<Activity> activities = passed.stream()
                .filter(a -> !MULTI_INSTANCE.equals(a.getActivityType()))
                .map(a -> new Activity(a.getActivityId(), a.getActivityName() == null ? a.getActivityId()
                        : a.getActivityName(), ACTIVITY_TYPES.getOrDefault(a.getActivityType(), "其他"),
                        shown(a.getStartTime()), shown(a.getEndTime()),
                        a.getAssignee() == null ? null : name.apply(a.getAssignee()), a.isCanceled()))
                .toList();
        List<TimerFired> timers = historyService.createHistoricJobLogQuery().processInstanceId(pid)
                .successLog().orderByTimestamp().asc().list().stream()
                .filter(j -> TIMER_JOBS.contains(j.getJobDefinitionType()))
                .map(j -> new TimerFired(j.getActivityId(), activityName(passed, j), shown(j.getTimestamp())))
                .toList();
        List<Operation> operations = historyService.createUserOperationLogQuery().processInstanceId(pid)
                .orderByTimestamp().asc().list().stream()
                .map(o -> new Operation(shown(o.getTimestamp()), operationLabel(o), terms.entity(o.getEntityType()),
                        terms.property(o.getEntityType(), o.getProperty()),
                        terms.value(o.getEntityType(), o.getProperty(), o.getOrgValue()),
                        terms.value(o.getEntityType(), o.getProperty(), o.getNewValue()),
                        o.getUserId() == null ? "系统" : name.apply(o.getUserId()) + "（" + o.getUserId() + "）",
                        OperationTerms.text(o.getAnnotation())))
                .toList();
        return new Engine(activities, timers, operations, waitingAt(passed));
    }

    private static String activityName(List<HistoricActivityInstance> passed, HistoricJobLog job) {
        return passed.stream().filter(a -> a.getActivityId().equals(job.getActivityId()))
                .map(HistoricActivityInstance::getActivityName).filter(n -> n != null).findFirst()
                .orElse(job.getActivityId());
    }

    static String operationLabel(UserOperationLogEntry entry) {
        return InterventionKind.of(entry.getEntityType(), entry.getOperationType()).map(InterventionKind::label)
                .orElseGet(() -> ROUTINE_OPERATIONS.getOrDefault(entry.getOperationType(),
                        "其他引擎操作（" + entry.getOperationType() + "）"));
    }

    static String shown(Date at) {
        return at == null ? null : at.toInstant().atZone(ShanghaiClock.ZONE).format(ShanghaiClock.SHOWN);
    }
}
