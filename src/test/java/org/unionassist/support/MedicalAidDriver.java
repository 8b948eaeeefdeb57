package org.unionassist.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.spin.Spin.JSON;

/** Enrolments and claims as a grassroots clerk enters them in Tasklist, for the medical mutual-aid tests. */
@Component
public class MedicalAidDriver {

    public static final String ENROLMENT = "medicalAidEnrolment";
    public static final String CLAIM = "medicalAidClaim";
    /** The payment step: it runs as its own job once the final approval has committed. */
    public static final String SETTLEMENT = "settleClaim";

    private final ProcessEngine engine;
    private final CaseDriver driver;

    public MedicalAidDriver(ProcessEngine engine, CaseDriver driver) {
        this.engine = engine;
        this.driver = driver;
    }

    /** The enrolment form with workers entered one by one: name, ID number, name, ID number, … */
    public static VariableMap enrolmentForm(int planYear, String... nameAndId) {
        List<Map<String, String>> workers = new ArrayList<>();
        for (int i = 0; i < nameAndId.length; i += 2) {
            workers.add(Map.of("workerName", nameAndId[i], "workerIdNumber", nameAndId[i + 1]));
        }
        return Variables.createVariables().putValue("planYear", planYear)
                .putValueTyped("workers", SpinValues.jsonValue(JSON(workers)).create());
    }

    public ProcessInstance start(String user, String processKey, VariableMap form) {
        return driver.as(user, () -> engine.getFormService().submitStartForm(
                engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey)
                        .latestVersion().singleResult().getId(), form));
    }

    /** On {@code day}, the union's clerk enrols one worker for that year and the district confirms the list. */
    public ProcessInstance enrolAndConfirm(String union, String district, LocalDate day, String name, String id) {
        CaseDriver.today(day);
        ProcessInstance pi = start(union + ".clerk", ENROLMENT, enrolmentForm(day.getYear(), name, id));
        driver.complete(pi, "districtConfirmation", district + ".clerk", "approve", null);
        return pi;
    }

    /** A claim form with every document ticked. */
    public static VariableMap claimForm(String id, String type, LocalDate admission, LocalDate discharge,
                                        Object totalCost, Object insurancePaid, Object selfPaid) {
        return Variables.createVariables()
                .putValue("memberIdNumber", id)
                .putValue("bankCard", "6222 0202 0011 2233 445")
                .putValue("claimType", type)
                .putValue("admissionDate", admission.toString())
                .putValue("dischargeDate", discharge.toString())
                .putValue("diagnosis", "急性阑尾炎")
                .putValue("totalCost", totalCost)
                .putValue("insurancePaid", insurancePaid)
                .putValue("selfPaid", selfPaid)
                .putValue("docClaimForm", true).putValue("docIdCard", true).putValue("docBankCard", true)
                .putValue("docSettlementSheet", true).putValue("docDischargeRecord", true)
                .putValue("docInvoices", true).putValue("docPathologyReport", true);
    }

    /** An inpatient claim of the given self-paid amount, admitted on 1 March and discharged on 10 March 2026. */
    public static VariableMap inpatientClaim(String id, int selfPaid) {
        return claimForm(id, "inpatient", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 10),
                selfPaid * 2, selfPaid, selfPaid);
    }

    public ProcessInstance fileClaim(String clerk, VariableMap form) {
        return start(clerk, CLAIM, form);
    }

    /**
     * Enrols the worker on 5 January 2026, files an inpatient claim on 20 March 2026 (self-paid ≤ 5,000 payout, so the
     * district's approval is final) and runs its payment step: the claim ends paid, with one disbursement.
     */
    public ProcessInstance paidInpatientClaim(String union, String district, String name, String id, int selfPaid) {
        enrolAndConfirm(union, district, LocalDate.of(2026, 1, 5), name, id);
        CaseDriver.today(LocalDate.of(2026, 3, 20));
        ProcessInstance pi = fileClaim(union + ".clerk", inpatientClaim(id, selfPaid));
        driver.complete(pi, "documentCheck", union + ".clerk", documentsChecked());
        driver.complete(pi, "claimDistrictApproval", district + ".chair", "approve", "同意赔付");
        settle(pi);
        return pi;
    }

    /** The payment step waiting to run after the final approval. */
    public Job settlement(ProcessInstance pi) {
        Job job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                .activityId(SETTLEMENT).singleResult();
        assertThat(job).as("the payment step waiting to run").isNotNull();
        return job;
    }

    /** Runs the payment step as the job executor does (no user), once. */
    public void settle(ProcessInstance pi) {
        engine.getManagementService().executeJob(settlement(pi).getId());
    }

    public static VariableMap documentsChecked() {
        return CaseDriver.decisionOf("submit", "材料齐全").putValue("docClaimForm", true).putValue("docIdCard", true)
                .putValue("docBankCard", true).putValue("docSettlementSheet", true)
                .putValue("docDischargeRecord", true).putValue("docInvoices", true)
                .putValue("docPathologyReport", true);
    }
}
