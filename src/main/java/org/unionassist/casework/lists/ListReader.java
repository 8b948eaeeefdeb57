package org.unionassist.casework.lists;

import org.apache.poi.EmptyFileException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.camunda.spin.json.SpinJsonNode;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.Refusals;
import org.unionassist.casework.UnionAssistException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.camunda.spin.Spin.JSON;

/**
 * Reads a list through the columns a programme declares, from wherever people keep it: rows typed into a form's
 * dynamic list, lines pasted from a spreadsheet ("王芳,110105…" or tab-separated), or an uploaded CSV (UTF-8) or Excel
 * file (first sheet, columns in the declared order, read as the cells display so long ID numbers stay text). Blank
 * rows and header lines (naming two or more of the columns) are skipped. Every row carries its source
 * ("粘贴名单第3行"); a list is read to its end and every line a column refuses is named in one refusal
 * ("上传名单第3行：身份证号…无效", see {@link Refusals}). Nothing here logs, and refusals never repeat a raw cell.
 */
public final class ListReader<R> {

    private static final Pattern SEPARATOR = Pattern.compile("[,，\\t;；]");
    private static final String UPLOADED = "上传名单";
    private static final Charset SPREADSHEET_CHINESE = Charset.forName("GB18030");
    private static final String COUNTS = "一两三四五六七八九十";

    private final String listName;
    private final List<ListColumn<?>> columns;
    private final Function<ListRow, R> toRow;
    private final int requiredCount;
    private final String uploaded;

    private ListReader(String listName, List<ListColumn<?>> columns, Function<ListRow, R> toRow) {
        this(listName, columns, toRow, UPLOADED);
    }

    private ListReader(String listName, List<ListColumn<?>> columns, Function<ListRow, R> toRow, String uploaded) {
        this.uploaded = uploaded;
        this.listName = listName;
        this.columns = List.copyOf(columns);
        this.toRow = toRow;
        int required = 0;
        for (int i = 0; i < this.columns.size(); i++) {
            if (this.columns.get(i).required()) {
                required = i + 1;
            }
        }
        this.requiredCount = required;
    }

    /**
     * A reader of the list called {@code listName} ("参保名单", for "参保名单格式不正确"), with its columns in the order
     * lines and files give them, and what a programme makes of a read row.
     */
    public static <R> ListReader<R> of(String listName, List<ListColumn<?>> columns, Function<ListRow, R> toRow) {
        return new ListReader<>(listName, columns, toRow);
    }

    /** The same reader, naming an uploaded file's rows by {@code where} ("银行回单第3行") instead of 上传名单. */
    public ListReader<R> uploadedAs(String where) {
        return new ListReader<>(listName, columns, toRow, where);
    }

