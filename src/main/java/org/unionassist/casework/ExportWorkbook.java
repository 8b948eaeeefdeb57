package org.unionassist.casework;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An xlsx file as every export writes it (the auditors' and the programmes' lists): every sheet opens with a line saying what it holds and who exported
 * it when, then a bold header row, then rows of text and amounts (numbers with two decimals, so that Excel sums them).
 * Text is always written as text, never as a formula. Column widths are estimated from the text (a Chinese character
 * counts twice), since measuring fonts needs a desktop the server does not have.
 */
public final class ExportWorkbook {

    /** Excel's limit for one cell's text. */
    private static final int MAX_CELL_TEXT = 32_767;
    private static final int MAX_COLUMN_CHARS = 60;

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle titleStyle;
    private final CellStyle headerStyle;
    private final CellStyle textStyle;
    private final CellStyle amountStyle;
    private int dataRows;

    public ExportWorkbook() {
        Font bold = workbook.createFont();
        bold.setBold(true);
        titleStyle = workbook.createCellStyle();
        titleStyle.setFont(bold);
        headerStyle = workbook.createCellStyle();
        headerStyle.setFont(bold);
        textStyle = workbook.createCellStyle();
        textStyle.setWrapText(true);
        textStyle.setVerticalAlignment(VerticalAlignment.TOP);
        amountStyle = workbook.createCellStyle();
        amountStyle.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
        amountStyle.setVerticalAlignment(VerticalAlignment.TOP);
    }

    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** An export as the browser downloads it: never cached, named in Chinese with an ASCII name for old clients. */
    public static ResponseEntity<byte[]> download(String fileName, String asciiFileName, byte[] content) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName, asciiFileName))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(content);
    }

    /** {@code attachment} with the ASCII name for old clients and the Chinese one as RFC 5987 {@code filename*}. */
    static String attachment(String fileName, String asciiFileName) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return "attachment; filename=\"" + asciiFileName + "\"; filename*=UTF-8''" + encoded;
    }

    /** A new sheet: its first line, then the header row. */
    public Table sheet(String name, String firstLine, List<String> columns) {
        return new Table(workbook.createSheet(name), firstLine, columns);
    }

    /** Rows written below the header rows of every sheet so far (what the export record counts). */
    public int dataRows() {
        return dataRows;
    }

    public byte[] bytes() {
        try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the export workbook", e);
        }
    }

    /** One sheet being written, row after row. */
    public final class Table {
        private final Sheet sheet;
        private final List<Integer> widths = new ArrayList<>();
        private int next;

        private Table(Sheet sheet, String firstLine, List<String> columns) {
            this.sheet = sheet;
            Row title = sheet.createRow(next++);
            title.createCell(0).setCellValue(text(firstLine));
            title.getCell(0).setCellStyle(titleStyle);
            if (columns.size() > 1) {
                sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns.size() - 1));
            }
            header(columns);
            sheet.createFreezePane(0, next);
            for (int i = 0; i < columns.size(); i++) {
                widen(i, columns.get(i));
            }
        }

        /** A further bold row of headings inside the sheet (a section of its own). */
        public Table header(List<String> columns) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < columns.size(); i++) {
                row.createCell(i).setCellValue(columns.get(i));
                row.getCell(i).setCellStyle(headerStyle);
            }
            return this;
        }

        /** A row of values: amounts (BigDecimal) as numbers, anything else as its text, null as an empty cell. */
        public Table row(List<?> values) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value == null) {
                    continue;
                }
                var cell = row.createCell(i);
                if (value instanceof BigDecimal amount) {
                    cell.setCellValue(amount.doubleValue());
                    cell.setCellStyle(amountStyle);
                    widen(i, amount.toPlainString() + ",,");
                } else {
                    String text = text(value.toString());
                    cell.setCellValue(text);
                    cell.setCellStyle(textStyle);
                    widen(i, text);
                }
            }
            dataRows++;
            return this;
        }

        public Table row(Object... values) {
            return row(java.util.Arrays.asList(values));
        }

        /** A row saying that there is nothing to list. */
        public Table none() {
            Row row = sheet.createRow(next++);
            row.createCell(0).setCellValue("（无记录）");
            return this;
        }

        public Table blank() {
            next++;
            return this;
        }

        /** Sets the column widths from the widest text of each column. */
        public void finish() {
            for (int i = 0; i < widths.size(); i++) {
                sheet.setColumnWidth(i, Math.min(MAX_COLUMN_CHARS, Math.max(6, widths.get(i) + 2)) * 256);
            }
        }

        private void widen(int column, String text) {
            while (widths.size() <= column) {
                widths.add(0);
            }
            int widest = 0;
            for (String line : text.split("\n")) {
                widest = Math.max(widest, line.codePoints().map(c -> c < 0x1100 ? 1 : 2).sum());
            }
            widths.set(column, Math.max(widths.get(column), widest));
        }
    }

    private static String text(String value) {
        return value.length() <= MAX_CELL_TEXT ? value : value.substring(0, MAX_CELL_TEXT - 1) + "…";
    }
}
