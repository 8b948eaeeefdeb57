package org.unionassist.hardship;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.unionassist.casework.PersonalData;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The case figures as process variables for forms to show, copied from the case record (the authoritative copy).
 * Amounts are published as text with two decimals: forms display them, nothing computes with them.
 */
final class CaseVariables {

    private CaseVariables() {
    }

    static void publish(VariableScope scope, HardshipCase c) {
        scope.setVariable("caseNumber", c.getCaseNumber());
        scope.setVariable("perCapitaMonthlyIncome", c.getPerCapitaMonthlyIncome().toPlainString());
        if (c.getMinimumLivingStandard() != null) {
            scope.setVariable("minimumLivingStandard", c.getMinimumLivingStandard().toPlainString());
        }
        if (c.getProposedCategory() != null) {
            scope.setVariable("proposedCategory", c.getProposedCategory().name());
            scope.setVariable("proposedCategoryLabel", c.getProposedCategory().label());
            scope.setVariable("categoryReason", c.getCategoryReason());
        }
        if (c.getCategory() != null) {
            scope.setVariable("category", c.getCategory().name());
            scope.setVariable("categoryLabel", c.getCategory().label());
        }
        scope.setVariable("categoryOverrideReasonShown",
                c.getCategoryOverrideReason() == null ? "" : c.getCategoryOverrideReason());
        scope.setVariable("caseStatus", c.getStatus().name());
        scope.setVariable("caseStatusLabel", c.getStatus().label());
    }

    static Map<String, Object> snapshot(HardshipCase c) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("caseNumber", c.getCaseNumber());
        s.put("applicantName", c.getHousehold().getHeadName());
        s.put("applicantIdMasked", PersonalData.maskIdNumber(c.getHousehold().getHeadIdNumber()));
        HouseholdFigures f = c.figures();
        s.put("householdSize", f.householdSize());
        s.put("annualIncome", f.annualIncome());
        s.put("rigidExpenditure", f.rigidExpenditure());
        s.put("illnessAccidentCost", f.illnessAccidentCost());
        s.put("perCapitaMonthlyIncome", c.getPerCapitaMonthlyIncome());
        s.put("minimumLivingStandard", c.getMinimumLivingStandard());
        s.put("hardshipCause", f.hardshipCause());
        s.put("proposedCategory", c.getProposedCategory() == null ? null : c.getProposedCategory().label());
        s.put("categoryReason", c.getCategoryReason());
        s.put("category", c.getCategory() == null ? null : c.getCategory().label());
        s.put("categoryOverrideReason", c.getCategoryOverrideReason());
        s.put("civilAffairsCheck", c.getCivilAffairsCheck());
        return s;
    }
}
