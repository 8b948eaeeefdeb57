package org.unionassist.medical;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.unionassist.casework.Checklist;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The documents a claim needs (domain.md §2), as checkboxes on the claim forms: claim form, ID, bank card, insurance
 * settlement sheet, discharge record, invoices; and the pathology report for critical illness.
 */
final class ClaimDocuments {

    static final String PATHOLOGY_REPORT = "docPathologyReport";

    static final Checklist CHECKLIST = new Checklist(orderedItems());

    private static Map<String, String> orderedItems() {
        Map<String, String> items = new LinkedHashMap<>();
        items.put("docClaimForm", "理赔申请表");
        items.put("docIdCard", "身份证");
        items.put("docBankCard", "银行卡");
        items.put("docSettlementSheet", "医保结算单");
        items.put("docDischargeRecord", "出院记录");
        items.put("docInvoices", "医疗费用发票");
        items.put(PATHOLOGY_REPORT, "病理报告（重大疾病）");
        return items;
    }

    private ClaimDocuments() {
    }

    static String ticked(VariableScope v) {
        return CHECKLIST.ticked(v);
    }

    /** Refuses a document check that lacks a document this type of claim needs (pathology only for critical illness). */
    static void requireComplete(VariableScope v, ClaimType type) {
        CHECKLIST.requireComplete(v, key -> type.criticalIllness() || !key.equals(PATHOLOGY_REPORT),
                "请退回补充材料");
    }
}
