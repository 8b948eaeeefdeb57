package org.unionassist.audit;

import org.unionassist.casework.ExportWorkbook;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.register.CaseEntry;
import org.unionassist.casework.register.CaseOutcome;
import org.unionassist.casework.register.CaseRegister;
import org.unionassist.engine.EngineCommands;
import org.unionassist.organisation.Members;
import org.unionassist.organisation.Union;
import org.unionassist.organisation.UnionRepository;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The auditors' Excel exports: a search's result, and one case's whole trail. Each export is recorded
 * ({@link ExportRecord}: who, when, what, how many rows) in the transaction that builds the file, so there is no file
 * without its record and no record of a file that could not be built. A search matching more than
 * {@code union-assist.audit.export-max-rows} cases is refused before anything is read or written.
 */
@Service
public class AuditExports {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    static final List<String> SEARCH_COLUMNS = List.of("案件号", "业务", "基层工会", "区/县工会", "申请人", "金额",
            "办理状态", "办理结果", "最近环节", "受理日期", "办结时间");

    /** A built file: its Chinese name, a plain-ASCII name for clients that cannot read the other, the bytes. */
    public record Download(String fileName, String asciiFileName, byte[] content) {
    }

    private final CaseSearch search;
    private final EngineCommands asEngine;
    private final ExportRecordRepository records;
    private final Members members;
    private final UnionRepository unions;
    private final RepositoryService repositoryService;
    private final ShanghaiClock clock;
    private final int maxRows;

    public AuditExports(CaseSearch search, ExportRecordRepository records, Members members, UnionRepository unions,
                        RepositoryService repositoryService, ShanghaiClock clock,
                        @Value("${union-assist.audit.export-max-rows:10000}") int maxRows, EngineCommands asEngine) {
        this.asEngine = asEngine;
        this.search = search;
        this.records = records;
        this.members = members;
        this.unions = unions;
        this.repositoryService = repositoryService;
        this.clock = clock;
        this.maxRows = maxRows;
    }

    /** The search's result as the sheet 案件查询结果, in the search's order; refused when it matches too many cases. */
    @Transactional
    public Download searchResult(CaseSearch.Criteria criteria, AuditorScope.Scope scope) {
        List<CaseEntry> found = search.all(criteria, scope, maxRows + 1);
        if (found.size() > maxRows) {
            long total = search.search(criteria, scope, 0, 1).page().getTotalElements();
            throw new UnionAssistException(AuditError.EXPORT_TOO_LARGE, "符合条件的案件共 " + total
                    + " 件，超过单次导出的上限 " + maxRows + " 件。请缩小查询条件（如业务、单位、受理日期）后分批导出");
        }
        OffsetDateTime now = clock.now();
        String filters = describe(criteria);
        Map<String, String> unionNames = unions.findAll().stream()
                .collect(Collectors.toMap(Union::getId, Union::getName));
        String scopeNames = scope.audited().stream().map(u -> u.getName() + "及下级单位")
                .collect(Collectors.joining("、"));
        ExportWorkbook workbook = new ExportWorkbook();
        ExportWorkbook.Table sheet = workbook.sheet("案件查询结果", "查询条件：" + filters + "｜审计范围：" + scopeNames
                + "｜共 " + found.size() + " 件｜" + exported(scope, now), SEARCH_COLUMNS);
        for (CaseEntry entry : found) {
            Map<String, Object> row = AuditWorkspaceController.row(entry, unionNames);
            sheet.row(row.get("caseNumber"), row.get("programme"), row.get("grassrootsUnion"),
                    row.get("districtUnion"), row.get("applicant"), entry.getAmount(), row.get("state"),
                    row.get("outcome"), row.get("lastStep"), row.get("startedOn"), row.get("endedAt"));
        }
        if (found.isEmpty()) {
            sheet.none();
        }
        sheet.finish();
        byte[] content = workbook.bytes();
        record(scope, now, ExportRecord.Kind.SEARCH, filters, null, found.size());
        String stamp = now.format(STAMP);
        return new Download("案件查询结果_" + stamp + ".xlsx", "audit-cases_" + stamp + ".xlsx", content);
    }

