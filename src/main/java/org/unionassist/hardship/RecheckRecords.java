package org.unionassist.hardship;

import org.unionassist.casework.CaseworkError;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.signoff.CaseRecordPolicy;
import org.unionassist.casework.signoff.Decision;
import org.unionassist.casework.signoff.SignedValues;
import org.unionassist.casework.signoff.StepRules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Sign-off rules of the annual re-check: the file and union are fixed; re-categorising and closing need their data. */
@Component
public class RecheckRecords implements CaseRecordPolicy {

    public static final String PROCESS = "hardshipFileRecheck";

    private final HouseholdFiles files;

    public RecheckRecords(HouseholdFiles files) {
        this.files = files;
    }

    @Override
    public boolean appliesTo(String processDefinitionKey) {
        return PROCESS.equals(processDefinitionKey);
    }

    @Override
    public void verifyUntouched(DelegateTask task) {
        HouseholdFile file = files.openFile(((Number) task.getVariable("fileId")).longValue());
        if (!Objects.equals(task.getVariable("fileNumber"), file.getFileNumber())
                || !Objects.equals(task.getVariable("grassrootsUnion"), file.getUnionId())) {
            throw new UnionAssistException(CaseworkError.NOT_AUTHORIZED, "档案编号和归属单位不能在复核时修改");
        }
    }

    @Override
    public SignedValues beforeSignOff(DelegateTask task, Decision decision, StepRules step) {
        HouseholdFile file = files.openFile(((Number) task.getVariable("fileId")).longValue());
        HardshipCategory category = file.getCategory();
        if (decision == Decision.RECATEGORISE) {
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
        if (decision == Decision.CLOSE) {
            Object reason = task.getVariable("closeReason");
            if (reason == null || !FileRecheck.CLOSE_REASONS.containsKey(reason.toString())) {
                throw new UnionAssistException(CaseworkError.INVALID_INPUT, "退出帮扶时请选择退出原因");
            }
        }
        return new SignedValues(category.name(), category.label(), null, null);
    }

    @Override
    public Map<String, Object> snapshot(DelegateTask task) {
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

    @Override
    public String caseNumber(DelegateTask task) {
        return (String) task.getVariable("fileNumber");
    }
}