    /**
     * A CSV file's text: UTF-8 (with or without its byte-order mark), or, when the bytes are not UTF-8, the GB18030 a
     * Chinese Excel saves "CSV" in.
     */
    static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString()
                    .replace("\uFEFF", "");
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, SPREADSHEET_CHINESE);
        }
    }

    /** Rows of a form's dynamic list whose fields are the columns' keys. */
    public List<R> rows(Object raw, String sourceFormat) {
        return rows(raw, sourceFormat, columns.stream().map(ListColumn::key).toList());
    }

    /**
     * Rows of a form's dynamic list (a JSON array of objects, {@code fieldKeys} in column order); each row's source is
     * its own {@code source} field when it has one, else {@code sourceFormat} with the row number ("逐个录入第%d人").
     */
    public List<R> rows(Object raw, String sourceFormat, List<String> fieldKeys) {
        List<R> result = new ArrayList<>();
        if (raw == null) {
            return result;
        }
        SpinJsonNode list = raw instanceof SpinJsonNode node ? node : JSON(raw);
        if (!list.isArray()) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, listName + "格式不正确");
        }
        Refusals refusals = new Refusals(listName);
        int number = 0;
        for (SpinJsonNode item : list.elements()) {
            number++;
            List<String> cells = fieldKeys.stream().map(key -> field(item, key)).toList();
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            String given = field(item, "source");
            String source = given.isBlank() ? sourceFormat.formatted(number) : given;
            refusals.attempt(() -> row(cells, source)).ifPresent(result::add);
        }
        refusals.throwIfAny();
        return result;
    }

    /** Pasted lines, or the text of a CSV file; each line's source is {@code where} with its number ("粘贴名单第3行"). */
    public List<R> lines(String text, String where) {
        List<R> result = new ArrayList<>();
        Refusals refusals = new Refusals(listName);
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty()) {
                cellsOf(Arrays.asList(SEPARATOR.split(line)), where + "第" + (i + 1) + "行", result, refusals);
            }
        }
        refusals.throwIfAny();
        return result;
    }

    /** An uploaded Excel (.xlsx/.xls) or CSV (.csv/.txt, UTF-8) file; sources read "上传名单第3行". */
    public List<R> file(String fileName, InputStream content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
                return excel(content);
            }
            if (name.endsWith(".csv") || name.endsWith(".txt")) {
                return lines(text(content.readAllBytes()), uploaded);
            }
        } catch (IOException e) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "名单文件无法读取：请上传 Excel（.xlsx）或 CSV 文件");
        }
        throw new UnionAssistException(CaseworkError.INVALID_INPUT, "名单文件只支持 Excel（.xlsx/.xls）或 CSV 格式");
    }

    private List<R> excel(InputStream content) throws IOException {
        List<R> result = new ArrayList<>();
        Refusals refusals = new Refusals(listName);
        DataFormatter formatter = new DataFormatter();
        try (Workbook workbook = WorkbookFactory.create(content)) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < columns.size(); c++) {
                    cells.add(formatter.formatCellValue(row.getCell(c, Row.MissingCellPolicy.RETURN_BLANK_AS_NULL)));
                }
                // as in a pasted line, trailing empty cells are missing cells
                while (!cells.isEmpty() && cells.get(cells.size() - 1).isBlank()) {
                    cells.remove(cells.size() - 1);
                }
                if (!cells.isEmpty()) {
                    cellsOf(cells, uploaded + "第" + (row.getRowNum() + 1) + "行", result, refusals);
                }
            }
        } catch (EmptyFileException | NotOfficeXmlFileException e) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "名单文件不是有效的 Excel 文件");
        }
        refusals.throwIfAny();
        return result;
    }

    /** The cells of a line or spreadsheet row: a header is skipped, a line short of the required columns refused. */
    private void cellsOf(List<String> cells, String source, List<R> result, Refusals refusals) {
        if (isHeader(cells)) {
            return;
        }
        refusals.attempt(() -> {
            if (cells.size() < requiredCount) {
                throw new UnionAssistException(CaseworkError.INVALID_INPUT, source + "应为“" + columns
                        .subList(0, requiredCount).stream().map(ListColumn::label).collect(Collectors.joining(","))
                        + "”" + count(requiredCount) + "列");
            }
            return row(cells, source);
        }).ifPresent(result::add);
    }

    /**
     * A header line names at least two of the columns (one, for a list of one column): a single cell that happens to
     * contain a header word ("慰问品" as what was given) is data.
     */
    private boolean isHeader(List<String> cells) {
        long named = columns.stream().filter(c -> cells.stream().anyMatch(cell -> cell.contains(c.headerWord()))).count();
        return named >= Math.min(2, columns.size());
    }

    private R row(List<String> cells, String source) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            ListColumn<?> column = columns.get(i);
            String text = i < cells.size() ? cells.get(i).strip() : "";
            values.put(column.key(), text.isEmpty() && !column.required() ? null : parse(column, text, source));
        }
        return toRow.apply(new ListRow(source, values));
    }

    private static Object parse(ListColumn<?> column, String text, String source) {
        try {
            return column.parser().parse(text);
        } catch (CellRefused refused) {
            throw new UnionAssistException(refused.errorCode(), source + "：" + column.label() + refused.getMessage());
        }
    }

    private static String count(int n) {
        return n <= COUNTS.length() ? String.valueOf(COUNTS.charAt(n - 1)) : String.valueOf(n);
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
