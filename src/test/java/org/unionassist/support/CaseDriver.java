package org.unionassist.support;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives cases the way people do in Tasklist: as a logged-in user (with that user's groups, so the engine's
 * authorization checks apply), submitting form values typed as Tasklist sends them.
 */
@Component
public class CaseDriver {

    public static final String PROCESS = "hardshipVerification";

    private final ProcessEngine engine;

    public CaseDriver(ProcessEngine engine) {
        this.engine = engine;
    }

    public IdentityService identity() { return engine.getIdentityService(); }
    public TaskService tasks() { return engine.getTaskService(); }
    public RuntimeService runtime() { return engine.getRuntimeService(); }
    public ManagementService management() { return engine.getManagementService(); }
    public FormService forms() { return engine.getFormService(); }

    public <T> T as(String userId, Supplier<T> action) {
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        engine.getIdentityService().setAuthentication(userId, groups);
        try {
            return action.get();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    public void asDo(String userId, Runnable action) {
        as(userId, () -> {
            action.run();
            return null;
        });
    }

    /** A household of three with per-capita income 666.67 (deep hardship against 低保 1000). */
    public static VariableMap deepHardshipApplication(String idNumber) {
        return Variables.createVariables()
                .putValue("applicantName", "王建国")
                .putValue("applicantIdNumber", idNumber)
                .putValue("applicantPhone", "13800138000")
                .putValue("bankCard", "6222 0202 0011 2233 445")
                .putValue("householdSize", 3)
                .putValueTyped("householdMembers", SpinValues.jsonValue(
                        "[{\"memberName\":\"李秀英\",\"memberRelation\":\"配偶\",\"memberIdNumber\":\"\"},"
                                + "{\"memberName\":\"王小明\",\"memberRelation\":\"子女\",\"memberIdNumber\":\"\"}]")
                        .create())
                .putValue("annualIncome", 30000)
                .putValue("rigidExpenditure", 6000.0)
                .putValue("illnessAccidentCost", 0)
                .putValue("hardshipCause", "illness")
                .putValue("ownsMultipleHomes", false)
                .putValue("ownsBusinessOrEmploys", false)
                .putValue("privateCarNonWork", false)
                .putValue("childPrivateSchoolOrAbroad", false)
                .putValue("migrantWorker", false)
                .putValue("docIdAndHukou", true)
                .putValue("docIncomeProof", true)
                .putValue("docCauseProof", true)
                .putValue("docIncomePledge", true)
                .putValue("docDataCheckConsent", true);
    }

    public ProcessInstance apply(String clerk, VariableMap application) {
        return as(clerk, () -> engine.getFormService().submitStartForm(
                engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS)
                        .latestVersion().singleResult().getId(), application));
    }

    public Task task(ProcessInstance pi, String taskKey) {
        List<Task> found = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(taskKey).list();
        assertThat(found).as("open task %s", taskKey).hasSize(1);
        return found.get(0);
    }

    public void complete(ProcessInstance pi, String taskKey, String user, String decision, String opinion) {
        complete(pi, taskKey, user, decisionOf(decision, opinion));
    }

    public void complete(ProcessInstance pi, String taskKey, String user, VariableMap variables) {
        Task task = task(pi, taskKey);
        asDo(user, () -> engine.getTaskService().complete(task.getId(), variables));
    }

    public static VariableMap decisionOf(String decision, String opinion) {
        return Variables.createVariables().putValue("decision", decision).putValue("opinion", opinion);
    }

    /** The home-visit form's answer: the decision, the visit dated today (the engine's clock) and what was found. */
    public static VariableMap visitOf(String decision, String opinion, String findings) {
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.of("Asia/Shanghai"));
        return decisionOf(decision, opinion).putValue("visitDate", today.toString()).putValue("visitFindings", findings);
    }

    /** The grassroots chair approves and picks the first three panel members of the union. */
    public static VariableMap approveWithPanel(String union) {
        return decisionOf("approve", "同意提交民主评议").putValueTyped("panelMembers", SpinValues.jsonValue(
                "[\"" + union + ".rep1\",\"" + union + ".rep2\",\"" + union + ".rep3\"]").create());
    }

    public void vote(ProcessInstance pi, String member, String decision) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("democraticReview").taskAssignee(member).singleResult();
        assertThat(task).as("vote task of %s", member).isNotNull();
        asDo(member, () -> engine.getTaskService().complete(task.getId(),
                decisionOf(decision, "disagree".equals(decision) ? "家庭情况与申报不符" : null)));
    }

    /** Carries a fresh case through home visit, first review and a unanimous panel into its public notice. */
    public ProcessInstance caseOnPublicNotice(String union, String idNumber) {
        return caseOnPublicNotice(union, deepHardshipApplication(idNumber));
    }

    /** The same, for an application of the test's own. */
    public ProcessInstance caseOnPublicNotice(String union, VariableMap application) {
        ProcessInstance pi = apply(union + ".clerk", application);
        complete(pi, "homeVisit", union + ".clerk", visitOf("submit", "材料齐全", "属实"));
        complete(pi, "grassrootsReview", union + ".chair", approveWithPanel(union));
        vote(pi, union + ".rep1", "agree");
        vote(pi, union + ".rep2", "agree");
        vote(pi, union + ".rep3", "agree");
        task(pi, "publicNotice");
        return pi;
    }

    /** Carries a fresh case from application through the public notice to the district's desk. */
    public ProcessInstance caseAtDistrict(String union, String idNumber) {
        return caseAtDistrict(union, deepHardshipApplication(idNumber));
    }

    /** The same, for an application of the test's own. */
    public ProcessInstance caseAtDistrict(String union, VariableMap application) {
        ProcessInstance pi = caseOnPublicNotice(union, application);
        fireTimer(pi);
        task(pi, "districtCheck");
        return pi;
    }

    /** The end event a finished case ended at. */
    public String engineHistoryEnd(ProcessInstance pi) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
                .singleResult().getEndActivityId();
    }

    public void fireTimer(ProcessInstance pi) {
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .singleResult();
        assertThat(timer).as("a pending timer").isNotNull();
        engine.getManagementService().executeJob(timer.getId());
    }

    public static void today(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
    }

    public static void realTime() {
        ClockUtil.reset();
    }
}
