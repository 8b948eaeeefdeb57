package org.unionassist.warmth;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionassist.casework.ExportWorkbook;
import org.unionassist.casework.PersonalData;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.organisation.Jurisdiction;

import java.util.List;

/**
 * What 两节送温暖 puts on paper: each level's settlement report (people and money by group, against each allocation)
 * and a union's list with what became of every person on it (ID numbers masked).
 */
@Service
@Transactional(readOnly = true)
public class WarmthExports {

    private final WarmthReports reports;
    private final Recipients recipients;
    private final RecipientListRepository lists;
    private final Jurisdiction jurisdiction;
    private final ShanghaiClock clock;

    public WarmthExports(WarmthReports reports, Recipients recipients, RecipientListRepository lists,
                         Jurisdiction jurisdiction, ShanghaiClock clock) {
        this.reports = reports;
        this.recipients = recipients;
        this.lists = lists;
        this.jurisdiction = jurisdiction;
        this.clock = clock;
    }

    /** The report of a union at its level: a grassroots union's list, a district's unions, the city's districts. */
    List<WarmthReports.Line> lines(Campaign campaign, String unionId) {
        return switch (jurisdiction.union(unionId).getLevel()) {
            case CITY -> reports.ofCity(campaign);
            case DISTRICT -> reports.ofDistrict(campaign.getId(), unionId);
            case GRASSROOTS -> lists.findByCampaignIdOrderById(campaign.getId()).stream()
                    .filter(l -> l.getGrassrootsUnionId().equals(unionId)).findFirst()
                    .map(reports::ofList).orElse(List.of());
        };
    }

    byte[] settlement(Campaign campaign, String unionId, String exportedBy) {
        String name = jurisdiction.union(unionId).getName();
        ExportWorkbook workbook = new ExportWorkbook();
        ExportWorkbook.Table sheet = workbook.sheet("结算报告", campaign.number() + " " + campaign.getHoliday()
                        + "送温暖结算报告｜" + name + "｜导出：" + exportedBy + " " + clock.now().format(ShanghaiClock.SHOWN),
                List.of("单位", "慰问对象类别", "名单人数", "已慰问（人）", "未联系上（人）", "现金（元）", "物资折价（元）",
                        "分配经费（元）", "已支出（元）", "结余（元）"));
        List<WarmthReports.Line> lines = lines(campaign, unionId);
        for (WarmthReports.Line l : lines) {
            sheet.row(l.unit(), l.group() == null ? "合计" + (l.note() == null ? "" : "（" + l.note() + "）")
                    : l.group().label(), l.listed(), l.visited(), l.unreached(),
                    l.cash(), l.goods(), l.account() == null ? null : l.account().allocated(),
                    l.account() == null ? null : l.account().spent(),
                    l.account() == null ? null : l.account().available());
        }
        if (lines.isEmpty()) {
            sheet.none();
        }
        sheet.finish();
        return workbook.bytes();
    }

    /**
     * The sheet a visitor fills in and the clerk uploads as the visits (POST …/deliveries): a header the upload reads,
     * and one line per person still without an outcome, with their line number and name filled in.
     */
    byte[] visitSheet(RecipientList list) {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet("慰问登记");
            List<String> header = List.of("序号", "姓名", "发放结果（已送达/未联系上）", "慰问日期", "慰问品", "发放现金",
                    "慰问人", "凭证类型（签字/按手印/照片）", "凭证编号");
            org.apache.poi.ss.usermodel.Row first = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                first.createCell(c).setCellValue(header.get(c));
                sheet.setColumnWidth(c, 256 * (c == 2 || c == 7 ? 30 : 14));
            }
            org.apache.poi.ss.usermodel.CellStyle text = book.createCellStyle();
            text.setDataFormat(book.createDataFormat().getFormat("@"));
            int r = 1;
            for (Recipient person : recipients.onList(list.getId(), Recipient.Status.LISTED)) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(String.valueOf(person.lineNo()));
                row.createCell(1).setCellValue(person.name());
                // dates typed as text (2027-01-20): Excel would otherwise show them its own way
                row.createCell(3).setCellStyle(text);
            }
            book.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    byte[] list(RecipientList list, String exportedBy) {
        ExportWorkbook workbook = new ExportWorkbook();
        ExportWorkbook.Table sheet = workbook.sheet("慰问名单", list.number() + " "
                        + jurisdiction.union(list.getGrassrootsUnionId()).getName() + "送温暖名单（" + list.getStatus().label()
                        + "）｜导出：" + exportedBy + " " + clock.now().format(ShanghaiClock.SHOWN),
                List.of("行号", "姓名", "身份证号", "慰问对象类别", "现金（元）", "物资折价（元）", "状态", "保留理由",
                        "慰问日期", "慰问品", "发放现金（元）", "慰问人", "凭证", "回访结果"));
        List<Recipient> rows = recipients.of(list.getId());
        for (Recipient r : rows) {
            sheet.row(r.lineNo(), r.name(), r.idProblem() == null ? PersonalData.maskIdNumber(r.idNumber()) : "（无效）",
                    r.group().label(), r.cash(), r.goods(), r.status().label(), r.justification(),
                    r.deliveredOn() == null ? null : r.deliveredOn().toString(), r.given(), r.cashGiven(), r.visitor(),
                    r.proofKind() == null ? null : Codes.ProofKind.valueOf(r.proofKind()).label()
                            + (r.proofRef() == null ? "" : " " + r.proofRef()),
                    r.phoneBackOutcome() == null ? null : Codes.PhoneBack.valueOf(r.phoneBackOutcome()).label()
                            + (r.phoneBackNote() == null ? "" : "：" + r.phoneBackNote()));
        }
        if (rows.isEmpty()) {
            sheet.none();
        }
        sheet.finish();
        return workbook.bytes();
    }
}
