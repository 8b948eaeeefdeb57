package org.unionassist.medical;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.unionassist.casework.PersonalData;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The claim as forms show it, copied from the claim record (the authoritative copy): amounts as text with two
 * decimals, personal data masked, and the payout with the lines that explain it.
 */
final class ClaimVariables {

    private ClaimVariables() {
    }

    static void publish(VariableScope scope, MedicalClaim c) {
        Membership m = c.getMembership();
        scope.setVariable("caseNumber", c.getCaseNumber());
        scope.setVariable("applicantName", c.getMemberName());
        scope.setVariable("memberIdMasked", PersonalData.maskIdNumber(c.getIdNumber()));
        scope.setVariable("bankCardMasked", PersonalData.maskBankCard(c.getBankCard()));
        scope.setVariable("claimTypeLabel", c.getClaimType().label());
        scope.setVariable("claimTypeShown", c.getClaimType().code());
        scope.setVariable("planYear", c.getPlanYear());
        scope.setVariable("membershipShown", "参保起始日 " + m.getCoverageSince() + "，免责期至 "
                + m.getWaitingPeriodLastDay() + "，本年度已核准赔付 " + m.getApprovedTotal().toPlainString() + " 元");
        scope.setVariable("treatmentShown", c.getAdmissionDate() + " 至 " + c.getDischargeDate());
        scope.setVariable("costsShown", "总费用 " + c.getTotalCost().toPlainString() + " 元，基本医保支付 "
                + c.getInsurancePaid().toPlainString() + " 元，个人自付 " + c.getSelfPaid().toPlainString() + " 元");
        scope.setVariable("proposedPayout", c.getProposedPayout().toPlainString());
        scope.setVariable("payoutBreakdown", c.getPayoutBreakdown());
        scope.setVariable("approvalLevel", c.getApprovalLevel().code());
        scope.setVariable("approvalLevelLabel", c.getApprovalLevel().label());
        scope.setVariable("correctionReasonShown", c.getCorrectionReason() == null ? "" : c.getCorrectionReason());
    }

    /** What an auditor keeps with each sign-off. The diagnosis stays out; ID and card are masked. */
    static Map<String, Object> snapshot(MedicalClaim c) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("claimNumber", c.getCaseNumber());
        s.put("memberName", c.getMemberName());
        s.put("memberIdMasked", PersonalData.maskIdNumber(c.getIdNumber()));
        s.put("planYear", c.getPlanYear());
        s.put("claimType", c.getClaimType().label());
        s.put("admissionDate", c.getAdmissionDate().toString());
        s.put("dischargeDate", c.getDischargeDate().toString());
        s.put("totalCost", c.getTotalCost());
        s.put("insurancePaid", c.getInsurancePaid());
        s.put("selfPaid", c.getSelfPaid());
        s.put("documents", c.getDocuments());
        s.put("proposedPayout", c.getProposedPayout());
        s.put("payoutBreakdown", c.getPayoutBreakdown());
        s.put("approvalLevel", c.getApprovalLevel().label());
        s.put("correctionReason", c.getCorrectionReason());
        s.put("bankCardMasked", PersonalData.maskBankCard(c.getBankCard()));
        return s;
    }
}
