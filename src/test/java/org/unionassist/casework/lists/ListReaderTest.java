package org.unionassist.casework.lists;

import org.junit.jupiter.api.Test;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.Coded;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.support.IdNumbers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.unionassist.support.Spreadsheets.excel;

/** Lists read from Excel and CSV files, pasted lines and form rows, through the columns a programme declares. */
class ListReaderTest {

    record Worker(String name, String idNumber, String source) {
    }

    static final ListColumn<String> NAME = ListColumn.required("name", "姓名", ListCells.anyText());
    static final ListColumn<String> ID = ListColumn.required("idNumber", "身份证号", ListCells.anyText()).headedBy("身份证");
    static final ListReader<Worker> WORKERS = ListReader.of("名单", List.of(NAME, ID),
            row -> new Worker(row.get(NAME), row.get(ID), row.source()));

    enum Group implements Coded {
        HARDSHIP("hardship", "困难职工"), MODEL_WORKER("modelWorker", "劳模");

        private final String code;
        private final String label;

        Group(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override public String code() { return code; }
        @Override public String label() { return label; }
    }

    record Recipient(String name, String idNumber, Group group, BigDecimal amount, String note, String source) {
    }

    static final LocalDate TODAY = LocalDate.of(2026, 1, 10);
    static final ListColumn<String> R_NAME = ListColumn.required("name", "姓名", ListCells.text(50));
    static final ListColumn<String> R_ID = ListColumn.required("idNumber", "身份证号", ListCells.idNumber(TODAY));
    static final ListColumn<Group> R_GROUP = ListColumn.required("group", "类别", ListCells.oneOf(Group.class));
    static final ListColumn<BigDecimal> R_AMOUNT = ListColumn.required("amount", "金额", ListCells.amount());
    static final ListColumn<String> R_NOTE = ListColumn.optional("note", "备注", ListCells.text(100));
    static final ListReader<Recipient> RECIPIENTS = ListReader.of("慰问名单",
            List.of(R_NAME, R_ID, R_GROUP, R_AMOUNT, R_NOTE), row -> new Recipient(row.get(R_NAME), row.get(R_ID),
                    row.get(R_GROUP), row.get(R_AMOUNT), row.get(R_NOTE), row.source()));

    @Test
    void readsTheFirstSheetOfAnExcelFileSkippingTheHeaderAndBlankRows() throws IOException {
        byte[] file = excel(new Object[][]{{"姓名", "身份证号"}, {"王芳", "11010519491231002X"}, {"", ""},
                {"李雷", "110105194912310029"}});

        assertThat(WORKERS.file("名单.xlsx", new ByteArrayInputStream(file)))
                .containsExactly(new Worker("王芳", "11010519491231002X", "上传名单第2行"),
                        new Worker("李雷", "110105194912310029", "上传名单第4行"));
    }

    @Test
    void aDataCellThatContainsOneHeaderWordIsDataNotAHeader() {
        // "备注" names one column only: the line is a recipient whose note happens to say it
        assertThat(RECIPIENTS.lines("姓名,身份证号,类别,金额,备注\n王芳,11010519491231002X,劳模,800,备注见附件", "粘贴名单"))
                .extracting(Recipient::note).containsExactly("备注见附件");
    }

    @Test
    void readsAUtf8CsvFileWithABom() {
        byte[] file = "\uFEFF姓名,身份证号\r\n王芳,11010519491231002X\r\n".getBytes(StandardCharsets.UTF_8);

        assertThat(WORKERS.file("list.CSV", new ByteArrayInputStream(file)))
                .containsExactly(new Worker("王芳", "11010519491231002X", "上传名单第2行"));
    }

    @Test
    void readsACsvFileAChineseExcelSavedInGb18030UnderItsOwnName() throws Exception {
        byte[] file = "姓名,身份证号\r\n王芳,11010519491231002X\r\n".getBytes(java.nio.charset.Charset.forName("GB18030"));

        assertThat(WORKERS.uploadedAs("银行回单").file("回单.csv", new ByteArrayInputStream(file)))
                .containsExactly(new Worker("王芳", "11010519491231002X", "银行回单第2行"));
    }

    @Test
    void refusesOtherFilesAndBrokenSpreadsheets() {
        assertThatThrownBy(() -> WORKERS.file("名单.pdf", new ByteArrayInputStream(new byte[1])))
                .isInstanceOf(UnionAssistException.class).hasMessageContaining("只支持 Excel");
        assertThatThrownBy(() -> WORKERS.file("名单.xlsx", new ByteArrayInputStream("not excel".getBytes())))
                .isInstanceOf(UnionAssistException.class);
    }

