package org.unionassist.hardship;

import org.unionassist.casework.Checklist;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The documents a hardship application needs (domain.md §1), as the checkboxes of the application, home-visit and
 * supplement forms. The home visit's 材料齐全 needs all of them; missing ones go back to the applicant (退回补充).
 */
final class HardshipDocuments {

    static final Checklist CHECKLIST = new Checklist(items());

    private HardshipDocuments() {
    }

    private static Map<String, String> items() {
        Map<String, String> items = new LinkedHashMap<>();
        items.put("docIdAndHukou", "身份证、户口簿");
        items.put("docIncomeProof", "家庭成员收入证明");
        items.put("docCauseProof", "致困原因证明");
        items.put("docIncomePledge", "家庭收入申报承诺书（本人签字）");
        items.put("docDataCheckConsent", "民政经济状况核对授权书（本人签字）");
        return items;
    }
}
