package org.unionassist.audit;

import org.unionassist.casework.ExportWorkbook;
import org.unionassist.casework.CaseDossier;
import org.unionassist.casework.ShanghaiClock;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One case's trail as an auditor files it: the sheets 案件概况, 签署记录, 流程历史, 定时器, 操作日志, 人工干预, 关联档案
 * and 拨付记录, written from the workspace's case view ({@code GET /api/audit/cases/{id}}) so that the file shows
 * exactly what the screen shows, and no more: the view holds masked personal data only.
 */
final class CaseTrailWorkbook {


    private final ExportWorkbook workbook = new ExportWorkbook();
    private final Map<String, Object> view;
    private final String firstLine;

    /** @param exported who exported it when, for every sheet's first line */
    CaseTrailWorkbook(Map<String, Object> view, String exported) {
        this.view = view;
        this.firstLine = "案件号：" + caseRow().get("caseNumber") + "（" + caseRow().get("programme") + "）｜" + exported;
    }

    /** The finished file. */
    ExportWorkbook write() {
        overview();
        signOffs();
        activities();
        timers();
        operations();
        interventions();
        dossier();
        disbursements();
        return workbook;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> caseRow() {
        return (Map<String, Object>) view.get("case");
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> part(String name) {
        Object part = view.get(name);
        return part == null ? List.of() : (List<T>) part;
    }

    private void overview() {
        Map<String, Object> c = caseRow();
        List<String> waiting = part("waitingAt");
        ExportWorkbook.Table sheet = workbook.sheet("案件概况", firstLine, List.of("项目", "内容"));
        sheet.row("案件号", c.get("caseNumber"))
                .row("业务", c.get("programme"))
                .row("基层工会", c.get("grassrootsUnion"))
                .row("区/县工会", c.get("districtUnion"))
                .row("申请人", c.get("applicant"))
                .row("金额", amount(c.get("amount")))
                .row("办理状态", c.get("state"))
                .row("办理结果", c.get("outcome"))
                .row("当前所在环节", waiting.isEmpty() ? null : String.join("、", waiting))
                .row("最近环节", c.get("lastStep"))
                .row("受理日期", c.get("startedOn"))
                .row("办结时间", c.get("endedAt"))
                .row("流程实例编号", c.get("processInstanceId"))
                .finish();
    }

    private void signOffs() {
        List<Map<String, Object>> signOffs = part("signOffs");
        ExportWorkbook.Table sheet = workbook.sheet("签署记录", firstLine, List.of("签署时间", "环节", "轮次", "签署人",
                "所属工会", "角色", "审批结果", "意见", "核实情况", "类别", "金额", "签署时所见"));
        for (Map<String, Object> s : signOffs) {
            List<Map<String, String>> seen = s.get("seen") == null ? List.of() : cast(s.get("seen"));
            sheet.row(instant(s.get("decidedAt")), s.get("step"), s.get("round"), s.get("actor"), s.get("union"),
                    s.get("role"), s.get("decision"), s.get("opinion"), s.get("findings"), s.get("category"),
                    amount(s.get("amount")), seen.stream().map(r -> r.get("item") + "：" + r.get("value"))
                            .collect(Collectors.joining("\n")));
        }
        done(sheet, signOffs);
    }

    private void activities() {
        List<CaseHistory.Activity> activities = part("activities");
        ExportWorkbook.Table sheet = workbook.sheet("流程历史", firstLine,
                List.of("环节", "类型", "开始时间", "结束时间", "办理人", "是否取消"));
        for (CaseHistory.Activity a : activities) {
            sheet.row(a.name(), a.type(), a.startedAt(), a.endedAt(), a.worker(), a.canceled() ? "已取消" : null);
        }
        done(sheet, activities);
    }

    private void timers() {
        List<CaseHistory.TimerFired> timers = part("timers");
        ExportWorkbook.Table sheet = workbook.sheet("定时器", firstLine, List.of("环节", "环节编号", "触发时间"));
        for (CaseHistory.TimerFired t : timers) {
            sheet.row(t.activity(), t.activityId(), t.firedAt());
        }
        done(sheet, timers);
    }

    private void operations() {
        List<CaseHistory.Operation> operations = part("operations");
        ExportWorkbook.Table sheet = workbook.sheet("操作日志", firstLine,
                List.of("时间", "操作", "对象", "属性", "原值", "新值", "操作人", "备注"));
        for (CaseHistory.Operation o : operations) {
            sheet.row(o.at(), o.operation(), o.entity(), o.property(), o.orgValue(), o.newValue(), o.actor(),
                    o.annotation());
        }
        done(sheet, operations);
    }

    private void interventions() {
        List<AuditTrailController.InterventionView> interventions = part("interventions");
        ExportWorkbook.Table sheet = workbook.sheet("人工干预", firstLine, List.of("时间", "操作", "对象类型", "属性",
                "原值", "新值", "详情", "备注", "操作人", "作业编号", "环节编号"));
        for (AuditTrailController.InterventionView i : interventions) {
            sheet.row(instant(i.occurredAt()), i.operation(), i.entityType(), i.property(), i.orgValue(),
                    i.newValue(), i.detail(), i.annotation(), i.actor(), i.jobId(), i.activityId());
        }
        done(sheet, interventions);
    }

    private void dossier() {
        List<CaseDossier.Section> sections = part("dossier");
        ExportWorkbook.Table sheet = workbook.sheet("关联档案", firstLine, List.of("档案内容"));
        for (CaseDossier.Section section : sections) {
            sheet.header(List.of(section.title())).header(section.columns());
            section.rows().forEach(sheet::row);
            sheet.blank();
        }
        done(sheet, sections);
    }

    private void disbursements() {
        List<Map<String, Object>> paid = part("disbursements");
        ExportWorkbook.Table sheet = workbook.sheet("拨付记录", firstLine,
                List.of("拨付编号", "收款人", "金额", "状态", "生成时间"));
        for (Map<String, Object> d : paid) {
            sheet.row(d.get("id"), d.get("payee"), amount(d.get("amount")), d.get("status"), d.get("createdAt"));
        }
        done(sheet, paid);
    }

    private static void done(ExportWorkbook.Table sheet, List<?> rows) {
        if (rows.isEmpty()) {
            sheet.none();
        }
        sheet.finish();
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    /** The view's amounts are plain decimal text; the file holds them as numbers. */
    private static BigDecimal amount(Object shown) {
        return shown == null ? null : new BigDecimal(shown.toString());
    }

    /** The view's instants are ISO text with an offset; the file shows them in Beijing time like the other sheets. */
    private static String instant(Object iso) {
        if (iso == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso.toString()).atZoneSameInstant(ShanghaiClock.ZONE).format(ShanghaiClock.SHOWN);
        } catch (DateTimeParseException e) {
            return iso.toString();
        }
    }
}