    /**
     * One case's trail, from the workspace's case view; the view is read in this transaction and refuses (404) a case
     * outside the caller's jurisdiction, before anything is written.
     */
    @Transactional
    public Download caseTrail(String processInstanceId, Supplier<Map<String, Object>> caseView,
                              AuditorScope.Scope scope) {
        Map<String, Object> view = caseView.get();
        OffsetDateTime now = clock.now();
        ExportWorkbook workbook = new CaseTrailWorkbook(view, exported(scope, now)).write();
        byte[] content = workbook.bytes();
        Object caseNumber = ((Map<?, ?>) view.get("case")).get("caseNumber");
        String number = caseNumber == null ? processInstanceId : caseNumber.toString();
        record(scope, now, ExportRecord.Kind.CASE_TRAIL, "案件号：" + number, processInstanceId,
                workbook.dataRows());
        String stamp = now.format(STAMP);
        return new Download("案件审计轨迹_" + number + "_" + stamp + ".xlsx",
                "case-trail_" + number.replaceAll("[^A-Za-z0-9-]", "_") + "_" + stamp + ".xlsx", content);
    }

    /** The caller's own most recent exports, newest first (in the order they were written). */
    @Transactional(readOnly = true)
    public List<ExportRecord> mine(AuditorScope.Scope scope) {
        return records.findTop100ByActorIdOrderByIdDesc(scope.userId());
    }

    private void record(AuditorScope.Scope scope, OffsetDateTime now, ExportRecord.Kind kind, String description,
                        String processInstanceId, int rows) {
        records.save(new ExportRecord(now, scope.userId(), members.displayName(scope.userId()), kind, description,
                processInstanceId, rows));
    }

    private String exported(AuditorScope.Scope scope, OffsetDateTime now) {
        return "导出人：" + members.displayName(scope.userId()) + "（" + scope.userId() + "）｜导出时间："
                + now.atZoneSameInstant(ShanghaiClock.ZONE).format(ShanghaiClock.SHOWN) + "（北京时间）";
    }

    /** The filters in words; an applicant's name only masked, as everywhere outside the case itself. */
    String describe(CaseSearch.Criteria c) {
        List<String> parts = new ArrayList<>();
        if (c.process() != null) {
            parts.add("业务：" + processName(c.process()));
        }
        if (c.union() != null) {
            parts.add("单位：" + unions.findById(c.union()).map(Union::getName).orElse(c.union()) + "及下级单位");
        }
        if (c.state() != null) {
            parts.add("办理状态：" + (CaseEntry.RUNNING.equals(c.state()) ? "办理中" : "已办结"));
        }
        if (c.outcome() != null) {
            parts.add("办理结果：" + CaseOutcome.ofCode(c.outcome()).label());
        }
        if (c.from() != null || c.to() != null) {
            parts.add("受理日期：" + range(c.from(), c.to(), "起", "止", ""));
        }
        if (c.caseNumber() != null) {
            parts.add("案件号：以 " + c.caseNumber().toUpperCase() + " 开头");
        }
        if (c.applicant() != null) {
            parts.add("申请人：" + CaseRegister.maskName(c.applicant()));
        }
        if (c.minAmount() != null || c.maxAmount() != null) {
            parts.add("金额：" + range(money(c.minAmount()), money(c.maxAmount()), "元以上", "元以下", " 元"));
        }
        return parts.isEmpty() ? "全部案件（未设筛选条件）" : String.join("；", parts);
    }

    private static String range(Object from, Object to, String onlyFrom, String onlyTo, String unit) {
        if (from != null && to != null) {
            return from + " 至 " + to + unit;
        }
        return from != null ? from + " " + onlyFrom : to + " " + onlyTo;
    }

    private static String money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private String processName(String key) {
        ProcessDefinition latest = asEngine.call(() -> repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(key).latestVersion().singleResult());
        return latest == null || latest.getName() == null ? key : latest.getName();
    }
}