    @Test
    void readsTypedColumnsFromPastedLinesWithTheOptionalColumnLeftOut() {
        String wang = IdNumbers.next();
        String li = IdNumbers.next().replace('X', 'x');

        assertThat(RECIPIENTS.lines("姓名\t身份证号\t类别\t金额\t备注\n王芳\t" + wang + "\t困难职工\t1000\t\n\n"
                + "李雷，" + li + "，modelWorker，800.50，春节前送达", "粘贴名单"))
                .containsExactly(new Recipient("王芳", wang, Group.HARDSHIP, new BigDecimal("1000.00"), null, "粘贴名单第2行"),
                        new Recipient("李雷", li.toUpperCase(), Group.MODEL_WORKER, new BigDecimal("800.50"),
                                "春节前送达", "粘贴名单第4行"));
    }

    @Test
    void refusesACellNamingItsLineAndColumnWithoutRepeatingTheIdNumber() {
        String bad = "110105197001010000";

        assertThatThrownBy(() -> RECIPIENTS.lines("王芳," + IdNumbers.next() + ",困难职工,1000\n李雷," + bad
                + ",劳模,800", "粘贴名单"))
                .isInstanceOf(UnionAssistException.class)
                .hasMessageStartingWith("粘贴名单第2行：身份证号1101")
                .hasMessageContaining("无效").hasMessageNotContaining(bad)
                .satisfies(e -> assertThat(((UnionAssistException) e).errorCode()).isEqualTo(CaseworkError.INVALID_ID_NUMBER));
        assertThatThrownBy(() -> RECIPIENTS.lines("王芳," + IdNumbers.next() + ",退休职工,1000", "粘贴名单"))
                .hasMessage("粘贴名单第1行：类别应为以下之一：困难职工、劳模");
        assertThatThrownBy(() -> RECIPIENTS.lines("王芳," + IdNumbers.next() + ",劳模,八百", "粘贴名单"))
                .hasMessage("粘贴名单第1行：金额必须是金额数字");
        assertThatThrownBy(() -> RECIPIENTS.lines("," + IdNumbers.next() + ",劳模,800", "粘贴名单"))
                .hasMessage("粘贴名单第1行：姓名不能为空");
        assertThatThrownBy(() -> RECIPIENTS.lines("王芳," + IdNumbers.next() + ",劳模", "粘贴名单"))
                .hasMessage("粘贴名单第1行应为“姓名,身份证号,类别,金额”四列");
    }

    @Test
    void readsFormRowsUnderTheirOwnKeysOrTheColumnKeys() {
        String wang = IdNumbers.next();

        assertThat(WORKERS.rows("[{\"workerName\":\" 王芳 \",\"workerIdNumber\":\"" + wang + "\"},"
                + "{\"workerName\":\"\",\"workerIdNumber\":null}]", "逐个录入第%d人", List.of("workerName", "workerIdNumber")))
                .containsExactly(new Worker("王芳", wang, "逐个录入第1人"));
        assertThat(WORKERS.rows("[{},{\"name\":\"李雷\",\"idNumber\":\"" + wang + "\",\"source\":\"上传名单第7行\"}]",
                "第%d行")).containsExactly(new Worker("李雷", wang, "上传名单第7行"));
        assertThatThrownBy(() -> WORKERS.rows("{\"name\":\"王芳\"}", "第%d行")).hasMessage("名单格式不正确");
    }

    @Test
    void readsTypedColumnsFromExcelKeepingLongIdNumbersAsText() throws IOException {
        String wang = IdNumbers.next();
        byte[] file = excel(new Object[][]{{"姓名", "身份证号", "类别", "金额"}, {"王芳", wang, "困难职工", 1000}});

        assertThat(RECIPIENTS.file("慰问名单.xlsx", new ByteArrayInputStream(file))).containsExactly(
                new Recipient("王芳", wang, Group.HARDSHIP, new BigDecimal("1000.00"), null, "上传名单第2行"));
    }

    @Test
    void aCountIsAWholeNumberInItsRangeAndABlankCountIsNamed() {
        ListColumn<Integer> places = ListColumn.required("places", "名额", ListCells.count(0, 100));
        ListReader<Integer> reader = ListReader.of("名额表", List.of(places), row -> row.get(places));

        assertThat(reader.rows("[{\"places\":3},{\"places\":\"0\"},{\"places\":100.0}]", "第%d行"))
                .containsExactly(3, 0, 100);
        assertThatThrownBy(() -> reader.rows("[{\"places\":-1},{\"places\":2.5},{\"places\":101},"
                + "{\"places\":\"三\"},{\"source\":\"西城区\",\"places\":\" \"}]", "第%d行"))
                .isInstanceOf(UnionAssistException.class)
                .hasMessageContaining("名额表中有4处需要改正")
                .hasMessageContaining("第1行：名额应为0至100之间的整数")
                .hasMessageContaining("第2行：名额应为0至100之间的整数")
                .hasMessageContaining("第3行：名额应为0至100之间的整数")
                .hasMessageContaining("第4行：名额应为0至100之间的整数");
    }
}
