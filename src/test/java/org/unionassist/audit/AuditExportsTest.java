package org.unionassist.audit;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.register.CaseEntry;
import org.unionassist.casework.register.CaseEntryRepository;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.MedicalAidDriver;
import org.unionassist.support.ProcessTest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The auditors' Excel exports over the real processes: a search's result and one case's trail, read back cell by
 * cell, with masked personal data only; every export leaves its record, and an export refused leaves none.
 */
@ProcessTest
class AuditExportsTest {

    /** 18 digits (or 17 and X) not inside a longer number: a resident ID number in full. */
    private static final Pattern FULL_ID_NUMBER = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])");

    @Autowired CaseDriver driver;
    @Autowired MedicalAidDriver medical;
    @Autowired AuditExportController exports;
    @Autowired ExportRecordRepository records;
    @Autowired CaseEntryRepository register;

    @AfterEach
    void resetClock() {
        CaseDriver.realTime();
    }

    private ProcessInstance paidClaim(String member) {
        medical.enrolAndConfirm("eaststeel", "east", LocalDate.of(2026, 1, 5), "张伟", member);
        CaseDriver.today(LocalDate.of(2026, 3, 20));
        ProcessInstance pi = medical.fileClaim("eaststeel.clerk", MedicalAidDriver.inpatientClaim(member, 12000));
        driver.complete(pi, "documentCheck", "eaststeel.clerk", MedicalAidDriver.documentsChecked());
        driver.complete(pi, "claimDistrictApproval", "east.chair", "approve", "同意赔付");
        medical.settle(pi);
        return pi;
    }

    private ProcessInstance rejectedAtGrassroots(String union, String idNumber) {
        ProcessInstance pi = driver.apply(union + ".clerk", CaseDriver.deepHardshipApplication(idNumber));
        driver.complete(pi, "homeVisit", union + ".clerk", CaseDriver.visitOf("submit", null, "入户核实"));
        driver.complete(pi, "grassrootsReview", union + ".chair", "reject", "家庭收入明显高于申报");
        return pi;
    }

    private ResponseEntity<byte[]> searchExport(String auditor, String union, String caseNumber) {
        return driver.as(auditor, () -> exports.searchResult(null, union, null, null, null, null, caseNumber, null,
                null, null));
    }

    private static XSSFWorkbook open(ResponseEntity<byte[]> download) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(download.getBody()));
    }

    /** Every cell of the sheet as shown, row by row (an empty row as an empty list). */
    static List<List<String>> cells(Sheet sheet) {
        DataFormatter shown = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            List<String> values = new ArrayList<>();
            if (row != null) {
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    values.add(cell == null ? "" : shown.formatCellValue(cell));
                }
            }
            rows.add(values);
        }
        return rows;
    }

    /** All the workbook's text, sheet after sheet. */
    static String allText(XSSFWorkbook workbook) {
        StringBuilder text = new StringBuilder();
        StreamSupport.stream(workbook.spliterator(), false).forEach(sheet -> cells(sheet)
                .forEach(row -> text.append(String.join("\t", row)).append('\n')));
        return text.toString();
    }

    private long recordsOf(String auditor) {
        return records.findTop100ByActorIdOrderByIdDesc(auditor).size();
    }

    @Test
    void aSearchExportListsTheCasesUnderChineseHeadersWithTheAmountAsANumberAndIsRecorded() throws IOException {
        String member = IdNumbers.next();
        ProcessInstance pi = paidClaim(member);
        CaseEntry entry = register.findById(pi.getId()).orElseThrow();

        ResponseEntity<byte[]> download = searchExport("east.auditor", null, entry.getCaseNumber());

        assertThat(download.getHeaders().getContentType()).isEqualTo(AuditExportController.XLSX);
        assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment; filename=\"audit-cases_")
                .contains("filename*=UTF-8''%E6%A1%88%E4%BB%B6%E6%9F%A5%E8%AF%A2%E7%BB%93%E6%9E%9C_");
        try (XSSFWorkbook workbook = open(download)) {
            Sheet sheet = workbook.getSheet("案件查询结果");
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            List<List<String>> cells = cells(sheet);
            assertThat(cells.get(0).get(0)).contains("案件号：以 " + entry.getCaseNumber() + " 开头")
                    .contains("导出人：").contains("（east.auditor）").contains("导出时间：").contains("（北京时间）")
                    .contains("共 1 件");
            assertThat(cells.get(1)).containsExactly("案件号", "业务", "基层工会", "区/县工会", "申请人", "金额",
                    "办理状态", "办理结果", "最近环节", "受理日期", "办结时间");
            assertThat(cells).hasSize(3);
            List<String> row = cells.get(2);
            assertThat(row.get(0)).isEqualTo(entry.getCaseNumber());
            assertThat(row.get(1)).isEqualTo(entry.getProgrammeName());
            assertThat(row.get(2)).isEqualTo("东城钢铁厂工会");
            assertThat(row.get(4)).isEqualTo("张*");
            assertThat(row.get(9)).isEqualTo(entry.getStartedOn().toString());
            Cell amount = sheet.getRow(2).getCell(5);
            assertThat(amount.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(amount.getNumericCellValue()).isEqualTo(3200.00);
            assertThat(amount.getCellStyle().getDataFormatString()).endsWith("0.00");
            assertThat(allText(workbook)).doesNotContain(member).doesNotContainPattern(FULL_ID_NUMBER);
        }

        ExportRecord record = records.findTop100ByActorIdOrderByIdDesc("east.auditor").get(0);
        assertThat(record.getKind()).isEqualTo(ExportRecord.Kind.SEARCH);
        assertThat(record.getActorName()).isNotBlank();
        assertThat(record.getRowCount()).isEqualTo(1);
        assertThat(record.getDescription()).isEqualTo("案件号：以 " + entry.getCaseNumber() + " 开头");
        assertThat(record.getProcessInstanceId()).isNull();

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> mine = (List<Map<String, Object>>) driver.as("east.auditor", exports::mine)
                .get("exports");
        assertThat(mine.get(0)).containsEntry("id", record.getId()).containsEntry("kind", "SEARCH")
                .containsEntry("kindLabel", "案件查询结果").containsEntry("actorId", "east.auditor")
                .containsEntry("rowCount", 1).containsKey("exportedAt");
        assertThat(driver.as("westtextile.auditor", exports::mine).get("exports").toString())
                .doesNotContain(entry.getCaseNumber());
    }

    @Test
    void aCaseTrailHoldsEverySheetOfTheCaseViewWithTheSignersViewAndMaskedRecords() throws IOException {
        String applicant = IdNumbers.next();
        ProcessInstance pi = rejectedAtGrassroots("eaststeel", applicant);
        CaseEntry entry = register.findById(pi.getId()).orElseThrow();

        ResponseEntity<byte[]> download = driver.as("east.auditor", () -> exports.caseTrail(pi.getId()));

        assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment; filename=\"case-trail_" + entry.getCaseNumber() + "_")
                .contains("filename*=UTF-8''%E6%A1%88%E4%BB%B6%E5%AE%A1%E8%AE%A1%E8%BD%A8%E8%BF%B9_");
        try (XSSFWorkbook workbook = open(download)) {
            assertThat(StreamSupport.stream(workbook.spliterator(), false).map(Sheet::getSheetName))
                    .containsExactly("案件概况", "签署记录", "流程历史", "定时器", "操作日志", "人工干预", "关联档案", "拨付记录");
            List<List<String>> overview = cells(workbook.getSheet("案件概况"));
            assertThat(overview.get(0).get(0)).startsWith("案件号：" + entry.getCaseNumber()).contains("导出人：");
            assertThat(overview).contains(List.of("案件号", entry.getCaseNumber()),
                    List.of("申请人", entry.getApplicantMasked()),
                    List.of("办理结果", "不予认定"), List.of("基层工会", "东城钢铁厂工会"));

            List<List<String>> signOffs = cells(workbook.getSheet("签署记录"));
            assertThat(signOffs.get(1)).containsExactly("签署时间", "环节", "轮次", "签署人", "所属工会", "角色",
                    "审批结果", "意见", "核实情况", "类别", "金额", "签署时所见");
            List<String> rejection = signOffs.stream().filter(r -> r.size() > 1 && "基层工会初审".equals(r.get(1)))
                    .findFirst().orElseThrow();
            assertThat(rejection.get(0)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
            assertThat(rejection.get(4)).isEqualTo("东城钢铁厂工会");
            assertThat(rejection.get(7)).isEqualTo("家庭收入明显高于申报");
            assertThat(rejection.get(11).lines()).isNotEmpty().allMatch(line -> line.matches("\\S.*：.*"));
            assertThat(signOffs.stream().filter(r -> r.size() > 1 && "入户调查".equals(r.get(1))).findFirst()
                    .orElseThrow().get(8)).contains("调查情况：入户核实");

            assertThat(cells(workbook.getSheet("流程历史"))).extracting(r -> r.isEmpty() ? "" : r.get(0))
                    .contains("入户调查", "不予认定");
            assertThat(cells(workbook.getSheet("操作日志")).size()).isGreaterThan(2);
            assertThat(cells(workbook.getSheet("定时器")).get(2)).containsExactly("（无记录）");
            assertThat(cells(workbook.getSheet("拨付记录")).get(2)).containsExactly("（无记录）");
            List<List<String>> dossier = cells(workbook.getSheet("关联档案"));
            assertThat(dossier).contains(List.of("家庭成员（3 人）"), List.of("姓名", "与申请人关系", "身份证号"));
            assertThat(dossier).anySatisfy(r -> {
                assertThat(r).hasSize(3);
                assertThat(r.get(0)).startsWith("王").contains("*");
                assertThat(r.get(1)).isEqualTo("本人");
                assertThat(r.get(2)).contains("*").hasSize(18);
            });

            assertThat(allText(workbook)).doesNotContain(applicant).doesNotContainPattern(FULL_ID_NUMBER)
                    .doesNotContain("6222 0202 0011 2233 445").doesNotContain("6222020200112233445");
        }

        ExportRecord record = records.findTop100ByActorIdOrderByIdDesc("east.auditor").get(0);
        assertThat(record.getKind()).isEqualTo(ExportRecord.Kind.CASE_TRAIL);
        assertThat(record.getProcessInstanceId()).isEqualTo(pi.getId());
        assertThat(record.getDescription()).isEqualTo("案件号：" + entry.getCaseNumber());
        assertThat(record.getRowCount()).isGreaterThan(5);
    }

    @Test
    void aPaidClaimsTrailShowsItsDisbursementWithTheAmountAsANumber() throws IOException {
        String member = IdNumbers.next();
        ProcessInstance pi = paidClaim(member);

        try (XSSFWorkbook workbook = open(driver.as("city.auditor", () -> exports.caseTrail(pi.getId())))) {
            Sheet paid = workbook.getSheet("拨付记录");
            assertThat(cells(paid).get(2).subList(1, 4)).containsExactly("张*", "3,200.00", "待支付");
            assertThat(paid.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(3200.00);
            assertThat(cells(workbook.getSheet("关联档案"))).contains(List.of("参保人", "张*"));
            assertThat(allText(workbook)).doesNotContain(member).doesNotContainPattern(FULL_ID_NUMBER)
                    .doesNotContain("6222 0202 0011 2233 445").doesNotContain("6222020200112233445");
        }
    }

    @Test
    void aCaseOutsideTheJurisdictionIsNotFoundAndLeavesNoRecord() {
        ProcessInstance pi = rejectedAtGrassroots("eaststeel", IdNumbers.next());
        long before = recordsOf("westtextile.auditor");

        assertThatThrownBy(() -> driver.as("westtextile.auditor", () -> exports.caseTrail(pi.getId())))
                .isInstanceOfSatisfying(UnionAssistException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CaseworkError.CASE_NOT_FOUND));
        assertThatThrownBy(() -> driver.as("westtextile.auditor", () -> exports.caseTrail("no-such-case")))
                .isInstanceOfSatisfying(UnionAssistException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CaseworkError.CASE_NOT_FOUND));
        assertThatThrownBy(() -> searchExport("westtextile.auditor", "eaststeel", null))
                .isInstanceOfSatisfying(UnionAssistException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CaseworkError.NOT_AUTHORIZED));
        assertThat(recordsOf("westtextile.auditor")).isEqualTo(before);

        assertThatThrownBy(() -> searchExport("eaststeel.clerk", null, null))
                .isInstanceOfSatisfying(UnionAssistException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CaseworkError.NOT_AUTHORIZED));
        assertThat(recordsOf("eaststeel.clerk")).isZero();
    }

    @Test
    void aSearchFindingNothingIsStillAFileWithItsHeadersAndARecordOfNoRows() throws IOException {
        String union = "westtextile";
        ResponseEntity<byte[]> download = searchExport("westtextile.auditor", union, "NO-SUCH-NUMBER");
        try (XSSFWorkbook workbook = open(download)) {
            List<List<String>> cells = cells(workbook.getSheet("案件查询结果"));
            assertThat(cells.get(0).get(0)).contains("单位：").contains("案件号：以 NO-SUCH-NUMBER 开头");
            assertThat(cells.get(2)).containsExactly("（无记录）");
        }
        ExportRecord record = records.findTop100ByActorIdOrderByIdDesc("westtextile.auditor").get(0);
        assertThat(record.getRowCount()).isZero();
        assertThat(record.getDescription()).startsWith("单位：");
    }
}
