package org.unionassist.medical;

import org.unionassist.casework.CaseworkError;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.unionassist.casework.UnionAssistException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.camunda.spin.Spin.JSON;

/**
 * The workers of an enrolment as the form flow brings them: entered one by one ({@code workers}), pasted from a
 * spreadsheet or CSV file ({@code rosterText}: "姓名,身份证号" or tab-separated, one per line), or read from an
 * uploaded Excel/CSV file ({@code rosterUpload}, see {@link RosterFile}).
 */
public final class Roster {

    private static final Pattern SEPARATOR = Pattern.compile("[,，\\t;；]");

    private Roster() {
    }

    public static List<RosterEntry> from(VariableScope v) {
        List<RosterEntry> entries = new ArrayList<>();
        entries.addAll(listed(v.getVariable("workers"), "workerName", "workerIdNumber", "逐个录入第%d人"));
        Object text = v.getVariable("rosterText");
        if (text != null) {
            entries.addAll(lines(text.toString(), "粘贴名单"));
        }
        entries.addAll(listed(v.getVariable("rosterUpload"), "name", "idNumber", "上传名单第%d行"));
        return entries;
    }

    /** "name, ID number" lines (pasted, or a CSV file), each named "<where>第N行" for refusals. */
    static List<RosterEntry> lines(String text, String where) {
        List<RosterEntry> entries = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            RosterEntry entry = line(lines[i], where + "第" + (i + 1) + "行");
            if (entry != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** A "name, ID number" line; blank lines and a header line (containing 姓名 or 身份证) are skipped. */
    static RosterEntry line(String line, String source) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.contains("姓名") || trimmed.contains("身份证")) {
            return null;
        }
        String[] cells = SEPARATOR.split(trimmed);
        if (cells.length < 2) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, source + "应为“姓名,身份证号”两列");
        }
        return new RosterEntry(cells[0].strip(), cells[1].strip(), source);
    }

    private static List<RosterEntry> listed(Object raw, String nameKey, String idKey, String sourceFormat) {
        List<RosterEntry> entries = new ArrayList<>();
        if (raw == null) {
            return entries;
        }
        SpinJsonNode list = raw instanceof SpinJsonNode node ? node : JSON(raw);
        if (!list.isArray()) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "参保名单格式不正确");
        }
        int row = 0;
        for (SpinJsonNode item : list.elements()) {
            row++;
            String name = field(item, nameKey);
            String id = field(item, idKey);
            if (name.isBlank() && id.isBlank()) {
                continue;
            }
            String source = field(item, "source");
            entries.add(new RosterEntry(name.strip(), id.strip(),
                    source.isBlank() ? sourceFormat.formatted(row) : source));
        }
        return entries;
    }

    /** A row's cell as text; a list or object where a value belongs comes back as its JSON, for the checks to refuse. */
    private static String field(SpinJsonNode node, String name) {
        if (!node.hasProp(name) || node.prop(name).isNull()) {
            return "";
        }
        SpinJsonNode cell = node.prop(name);
        return cell.isValue() ? cell.value().toString() : cell.toString();
    }
}
