package org.unionassist.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;
import org.unionassist.education.GrantQuota;
import org.unionassist.education.GrantQuotaRepository;
import org.unionassist.education.GrantQuotas;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.spin.Spin.JSON;
import static org.unionassist.support.CaseDriver.decisionOf;

/** 金秋助学 as its users work it in Tasklist: applications, first checks, sittings, the notice and the city. */
@Component
public class EducationGrantDriver {

    public static final String GRANT = "educationGrant";
    public static final String SITTING = "educationGrantSitting";
    /** A day inside the default window (1 July – 15 September), a Monday. */
    public static final LocalDate IN_WINDOW = LocalDate.of(2026, 7, 6);
    /**
     * A grant year of its own (and a Monday in its window) for the tests that take the last places of a quota: they
     * do not count on the places other tests of the shared process-test database take in 2026.
     */
    public static final int OWN_YEAR = 2027;
    public static final LocalDate IN_OWN_YEAR = LocalDate.of(OWN_YEAR, 7, 5);

    private final ProcessEngine engine;
    private final CaseDriver driver;
    private final MedicalAidDriver starter;
    private final GrantQuotas quotas;
    private final GrantQuotaRepository quotaRows;

    public EducationGrantDriver(ProcessEngine engine, CaseDriver driver, MedicalAidDriver starter, GrantQuotas quotas,
                                GrantQuotaRepository quotaRows) {
        this.engine = engine;
        this.driver = driver;
        this.starter = starter;
        this.quotas = quotas;
        this.quotaRows = quotaRows;
    }

    /** The application form for an undergraduate child, ordinary admission, no other funding. */
    public static VariableMap application(String studentId, String workerId, String level) {
        return Variables.createVariables()
                .putValue("studentName", "王小明")
                .putValue("studentIdNumber", studentId)
                .putValue("relationship", "child")
                .putValue("workerName", "王建国")
                .putValue("workerIdNumber", workerId)
                .putValue("bankCard", "6222 0202 0011 2233 445")
                .putValue("schoolName", "湖南大学")
                .putValue("level", level)
                .putValue("yearOfStudy", 1)
                .putValue("proofKind", "admission")
                .putValue("proofChecked", true)
                .putValue("placement", "none")
                .putValue("otherFunding", false);
    }

    /** The same for a household without a file: with the cause of its temporary hardship. */
    public static VariableMap temporaryHardship(String studentId, String workerId, String level) {
        return application(studentId, workerId, level).putValue("temporaryHardshipCause", "父亲今年因工伤住院，家庭收入骤降");
    }

    public ProcessInstance file(String clerk, VariableMap form) {
        return starter.start(clerk, GRANT, form);
    }

    /** A worker whose household has an open deep-hardship file (filed through the whole hardship process). */
    public void deepHardshipFile(String union, String district, String workerId) {
        ProcessInstance pi = driver.caseAtDistrict(union, workerId);
        driver.complete(pi, "districtCheck", district + ".clerk",
                decisionOf("submit", null).putValue("civilAffairsCheck", "consistent"));
        driver.complete(pi, "districtApproval", district + ".chair", "approve", null);
        driver.complete(pi, "cityReview", "city.clerk", "submit", null);
        driver.complete(pi, "cityApproval", "city.chair", "approve", "同意建档");
    }

    /** Filed by the union's clerk and passed by its chair: waiting for the district's sitting. */
    public ProcessInstance awaitingDistrict(String union, VariableMap form) {
        ProcessInstance pi = file(union + ".clerk", form);
        driver.complete(pi, "grassrootsCheck", union + ".chair",
                decisionOf("submit", "情况属实").putValue("temporaryHardshipConfirmed", true));
        return pi;
    }

    /** The district's clerk convenes a sitting: it takes up every waiting application of the district. */
    public ProcessInstance convene(String district) {
        return starter.start(district + ".clerk", SITTING, Variables.createVariables());
    }

    /** The agenda the chair's task shows: one row per application. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> agenda(ProcessInstance sitting) {
        JsonValue rows = engine.getRuntimeService().getVariableTyped(sitting.getId(), "applications");
        return JSON(rows.getValueSerialized()).mapTo(List.class);
    }

    /** The chair's answer: each row of the agenda with the decision (and opinion) for its case number. */
    public VariableMap sittingDecisions(ProcessInstance sitting, Map<String, String[]> byCaseNumber) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : agenda(sitting)) {
            String[] decision = byCaseNumber.get((String) row.get("caseNumber"));
            Map<String, Object> answered = new java.util.LinkedHashMap<>(row);
            answered.put("rowDecision", decision == null ? null : decision[0]);
            answered.put("rowOpinion", decision == null || decision.length < 2 ? null : decision[1]);
            rows.add(answered);
        }
        return decisionOf("submit", "经集体研究逐件表决").putValue("meetingDate", today().toString())
                .putValue("attendees", "张主席、李副主席、赵委员、钱委员、孙委员")
                .putValueTyped("applications", SpinValues.jsonValue(JSON(rows)).create());
    }

    public void decide(ProcessInstance sitting, String district, Map<String, String[]> byCaseNumber) {
        driver.complete(sitting, "districtSitting", district + ".chair", sittingDecisions(sitting, byCaseNumber));
    }

    /** A sitting of the district that approves every application waiting there (this test's and any left over). */
    public ProcessInstance approveAll(String district) {
        ProcessInstance sitting = convene(district);
        Map<String, String[]> every = new java.util.HashMap<>();
        agenda(sitting).forEach(row -> every.put((String) row.get("caseNumber"), new String[]{"approve"}));
        decide(sitting, district, every);
        return sitting;
    }

    /** Filed, passed, approved by its district's sitting and past its notice: at 市总工会审批. */
    public ProcessInstance atCityApproval(String union, String district, VariableMap form) {
        ProcessInstance pi = awaitingDistrict(union, form);
        approveAll(district);
        driver.fireTimer(pi);
        driver.task(pi, "cityApproval");
        return pi;
    }

    public String caseNumber(ProcessInstance pi) {
        return (String) engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
                .singleResult().getBusinessKey();
    }

    /** The payment step waiting to run after the city's approval. */
    public void pay(ProcessInstance pi) {
        Job job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                .activityId("payGrant").singleResult();
        assertThat(job).as("payment job").isNotNull();
        engine.getManagementService().executeJob(job.getId());
    }

    /**
     * Leaves the district exactly {@code left} places for the year, whatever earlier tests (and the demo quotas) granted
     * in the database all process tests share.
     */
    public void placesLeft(int year, String district, int left) {
        int granted = quotaRows.findById(new GrantQuota.Key(year, district)).map(GrantQuota::getGranted).orElse(0);
        quotas.set(year, district, granted + left, "city.clerk");
    }

    public Task task(ProcessInstance pi, String key) {
        return driver.task(pi, key);
    }

    private static LocalDate today() {
        return LocalDate.ofInstant(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(),
                java.time.ZoneId.of("Asia/Shanghai"));
    }
}
