package org.unionassist.hardship;

import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.FormValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.signoff.CaseRecordPolicy;
import org.unionassist.casework.signoff.Decision;
import org.unionassist.casework.signoff.SignedValues;
import org.unionassist.casework.signoff.StepRules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Sign-off rules of the annual re-check: the file and union are fixed; re-categorising and closing need their data. */
@Component
public class RecheckRecords extends CaseRecordPolicy<HouseholdFile> {

    public static final String PROCESS = "hardshipFileRecheck";

    private final HouseholdFiles files;

    public RecheckRecords(HouseholdFiles files) {
        super(PROCESS);
        this.files = files;
    }

    @Override
    protected HouseholdFile load(DelegateTask task) {
        return files.openFile(((Number) task.getVariable("fileId")).longValue());
    }

    @Override
    protected Map<String, Function<HouseholdFile, Object>> protectedVariables() {
        return Map.of("fileId", HouseholdFile::getId, "fileNumber", HouseholdFile::getFileNumber,
                "grassrootsUnion", HouseholdFile::getUnionId);
    }

    /** The re-check visit's findings are required whatever else the form holds (the form requires them too). */
    @Override
    public Map<String, StepCheck<HouseholdFile>> checks() {
        return Map.of("visit", (task, file, decision) -> task.setVariable("visitFindings",
                FormValues.requiredText(task, "visitFindings", "核查情况", HardshipCaseRecords.VISIT_FINDINGS_MAX)));
    }

    @Override
    protected String caseNumber(HouseholdFile file) {
        return file.getFileNumber();
    }

    @Override
    protected SignedValues apply(DelegateTask task, HouseholdFile file, Decision decision, StepRules step) {
        HardshipCategory category = file.getCategory();
        if (decision == HardshipDecisions.RECATEGORISE) {
            Object requested = task.getVariable("newCategory");
            if (requested == null || requested.toString().isBlank()) {
                throw new UnionAssistException(CaseworkError.INVALID_INPUT, "调整困难类别时请选择新的类别");
            }
            category = HardshipCategory.fromCode(requested);
            if (!category.fileable()) {
                throw new UnionAssistException(HardshipError.INELIGIBLE_CATEGORY,
                        "已不符合认定条件的家庭应选择「退出帮扶」并说明原因，而不是调整类别");
            }
        }
        if (decision == HardshipDecisions.CLOSE) {
            FileCloseReason.fromCode(task.getVariable("closeReason"));
        }
        return new SignedValues(category.name(), category.label(), null, null);
    }

    @Override
    protected Map<String, Object> snapshot(DelegateTask task, HouseholdFile file) {
        Map<String, Object> s = new LinkedHashMap<>();
        for (String key : new String[] {"fileNumber", "applicantName", "currentCategoryLabel", "householdSize",
                "annualIncome", "rigidExpenditure", "illnessAccidentCost", "perCapitaMonthlyIncome",
                "minimumLivingStandard", "proposedCategoryLabel", "categoryReason", "closeReason", "newCategory"}) {
            if (task.hasVariable(key)) {
                Object value = task.getVariable(key);
                s.put(key, value == null ? null : value.toString());
            }
        }
        return s;
    }
}
