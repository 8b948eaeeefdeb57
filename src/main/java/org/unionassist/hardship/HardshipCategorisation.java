package org.unionassist.hardship;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.unionassist.engine.EngineCommands;
import org.unionassist.casework.Money;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Asks the DMN table {@code hardshipCategory} (processes/hardship-category.dmn) which category a household's figures
 * fall into on a given date. The table, not this class, holds the thresholds and the 低保 standard.
 */
@Service
public class HardshipCategorisation {

    public static final String DECISION_KEY = "hardshipCategory";

    private final DecisionService decisionService;
    private final EngineCommands asEngine;

    public HardshipCategorisation(DecisionService decisionService, EngineCommands asEngine) {
        this.asEngine = asEngine;
        this.decisionService = decisionService;
    }

    public CategoryResult categorise(HouseholdFigures f, LocalDate on) {
        VariableMap inputs = inputs(f, on);
        // evaluating a decision needs a right the caseworker does not hold; the engine evaluates on their behalf
        DmnDecisionResult result = asEngine.call(() ->
                decisionService.evaluateDecisionByKey(DECISION_KEY).variables(inputs).evaluate());
        DmnDecisionResultEntries row = result.getSingleResult();
        return new CategoryResult(
                HardshipCategory.fromCode(row.getEntry("category")),
                row.getEntry("categoryReason"),
                Money.yuan(new BigDecimal(row.getEntry("minimumLivingStandard").toString())));
    }

    /** The DMN's inputs: amounts stay BigDecimal (FEEL compares them exactly), the date is ISO text. */
    public static VariableMap inputs(HouseholdFigures f, LocalDate on) {
        return Variables.createVariables()
                .putValue("decisionDate", on.toString())
                .putValue("perCapitaMonthlyIncome", f.perCapitaMonthlyIncome())
                .putValue("annualIncome", f.annualIncome())
                .putValue("illnessAccidentCost", f.illnessAccidentCost())
                .putValue("hardshipCause", f.hardshipCause())
                .putValue("ownsMultipleHomes", f.ownsMultipleHomes())
                .putValue("ownsBusinessOrEmploys", f.ownsBusinessOrEmploys())
                .putValue("privateCarNonWork", f.privateCarNonWork())
                .putValue("childPrivateSchoolOrAbroad", f.childPrivateSchoolOrAbroad())
                .putValue("migrantWorker", f.migrantWorker())
                .putValue("localEmploymentMonths", f.localEmploymentMonths());
    }
}
