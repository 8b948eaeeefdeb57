package org.unionassist.medical;

import org.unionassist.casework.CaseworkError;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.unionassist.casework.FormValues;
import org.unionassist.casework.Money;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.signoff.CaseRecordPolicy;
import org.unionassist.casework.signoff.Decision;
import org.unionassist.casework.signoff.SignedValues;
import org.unionassist.casework.signoff.StepRules;

import java.math.BigDecimal;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

/**
 * What a claim sign-off adds: the unions, claim number, payout and approval level change only through the claim
 * record; the grassroots document check needs every required document; a reviewer corrects the critical-illness
 * grade or the self-paid amount only with a reason (and the payout is recomputed); a zero payout cannot be approved.
 */
@Component
public class ClaimRecords implements CaseRecordPolicy {

    public static final String PROCESS = "medicalAidClaim";

    private final MedicalClaims claims;

    public ClaimRecords(MedicalClaims claims) {
        this.claims = claims;
    }

    @Override
    public boolean appliesTo(String processDefinitionKey) {
        return PROCESS.equals(processDefinitionKey);
    }

    @Override
    public void verifyUntouched(DelegateTask task) {
        MedicalClaim c = claims.byProcessInstance(task.getProcessInstanceId());
        Map<String, String> expected = new HashMap<>();
        expected.put("grassrootsUnion", c.getGrassrootsUnionId());
        expected.put("districtUnion", c.getDistrictUnionId());
        expected.put("cityUnion", c.getCityUnionId());
        expected.put("caseNumber", c.getCaseNumber());
        expected.put("approvalLevel", c.getApprovalLevel().code());
        expected.put("proposedPayout", c.getProposedPayout().toPlainString());
        CaseRecordPolicy.requireUnchanged(task, expected, "理赔案件的归属单位、编号、拟赔付金额和审批层级不能在办理时直接修改");
    }

    
    @Override
    public SignedValues beforeSignOff(DelegateTask task, Decision decision, StepRules step) {
        MedicalClaim c = claims.byProcessInstance(task.getProcessInstanceId());
        if (step.stepId().equals("documentCheck") && decision == Decision.SUBMIT) {
            checkDocuments(task, c);
        }
        if (step.correction() && decision != Decision.RETURN) {
            applyCorrection(task, c);
        }
        if (decision == Decision.APPROVE && c.getProposedPayout().signum() == 0) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT,
                    "按规则测算本案赔付为0元，不能同意赔付：请选择不予赔付并说明理由");
        }
        return new SignedValues(c.getClaimType().code(), c.getClaimType().label(), c.getProposedPayout(), null);
    }

    private void checkDocuments(DelegateTask task, MedicalClaim c) {
        String ticked = ClaimDocuments.ticked(task);
        List<String> missing = ClaimDocuments.missing(ticked, c.getClaimType());
        if (!missing.isEmpty()) {
            throw new UnionAssistException(MedicalError.DOCUMENTS_MISSING,
                    "材料不全，缺少：" + String.join("、", missing) + "。请退回补充材料");
        }
    }

    private void applyCorrection(DelegateTask task, MedicalClaim c) {
        Object type = task.getVariable("correctedClaimType");
        Object selfPaid = task.getVariable("correctedSelfPaid");
        String reason = FormValues.text(task, "correctionReason");
        task.setVariable("correctedClaimType", null);
        task.setVariable("correctedSelfPaid", null);
        task.setVariable("correctionReason", null);
        ClaimType newType = type == null || type.toString().isBlank() ? null : ClaimType.fromCode(type);
        BigDecimal newSelfPaid = selfPaid == null || selfPaid.toString().isBlank() ? null
                : Money.fromVariable(selfPaid, "核定个人自付金额");
        if (claims.correct(c, newType, newSelfPaid, reason)) {
            ClaimVariables.publish(task.getExecution(), c);
        }
    }

    @Override
    public Map<String, Object> snapshot(DelegateTask task) {
        return ClaimVariables.snapshot(claims.byProcessInstance(task.getProcessInstanceId()));
    }

    @Override
    public String caseNumber(DelegateTask task) {
        return (String) task.getVariable("caseNumber");
    }
}
