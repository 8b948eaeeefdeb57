package org.unionassist.medical;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.unionassist.casework.UnionAssistException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Enrolment lists read from Excel and CSV files as grassroots unions keep them. */
class RosterFileTest {

    static byte[] excel(Object[][] rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("参保名单");
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(rows[r][c]));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void readsTheFirstSheetOfAnExcelFileSkippingTheHeaderAndBlankRows() throws IOException {
        byte[] file = excel(new Object[][]{{"姓名", "身份证号"}, {"王芳", "11010519491231002X"}, {"", ""},
                {"李雷", "110105194912310029"}});

        assertThat(RosterFile.read("名单.xlsx", new ByteArrayInputStream(file)))
                .containsExactly(new RosterEntry("王芳", "11010519491231002X", "上传名单第2行"),
                        new RosterEntry("李雷", "110105194912310029", "上传名单第4行"));
    }

    @Test
    void readsAUtf8CsvFileWithABom() {
        byte[] file = "\uFEFF姓名,身份证号\r\n王芳,11010519491231002X\r\n".getBytes(StandardCharsets.UTF_8);

        assertThat(RosterFile.read("list.CSV", new ByteArrayInputStream(file)))
                .containsExactly(new RosterEntry("王芳", "11010519491231002X", "上传名单第2行"));
    }

    @Test
    void refusesANameCellThatIsANumberOrAListNamingTheRow() throws IOException {
        byte[] numeric = excel(new Object[][]{{"姓名", "身份证号"}, {"王芳", "11010519491231002X"},
                {1.0E308, "110105194912310029"}});
        assertThatThrownBy(() -> RosterFile.read("名单.xlsx", new ByteArrayInputStream(numeric)))
                .isInstanceOf(UnionAssistException.class)
                .hasMessageStartingWith("上传名单第3行的姓名应为2至30个汉字或字母");
        byte[] csv = "王芳,11010519491231002X\n[1;2],110105194912310029\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RosterFile.read("list.csv", new ByteArrayInputStream(csv)))
                .isInstanceOf(UnionAssistException.class)
                .hasMessageStartingWith("上传名单第2行的姓名应为2至30个汉字或字母");
    }

    @Test
    void refusesOtherFilesAndBrokenSpreadsheets() {
        assertThatThrownBy(() -> RosterFile.read("名单.pdf", new ByteArrayInputStream(new byte[1])))
                .isInstanceOf(UnionAssistException.class).hasMessageContaining("只支持 Excel");
        assertThatThrownBy(() -> RosterFile.read("名单.xlsx", new ByteArrayInputStream("not excel".getBytes())))
                .isInstanceOf(UnionAssistException.class);
    }
}
