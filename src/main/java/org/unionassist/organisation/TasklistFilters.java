package org.unionassist.organisation;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared Tasklist filters, created on first start in every profile and readable by every user:
 * 我的待办 (assigned to me), 本单位待办 (my groups' tasks), 即将到期 (past the follow-up date, i.e. due within the
 * configured working days) and 已逾期 (overdue). Sorted by due date; the list shows the case's applicant, union and
 * programme.
 */
@Component
public class TasklistFilters {

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;

    public TasklistFilters(FilterService filterService, TaskService taskService,
                           AuthorizationService authorizationService) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    public void createIfMissing() {
        create("我的待办", -10, "办理人是我的任务", taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        create("本单位待办", -5, "我所在单位和角色的任务（含已认领）", taskService.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
        create("即将到期", 0, "已到跟进日、尚未逾期的任务", taskService.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                .followUpBeforeExpression("${now()}").dueAfterExpression("${now()}"));
        create("已逾期", 5, "超过办理期限的任务", taskService.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                .dueBeforeExpression("${now()}"));
    }

    /** The case variables a task card shows; a card leaves out those its case does not have. */
    public static final List<Map<String, String>> CARD_VARIABLES = List.of(
            Map.of("name", "caseNumber", "label", "案件号"),
            Map.of("name", "applicantName", "label", "申请人"),
            Map.of("name", "rosterTitle", "label", "名单"),
            Map.of("name", "grassrootsUnionName", "label", "基层工会"),
            Map.of("name", "programme", "label", "业务"));

    private void create(String name, int priority, String description, TaskQuery query) {
        Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            // an upgrade keeps the operator's filter and brings its card variables up to date
            if (!CARD_VARIABLES.equals(existing.getProperties().get("variables"))) {
                Map<String, Object> properties = new HashMap<>(existing.getProperties());
                properties.put("variables", CARD_VARIABLES);
                filterService.saveFilter(existing.setProperties(properties));
            }
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", true);
        properties.put("variables", CARD_VARIABLES);
        Filter filter = filterService.newTaskFilter(name).setQuery(query.orderByDueDate().asc())
                .setProperties(properties);
        filterService.saveFilter(filter);
        Authorization readable = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        readable.setUserId(Authorization.ANY);
        readable.setResource(Resources.FILTER);
        readable.setResourceId(filter.getId());
        readable.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(readable);
    }
}
