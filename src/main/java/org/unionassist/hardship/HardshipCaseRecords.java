package org.unionassist.hardship;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.signoff.CaseRecordPolicy;
import org.unionassist.casework.signoff.Decision;
import org.unionassist.casework.signoff.SignedValues;
import org.unionassist.casework.signoff.StepRules;

import java.util.HashMap;
import java.util.Map;

/**
 * What a hardship sign-off adds: the union path and category can only change through the case record (never by
 * submitting variables), an approver may override the DMN's category only with a reason, an approval cannot carry an
 * ineligible household forward, the panel is checked when the chair picks it, and the district's civil-affairs check
 * result is kept with the case.
 */
@Component
public class HardshipCaseRecords implements CaseRecordPolicy {

    public static final String PROCESS = "hardshipVerification";

    private final HardshipCases cases;
    private final DemocraticReview democraticReview;

    public HardshipCaseRecords(HardshipCases cases, DemocraticReview democraticReview) {
        this.cases = cases;
        this.democraticReview = democraticReview;
    }

    @Override
    public boolean appliesTo(String processDefinitionKey) {
        return PROCESS.equals(processDefinitionKey);
    }

    @Override
    public void verifyUntouched(DelegateTask task) {
        HardshipCase c = cases.byProcessInstance(task.getProcessInstanceId());
        Map<String, String> expected = new HashMap<>();
        expected.put("grassrootsUnion", c.getGrassrootsUnionId());
        expected.put("districtUnion", c.getDistrictUnionId());
        expected.put("cityUnion", c.getCityUnionId());
        expected.put("caseNumber", c.getCaseNumber());
        expected.put("category", c.getCategory() == null ? null : c.getCategory().name());
        CaseRecordPolicy.requireUnchanged(task, expected, "案件的归属单位、编号和困难类别不能在办理时直接修改");
    }

    
    @Override
    public SignedValues beforeSignOff(DelegateTask task, Decision decision, StepRules step) {
        HardshipCase c = cases.byProcessInstance(task.getProcessInstanceId());
        if (step.categoryOverride()) {
            applyOverride(task, c);
            if (decision == Decision.APPROVE && !c.getCategory().fileable()) {
                throw new UnionAssistException(HardshipError.INELIGIBLE_CATEGORY,
                        "测算结果为「不符合认定条件」，不能同意：如确需认定，请选择调整后的困难类别并填写理由");
            }
        }
        switch (step.stepId()) {
            case "grassrootsReview" -> {
                if (decision == Decision.APPROVE) {
                    democraticReview.validatePanel(task.getVariable("panelMembers"), c.getGrassrootsUnionId());
                }
            }
            case "districtCheck" -> {
                if (decision == Decision.SUBMIT) {
                    CivilAffairsCheck result = CivilAffairsCheck.fromCode(task.getVariable("civilAffairsCheck"));
                    cases.civilAffairsChecked(c, result.code());
                    CaseVariables.publish(task.getExecution(), c);
                }
            }
            case "districtApproval" -> {
                if (decision == Decision.APPROVE || decision == Decision.REJECT) {
                    cases.districtDecided(c);
                }
            }
            default -> { }
        }
        Integer round = step.vote() ? (Integer) task.getVariable("reviewRound") : null;
        return new SignedValues(c.getCategory().name(), c.getCategory().label(), null, round);
    }

    private void applyOverride(DelegateTask task, HardshipCase c) {
        Object requested = task.getVariable("categoryOverride");
        Object reason = task.getVariable("categoryOverrideReason");
        task.setVariable("categoryOverride", null);
        task.setVariable("categoryOverrideReason", null);
        if (requested == null || requested.toString().isBlank()) {
            return;
        }
        HardshipCategory category = HardshipCategory.fromCode(requested);
        if (category == c.getCategory()) {
            return;
        }
        if (reason == null || reason.toString().isBlank()) {
            throw new UnionAssistException(HardshipError.OVERRIDE_REASON_REQUIRED, "调整困难类别必须填写理由");
        }
        cases.overrideCategory(c, category, reason.toString().strip());
        CaseVariables.publish(task.getExecution(), c);
    }

    @Override
    public Map<String, Object> snapshot(DelegateTask task) {
        Map<String, Object> snapshot = CaseVariables.snapshot(cases.byProcessInstance(task.getProcessInstanceId()));
        if (task.hasVariable("democraticReviewResult")) {
            snapshot.put("democraticReviewResult", task.getVariable("democraticReviewResult"));
        }
        return snapshot;
    }

    @Override
    public String caseNumber(DelegateTask task) {
        return (String) task.getVariable("caseNumber");
    }
}
