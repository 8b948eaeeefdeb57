package org.unionassist.medical;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.unionassist.casework.lists.ListCells;
import org.unionassist.casework.lists.ListColumn;
import org.unionassist.casework.lists.ListReader;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The workers of an enrolment as the form flow brings them: entered one by one ({@code workers}), pasted from a
 * spreadsheet or CSV file ({@code rosterText}: "姓名,身份证号" or tab-separated, one per line), or read from an
 * uploaded Excel/CSV file ({@link #file}, then passed on as {@code rosterUpload}). The columns take the text as it
 * is: {@link Enrolments#register} checks names and ID numbers, for demo lists too.
 */
public final class Roster {

    static final ListColumn<String> NAME = ListColumn.required("name", "姓名", ListCells.anyText());
    static final ListColumn<String> ID_NUMBER = ListColumn.required("idNumber", "身份证号", ListCells.anyText())
            .headedBy("身份证");
    private static final ListReader<RosterEntry> READER = ListReader.of("参保名单", List.of(NAME, ID_NUMBER),
            row -> new RosterEntry(row.get(NAME), row.get(ID_NUMBER), row.source()));

    private Roster() {
    }

    public static List<RosterEntry> from(VariableScope v) {
        List<RosterEntry> entries = new ArrayList<>();
        entries.addAll(READER.rows(v.getVariable("workers"), "逐个录入第%d人", List.of("workerName", "workerIdNumber")));
        Object text = v.getVariable("rosterText");
        if (text != null) {
            entries.addAll(READER.lines(text.toString(), "粘贴名单"));
        }
        entries.addAll(READER.rows(v.getVariable("rosterUpload"), "上传名单第%d行"));
        return entries;
    }

    /** An uploaded Excel (.xlsx/.xls) or CSV file, columns 姓名 and 身份证号. */
    public static List<RosterEntry> file(String fileName, InputStream content) {
        return READER.file(fileName, content);
    }
}
