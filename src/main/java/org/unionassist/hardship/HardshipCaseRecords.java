package org.unionassist.hardship;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.FormValues;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.signoff.CasePolicy;
import org.unionassist.casework.signoff.Decision;
import org.unionassist.casework.signoff.SignedValues;
import org.unionassist.casework.signoff.StepRules;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;

/**
 * What a hardship sign-off adds: the union path and category can only change through the case record (never by
 * submitting variables), an approver may override the DMN's category only with a reason, an approval cannot carry an
 * ineligible household forward, the panel is checked when the chair picks it, and the district's civil-affairs check
 * result is kept with the case.
 */
@Component
public class HardshipCaseRecords extends CasePolicy<HardshipCase> {

    public static final String PROCESS = "hardshipVerification";
    static final int VISIT_FINDINGS_MAX = 2000;

    private final HardshipCases cases;
    private final DemocraticReview democraticReview;
    private final ShanghaiClock clock;

    public HardshipCaseRecords(HardshipCases cases, DemocraticReview democraticReview, ShanghaiClock clock) {
        super(PROCESS);
        this.cases = cases;
        this.democraticReview = democraticReview;
        this.clock = clock;
    }

    @Override
    protected HardshipCase load(DelegateTask task) {
        return cases.byProcessInstance(task.getProcessInstanceId());
    }

    @Override
    protected Map<String, Function<HardshipCase, Object>> alsoProtected() {
        return Map.of("category", c -> c.getCategory() == null ? null : c.getCategory().name());
    }

    /** What a step names in its {@code checks} property, run before the step's own changes. */
    @Override
    public Map<String, StepCheck<HardshipCase>> checks() {
        return Map.of(
                "documents", (task, c, decision) -> {
                    if (decision == Decision.SUBMIT) {
                        HardshipDocuments.CHECKLIST.requireComplete(task, key -> true,
                                "请补齐后再提交，或选择「材料不全，退回补充」");
                    }
                },
                "visit", (task, c, decision) -> recordVisit(task),
                "panel", (task, c, decision) -> {
                    if (decision == Decision.APPROVE) {
                        democraticReview.validatePanel(task.getVariable("panelMembers"), c.getGrassrootsUnionId());
                    }
                },
                "civilAffairsCheck", (task, c, decision) -> {
                    if (decision == Decision.SUBMIT) {
                        CivilAffairsCheck result = CivilAffairsCheck.fromCode(task.getVariable("civilAffairsCheck"));
                        cases.civilAffairsChecked(c, result.code());
                        CaseVariables.publish(task.getExecution(), c);
                    }
                },
                "districtDecision", (task, c, decision) -> {
                    if (decision == Decision.APPROVE || decision == Decision.REJECT) {
                        cases.districtDecided(c);
                    }
                });
    }

    /** The home visit's date and findings, required whatever the decision (the form requires both). */
    private void recordVisit(DelegateTask task) {
        LocalDate visited = FormValues.requiredDate(task, "visitDate", "入户调查日期");
        if (visited.isAfter(clock.today())) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "入户调查日期不能晚于今天");
        }
        String findings = FormValues.requiredText(task, "visitFindings", "入户调查情况", VISIT_FINDINGS_MAX);
        task.setVariable("visitDate", visited.toString());
        task.setVariable("visitFindings", findings);
    }

    @Override
    protected SignedValues apply(DelegateTask task, HardshipCase c, Decision decision, StepRules step) {
        if (step.categoryOverride()) {
            applyOverride(task, c);
            if (decision == Decision.APPROVE && !c.getCategory().fileable()) {
                throw new UnionAssistException(HardshipError.INELIGIBLE_CATEGORY,
                        "测算结果为「不符合认定条件」，不能同意：如确需认定，请选择调整后的困难类别并填写理由");
            }
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
    protected Map<String, Object> snapshot(DelegateTask task, HardshipCase c) {
        Map<String, Object> snapshot = CaseVariables.snapshot(c);
        if (task.hasVariable("democraticReviewResult")) {
            snapshot.put("democraticReviewResult", task.getVariable("democraticReviewResult"));
        }
        return snapshot;
    }
}
