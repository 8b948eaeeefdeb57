package org.unionassist.casework;

import java.util.List;

/**
 * What a programme shows an auditor of the records a case touched beyond its own sign-offs: the household file, the
 * membership, the list or campaign it belongs to. Each programme offers one bean; the auditors' case view shows every
 * section the beans return, so it needs no code per programme. Masked personal data only.
 */
public interface CaseDossier {

    /**
     * The sections for this case (its process, instance and number, the instance's business key), or none when the
     * case is not one of this programme's processes.
     */
    List<Section> sectionsOf(String processDefinitionKey, String processInstanceId, String caseNumber);

    /** A titled table: its column headings and rows of shown values. */
    record Section(String title, List<String> columns, List<List<String>> rows) {

        /** A section of 项目 / 内容 pairs; pairs without a value are left out. */
        public static Section facts(String title, String... itemsAndValues) {
            List<List<String>> rows = new java.util.ArrayList<>();
            for (int i = 0; i + 1 < itemsAndValues.length; i += 2) {
                if (itemsAndValues[i + 1] != null && !itemsAndValues[i + 1].isBlank()) {
                    rows.add(List.of(itemsAndValues[i], itemsAndValues[i + 1]));
                }
            }
            return new Section(title, List.of("项目", "内容"), rows);
        }
    }

    /** A value as a section shows it: empty for none. */
    static String shown(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.math.BigDecimal amount ? amount.toPlainString() : value.toString();
    }
}
