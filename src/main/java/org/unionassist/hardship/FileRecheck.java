package org.unionassist.hardship;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.unionassist.casework.DueDates;
import org.unionassist.casework.Money;
import org.unionassist.casework.PersonalDataInEngine;
import org.unionassist.casework.ShanghaiClock;

/**
 * 动态管理: the yearly re-check of an open household file. The caseworker records the household's current figures,
 * the DMN proposes a category, and the grassroots chair keeps the file, re-categorises it, or closes it with a reason.
 */
@Component("fileRecheck")
public class FileRecheck {

    private final HouseholdFiles files;
    private final HardshipCategorisation categorisation;
    private final ShanghaiClock clock;
    private final PersonalDataInEngine personalData;

    public FileRecheck(HouseholdFiles files, HardshipCategorisation categorisation, ShanghaiClock clock,
                       PersonalDataInEngine personalData) {
        this.files = files;
        this.categorisation = categorisation;
        this.clock = clock;
        this.personalData = personalData;
    }

    /** Service step 准备复核: shows the file as it stands. */
    public void prepare(DelegateExecution execution) {
        HouseholdFile file = files.openFile(fileId(execution));
        execution.setVariable("currentCategory", file.getCategory().name());
        execution.setVariable("currentCategoryLabel", file.getCategory().label());
        execution.setVariable("fileEffectiveDate", file.getEffectiveDate().toString());
        execution.setVariable("recheckYear", clock.today().getYear());
    }

    /**
     * Service step 重新测算困难类别, right after the caseworker's form. The ID numbers typed on it (household members)
     * are masked here, in the transaction that submitted them, so the engine never keeps a raw one
     * ({@link PersonalDataInEngine}): the approval and next year's re-check show masked copies.
     */
    public void categorise(DelegateExecution execution) {
        personalData.maskIn(execution);
        int size = Money.countFromVariable(execution.getVariable("householdSize"), "家庭人口数", 1);
        HouseholdFigures figures = ApplicationData.figures(execution, size);
        CategoryResult result = categorisation.categorise(figures, clock.today());
        execution.setVariable("perCapitaMonthlyIncome", figures.perCapitaMonthlyIncome().toPlainString());
        execution.setVariable("minimumLivingStandard", result.minimumLivingStandard().toPlainString());
        execution.setVariable("proposedCategory", result.category().name());
        execution.setVariable("proposedCategoryLabel", result.category().label());
        execution.setVariable("categoryReason", result.reason());
    }

    public void keep(DelegateExecution execution) {
        scheduleNext(execution, files.keep(fileId(execution), clock.today()));
    }

    public void recategorise(DelegateExecution execution) {
        HardshipCategory category = HardshipCategory.fromCode(execution.getVariable("newCategory"));
        scheduleNext(execution, files.recategorise(fileId(execution), clock.today(), category));
    }

    public void close(DelegateExecution execution) {
        FileCloseReason closeReason = FileCloseReason.fromCode(execution.getVariable("closeReason"));
        String reason = closeReason.recorded() + "：" + execution.getVariable("opinion");
        HouseholdFile file = files.close(fileId(execution), clock.today(), reason);
        execution.setVariable("fileStatus", file.getStatus().label());
    }

    private void scheduleNext(DelegateExecution execution, HouseholdFile file) {
        execution.setVariable("currentCategory", file.getCategory().name());
        execution.setVariable("currentCategoryLabel", file.getCategory().label());
        execution.setVariable("recheckDueAt", DueDates.startOf(file.getNextRecheckOn()));
    }

    private static Long fileId(DelegateExecution execution) {
        return ((Number) execution.getVariable("fileId")).longValue();
    }
}
