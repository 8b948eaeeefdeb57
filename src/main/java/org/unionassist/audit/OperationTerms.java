package org.unionassist.audit;

import org.springframework.stereotype.Component;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.organisation.Members;
import org.unionassist.organisation.Role;
import org.unionassist.organisation.UnionRepository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's words for what was done to a case (its operation log and the intervention trail: entity types,
 * property names, values) in the Chinese an auditor reads. A variable is named by the label the forms give it; a
 * code no table here knows is shown with a Chinese word before it, never alone.
 */
@Component
public class OperationTerms {

    private static final Map<String, String> ENTITY_TYPES = Map.ofEntries(
            Map.entry("Task", "任务"), Map.entry("ProcessInstance", "流程实例"), Map.entry("Job", "作业（定时器等）"),
            Map.entry("Variable", "流程变量"), Map.entry("Attachment", "附件"), Map.entry("IdentityLink", "任务办理人"),
            Map.entry("Incident", "故障事件"), Map.entry("Comment", "批注"), Map.entry("OperationLog", "操作日志"),
            Map.entry("ProcessDefinition", "流程定义"), Map.entry("JobDefinition", "作业定义"),
            Map.entry("Batch", "批量操作"), Map.entry("ExternalTask", "外部任务"),
            Map.entry("HistoricProcessInstance", "流程实例历史"), Map.entry("HistoricTask", "任务历史"));

    private static final Map<String, String> PROPERTIES = Map.ofEntries(
            Map.entry("assignee", "办理人"), Map.entry("owner", "任务所有人"), Map.entry("delete", "删除"),
            Map.entry("candidate", "候选办理人"), Map.entry("userId", "用户"), Map.entry("groupId", "用户组"),
            Map.entry("delegation", "委托状态"), Map.entry("name", "名称"), Map.entry("description", "说明"),
            Map.entry("dueDate", "到期时间"), Map.entry("duedate", "到期时间"), Map.entry("followUpDate", "跟进时间"),
            Map.entry("priority", "优先级"), Map.entry("parentTask", "上级任务"), Map.entry("completed", "已完成"),
            Map.entry("retries", "重试次数"), Map.entry("suspensionState", "挂起状态"),
            Map.entry("processDefinitionId", "流程定义版本"), Map.entry("processDefinitionKey", "流程"),
            Map.entry("processInstanceId", "流程实例"), Map.entry("processInstanceIds", "流程实例"),
            Map.entry("nrOfInstances", "实例数"), Map.entry("async", "异步执行"), Map.entry("cascade", "级联"),
            Map.entry("deleteReason", "删除原因"), Map.entry("skipCustomListeners", "跳过监听器"),
            Map.entry("skipIoMappings", "跳过输入输出映射"), Map.entry("skipSubprocesses", "跳过子流程"),
            Map.entry("removalTime", "历史数据删除时间"), Map.entry("messageName", "消息"),
            Map.entry("incidentType", "故障类型"), Map.entry("incidentId", "故障事件"),
            Map.entry("jobDefinitionId", "作业定义"), Map.entry("includeJobs", "包括作业"),
            Map.entry("annotation", "备注"), Map.entry("mode", "方式"), Map.entry("hierarchical", "含子流程"),
            Map.entry("variables", "流程变量"), Map.entry("tenantId", "租户"), Map.entry("caseInstanceId", "案例实例"),
            Map.entry("operationId", "操作编号"), Map.entry("type", "类型"));

    /** Process variables no form shows, set by the processes or an operator. */
    private static final Map<String, String> VARIABLES = Map.of(
            "noticeEarlyEndReason", "提前结束公示原因");

    private static final Map<String, String> VALUES = Map.ofEntries(
            Map.entry("true", "是"), Map.entry("false", "否"), Map.entry("suspended", "已挂起"),
            Map.entry("active", "已激活"), Map.entry("PENDING", "委托中"), Map.entry("RESOLVED", "已处理完毕"));

    private static final Set<String> PEOPLE = Set.of("assignee", "owner", "userId");
    private static final Set<String> MOMENTS = Set.of("dueDate", "duedate", "followUpDate", "removalTime");
    private static final Pattern DEFINITION_ID = Pattern.compile("([A-Za-z][\\w-]*):(\\d+):\\S+");
    /** A moment as the engine or a record writes it in text: ISO with or without the T, zone and fraction. */
    private static final Pattern MOMENT_IN_TEXT = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})?(\\[[\\w/]+])?");

    private final FieldLabels labels;
    private final Members members;
    private final UnionRepository unions;

    public OperationTerms(FieldLabels labels, Members members, UnionRepository unions) {
        this.labels = labels;
        this.members = members;
        this.unions = unions;
    }

    public String entity(String entityType) {
        if (entityType == null) {
            return "";
        }
        String label = ENTITY_TYPES.get(entityType);
        return label != null ? label : "其他对象（" + entityType + "）";
    }

    /** The property an entry changed: for a variable, the label the forms give it. */
    public String property(String entityType, String property) {
        if (property == null) {
            return null;
        }
        if ("Variable".equals(entityType)) {
            String label = labels.of(property);
            if (label == null) {
                label = VARIABLES.get(property);
            }
            return label != null ? label : "流程变量（" + property + "）";
        }
        String label = PROPERTIES.get(property);
        return label != null ? label : "其他属性（" + property + "）";
    }

    /** A value an entry recorded, as the auditor reads it: people by name, moments in Beijing time, yes or no. */
    public String value(String entityType, String property, String value) {
        if (value == null || value.isBlank()) {
            return value;
        }
        if ("Variable".equals(entityType) && property != null) {
            String word = VALUES.get(value);
            return word != null ? word : text(labels.value(property, value));
        }
        if (property != null && PEOPLE.contains(property)) {
            return person(value);
        }
        if ("candidate".equals(property) || "groupId".equals(property)) {
            return group(value).orElseGet(() -> person(value));
        }
        if (property != null && MOMENTS.contains(property) && value.matches("\\d{10,}")) {
            return Instant.ofEpochMilli(Long.parseLong(value)).atZone(ShanghaiClock.ZONE).format(ShanghaiClock.SHOWN);
        }
        String word = VALUES.get(value);
        if (word != null) {
            return word;
        }
        Matcher definition = DEFINITION_ID.matcher(value);
        if (definition.matches()) {
            return "第" + definition.group(2) + "版（" + definition.group(1) + "）";
        }
        return text(value);
    }

    /** Free text with every moment in it shown to the second in Beijing time. */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        return MOMENT_IN_TEXT.matcher(text).replaceAll(m -> Matcher.quoteReplacement(moment(m.group())));
    }

    /** A moment written with its offset (or, without one, already in Beijing time), shown to the second. */
    public static String moment(String written) {
        String iso = written.replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso.replaceAll("\\[.*]$", "")).atZoneSameInstant(ShanghaiClock.ZONE)
                    .format(ShanghaiClock.SHOWN);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(iso).format(ShanghaiClock.SHOWN);
            } catch (DateTimeParseException notAMoment) {
                return written;
            }
        }
    }

    private String person(String userId) {
        String name = members.displayName(userId);
        return name.equals(userId) ? "用户（" + userId + "）" : name + "（" + userId + "）";
    }

    private java.util.Optional<String> group(String groupId) {
        return Role.Group.of(groupId).flatMap(g -> unions.findById(g.unionId())
                .map(union -> union.getName() + g.role().label() + "（" + groupId + "）"));
    }
}
