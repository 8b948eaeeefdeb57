package org.unionassist.medical;

import org.unionassist.casework.CaseworkError;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.unionassist.casework.UnionAssistException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an enrolment list from an uploaded file: Excel (.xlsx/.xls, first sheet, columns 姓名 and 身份证号, read as
 * the cells display so long ID numbers are not turned into numbers) or CSV in UTF-8.
 */
public final class RosterFile {

    private RosterFile() {
    }

    public static List<RosterEntry> read(String fileName, InputStream content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
                return excel(content);
            }
            if (name.endsWith(".csv") || name.endsWith(".txt")) {
                String text = new String(content.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
                return Roster.lines(text, "上传名单");
            }
        } catch (IOException e) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "名单文件无法读取：请上传 Excel（.xlsx）或 CSV 文件");
        }
        throw new UnionAssistException(CaseworkError.INVALID_INPUT, "名单文件只支持 Excel（.xlsx/.xls）或 CSV 格式");
    }

    private static List<RosterEntry> excel(InputStream content) throws IOException {
        List<RosterEntry> entries = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (Workbook workbook = WorkbookFactory.create(content)) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                String name = formatter.formatCellValue(row.getCell(0, Row.MissingCellPolicy.RETURN_BLANK_AS_NULL));
                Cell idCell = row.getCell(1, Row.MissingCellPolicy.RETURN_BLANK_AS_NULL);
                String id = formatter.formatCellValue(idCell);
                if (name.isBlank() && id.isBlank()) {
                    continue;
                }
                RosterEntry entry = Roster.line(name + "," + id, "上传名单第" + (row.getRowNum() + 1) + "行");
                if (entry != null) {
                    entries.add(entry);
                }
            }
        } catch (org.apache.poi.EmptyFileException | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "名单文件不是有效的 Excel 文件");
        }
        return entries;
    }
}
