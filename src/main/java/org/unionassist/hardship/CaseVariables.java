package org.unionassist.hardship;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.unionassist.casework.CaseFacts;
import org.unionassist.casework.PersonalData;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
        String civilAffairs = civilAffairsLabel(c);
        if (civilAffairs != null) {
            scope.setVariable("civilAffairsCheckLabel", civilAffairs);
        }
        facts(c).publish(scope);
    }

    /** 申请情况 as every later form shows it: the figures the category rests on, the household, the exclusions. */
    static CaseFacts facts(HardshipCase c) {
        HouseholdFigures f = c.figures();
        String members = c.getHousehold().getMembers().stream()
                .map(m -> m.getName() + "（" + m.getRelation() + "）").collect(Collectors.joining("、"));
        return new CaseFacts()
                .add("申请人", c.getHousehold().getHeadName() + "，身份证号 "
                        + PersonalData.maskIdNumber(c.getHousehold().getHeadIdNumber()))
                .add("家庭人口（含申请人）", f.householdSize() + "人")
                .add("其他家庭成员", members.isEmpty() ? "未填写" : members)
                .add("家庭年可支配收入", yuan(f.annualIncome()))
                .add("刚性支出", yuan(f.rigidExpenditure()))
                .add("当年因病因意外支出", yuan(f.illnessAccidentCost()))
                .add("人均月收入", yuan(c.getPerCapitaMonthlyIncome()) + incomeNote(f))
                .add("当地低保标准", c.getMinimumLivingStandard() == null ? null
                        : yuan(c.getMinimumLivingStandard()) + "/人/月")
                .add("致困原因", HardshipCause.fromCode(f.hardshipCause()).label())
                .add("排除情形", exclusions(f))
                .add("规则测算类别", c.getProposedCategory() == null ? null
                        : c.getProposedCategory().label() + "（" + c.getCategoryReason() + "）")
                .add("当前认定类别", c.getCategory() == null ? null : c.getCategory().label())
                .add("类别调整理由", c.getCategoryOverrideReason())
                .add("民政核对结果", civilAffairsLabel(c));
    }

    private static String civilAffairsLabel(HardshipCase c) {
        return c.getCivilAffairsCheck() == null ? null : CivilAffairsCheck.fromCode(c.getCivilAffairsCheck()).label();
    }

    /** Rigid expenditure above the income counts as a net income of zero: said wherever the figure is shown. */
    static String incomeNote(HouseholdFigures f) {
        return f.expenditureExceedsIncome() ? "（刚性支出高于家庭收入，按0元计算）" : "";
    }

    private static String exclusions(HouseholdFigures f) {
        List<String> found = new ArrayList<>();
        if (f.ownsMultipleHomes()) found.add("两套及以上住房");
        if (f.ownsBusinessOrEmploys()) found.add("经营商铺或雇佣他人");
        if (f.privateCarNonWork()) found.add("非工作用途私家车");
        if (f.childPrivateSchoolOrAbroad()) found.add("子女就读高收费私立学校或自费留学");
        if (f.migrantWorker()) found.add("农民工，本地就业" + f.localEmploymentMonths() + "个月");
        return found.isEmpty() ? "无" : String.join("、", found);
    }

    private static String yuan(BigDecimal amount) {
        return amount.toPlainString() + "元";
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
        if (f.expenditureExceedsIncome()) {
            s.put("perCapitaMonthlyIncomeNote", "刚性支出高于家庭收入，净收入按0元计算");
        }
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
