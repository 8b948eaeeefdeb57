package org.unionassist.medical;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.unionassist.casework.FormValues;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The documents a claim needs (domain.md §2), as checkboxes on the claim forms: claim form, ID, bank card, insurance
 * settlement sheet, discharge record, invoices; and the pathology report for critical illness.
 */
final class ClaimDocuments {

    static final Map<String, String> ALL = new LinkedHashMap<>();

    static {
        ALL.put("docClaimForm", "理赔申请表");
        ALL.put("docIdCard", "身份证");
        ALL.put("docBankCard", "银行卡");
        ALL.put("docSettlementSheet", "医保结算单");
        ALL.put("docDischargeRecord", "出院记录");
        ALL.put("docInvoices", "医疗费用发票");
        ALL.put("docPathologyReport", "病理报告（重大疾病）");
    }

    private ClaimDocuments() {
    }

    static String ticked(VariableScope v) {
        return ALL.keySet().stream().filter(key -> FormValues.flag(v, key)).collect(Collectors.joining(","));
    }

    /** Labels of the documents a claim of this type still lacks. */
    static List<String> missing(String ticked, ClaimType type) {
        Set<String> have = ticked == null || ticked.isBlank() ? Set.of() : Set.of(ticked.split(","));
        return ALL.entrySet().stream()
                .filter(d -> type.criticalIllness() || !d.getKey().equals("docPathologyReport"))
                .filter(d -> !have.contains(d.getKey()))
                .map(Map.Entry::getValue).toList();
    }
}
