package org.unionassist.medical;

import org.unionassist.casework.CaseworkError;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.unionassist.casework.FormValues;
import org.unionassist.casework.PersonalData;
import org.unionassist.casework.UnionAssistException;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A claim as the grassroots clerk entered it, validated field by field (personal data checked, amounts exact). */
public record ClaimData(String memberIdNumber, ClaimType claimType, LocalDate admissionDate, LocalDate dischargeDate,
                        BigDecimal totalCost, BigDecimal insurancePaid, BigDecimal selfPaid, String diagnosis,
                        String bankCard, String documents) {

    public static ClaimData from(VariableScope v, LocalDate today) {
        String id = PersonalData.requireValidIdNumber(FormValues.text(v, "memberIdNumber"), "职工", today);
        ClaimType type = ClaimType.fromCode(v.getVariable("claimType"));
        LocalDate admission = FormValues.requiredDate(v, "admissionDate", "入院（确诊）日期");
        LocalDate discharge = FormValues.requiredDate(v, "dischargeDate", "出院日期");
        if (discharge.isBefore(admission)) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "出院日期不能早于入院（确诊）日期");
        }
        if (discharge.isAfter(today)) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "出院日期不能晚于今天");
        }
        BigDecimal total = FormValues.requiredMoney(v, "totalCost", "医疗总费用");
        BigDecimal insurance = FormValues.requiredMoney(v, "insurancePaid", "基本医保支付金额");
        BigDecimal selfPaid = FormValues.requiredMoney(v, "selfPaid", "个人自付金额");
        if (selfPaid.compareTo(total) > 0) {
            throw new UnionAssistException(MedicalError.CLAIM_AMOUNTS_INCONSISTENT,
                    "个人自付金额（" + selfPaid.toPlainString() + "元）不能超过医疗总费用（" + total.toPlainString() + "元）");
        }
        if (insurance.add(selfPaid).compareTo(total) > 0) {
            throw new UnionAssistException(MedicalError.CLAIM_AMOUNTS_INCONSISTENT,
                    "基本医保支付与个人自付之和不能超过医疗总费用（" + total.toPlainString() + "元）");
        }
        String diagnosis = FormValues.requiredText(v, "diagnosis", "诊断", 200);
        String card = PersonalData.requireValidBankCard(FormValues.text(v, "bankCard"));
        return new ClaimData(id, type, admission, discharge, total, insurance, selfPaid, diagnosis, card,
                ClaimDocuments.ticked(v));
    }
}
