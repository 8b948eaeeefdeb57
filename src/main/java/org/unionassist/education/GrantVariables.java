package org.unionassist.education;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.unionassist.casework.CaseFacts;
import org.unionassist.casework.PersonalData;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The application as forms show it, copied from the grant record (the authoritative copy): the amount with its
 * reason, the standing the hardship files gave, personal data masked.
 */
final class GrantVariables {

    private GrantVariables() {
    }

    static void publish(VariableScope scope, EducationGrant g) {
        scope.setVariable("caseNumber", g.getCaseNumber());
        scope.setVariable("applicantName", g.getStudentName());
        scope.setVariable("studentIdMasked", PersonalData.maskIdNumber(g.getStudentIdNumber()));
        scope.setVariable("workerIdMasked", PersonalData.maskIdNumber(g.getWorkerIdNumber()));
        scope.setVariable("bankCardMasked", PersonalData.maskBankCard(g.getBankCard()));
        scope.setVariable("relationshipLabel", g.getRelationship().label());
        scope.setVariable("levelLabel", g.getLevel().label());
        scope.setVariable("standingLabel", g.getStanding().label());
        scope.setVariable("standingShown", standingShown(g));
        scope.setVariable("temporaryHardship", g.getStanding().temporary());
        scope.setVariable("grantAmount", g.getAmount().toPlainString());
        scope.setVariable("amountReason", g.getAmountReason());
        scope.setVariable("grantYear", g.getGrantYear());
        facts(g).publish(scope);
    }

    static String standingShown(EducationGrant g) {
        return g.getStanding().temporary()
                ? "困难职工档案中没有该家庭的在档记录，按临时困难申请；临时困难原因：" + g.getTemporaryCause()
                : g.getStanding().label() + "（档案号 " + g.getHouseholdFileNumber() + "，以困难职工档案为准）";
    }

    static CaseFacts facts(EducationGrant g) {
        return new CaseFacts()
                .add("案件号", g.getCaseNumber())
                .add("资助年度", g.getGrantYear())
                .add("学生", g.getStudentName() + "（" + PersonalData.maskIdNumber(g.getStudentIdNumber()) + "，"
                        + g.getRelationship().label() + "）")
                .add("职工", g.getWorkerName() + "（" + PersonalData.maskIdNumber(g.getWorkerIdNumber()) + "）")
                .add("就读学校", g.getSchoolName())
                .add("就读层次及年级", g.getLevel().label() + " 第" + g.getYearOfStudy() + "学年")
                .add("入学或在读证明", g.getProofKind().label() + "（已查验原件）")
                .add("家庭困难情况", standingShown(g))
                .add("拟资助金额（元）", g.getAmount().toPlainString())
                .add("测算依据", g.getAmountReason())
                .add("收款银行卡", PersonalData.maskBankCard(g.getBankCard()));
    }

    /**
     * What an auditor keeps with each sign-off: ID numbers and card masked; under the keys the forms label (the
     * auditors' workspace shows each value under its form's label).
     */
    static Map<String, Object> snapshot(EducationGrant g) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("caseNumber", g.getCaseNumber());
        s.put("grantYear", g.getGrantYear());
        s.put("studentName", g.getStudentName());
        s.put("studentIdMasked", PersonalData.maskIdNumber(g.getStudentIdNumber()));
        s.put("relationship", g.getRelationship().label());
        s.put("workerName", g.getWorkerName());
        s.put("workerIdMasked", PersonalData.maskIdNumber(g.getWorkerIdNumber()));
        s.put("schoolName", g.getSchoolName());
        s.put("level", g.getLevel().label());
        s.put("yearOfStudy", g.getYearOfStudy());
        s.put("standing", g.getStanding().label());
        s.put("householdFileNumber", g.getHouseholdFileNumber());
        s.put("temporaryHardshipCause", g.getTemporaryCause());
        s.put("grantAmount", g.getAmount());
        s.put("amountReason", g.getAmountReason());
        s.put("bankCardMasked", PersonalData.maskBankCard(g.getBankCard()));
        s.put("status", g.getStatus().label());
        return s;
    }
}
