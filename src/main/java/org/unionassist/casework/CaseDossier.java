package org.unionassist.casework;

import java.util.List;

/**
 * What a programme shows an auditor of the records a case touched beyond its own sign-offs: the household file, the
 * membership, the list or campaign it belongs to. Each programme offers one bean; the auditors' case view shows every
 * section the beans return, so it needs no code per programme. Masked personal data only.
 */
public interface CaseDossier {

    /** The sections for this case, or none when the case is not one of this programme's processes. */
    List<Section> sectionsOf(String processDefinitionKey, String processInstanceId);

    /** A titled table: its column headings and rows of shown values. */
    record Section(String title, List<String> columns, List<List<String>> rows) {

        public static Section facts(String title, List<List<String>> itemAndValue) {
            return new Section(title, List.of("项目", "内容"), itemAndValue);
        }
    }
}
