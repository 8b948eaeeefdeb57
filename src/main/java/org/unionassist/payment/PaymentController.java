package org.unionassist.payment;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.ExportWorkbook;
import org.unionassist.casework.PersonalData;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.organisation.Jurisdiction;
import org.unionassist.organisation.Members;
import org.unionassist.organisation.Role;
import org.unionassist.organisation.UnionLevel;
import org.unionassist.organisation.UnionMember;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Payment batches, the bank's files and the reconciliation, for the city union: its clerks pay (download the bank
 * file with full card numbers, import the bank's result, correct a failed card), its chairs and auditors read. The
 * batch's approval itself is a Tasklist step of process {@code paymentBatch}.
 */
@RestController
public class PaymentController {

    private final BankFiles bankFiles;
    private final PaymentBatches batches;
    private final PaymentBatchRepository batchRows;
    private final FailedPayments failedPayments;
    private final Reconciliation reconciliation;
    private final Members members;
    private final Jurisdiction jurisdiction;
    private final IdentityService identityService;
    private final ShanghaiClock clock;
    private final JdbcTemplate jdbc;

    public PaymentController(BankFiles bankFiles, PaymentBatches batches, PaymentBatchRepository batchRows,
                             FailedPayments failedPayments, Reconciliation reconciliation, Members members,
                             Jurisdiction jurisdiction, IdentityService identityService, ShanghaiClock clock,
                             JdbcTemplate jdbc) {
        this.bankFiles = bankFiles;
        this.batches = batches;
        this.batchRows = batchRows;
        this.failedPayments = failedPayments;
        this.reconciliation = reconciliation;
        this.members = members;
        this.jurisdiction = jurisdiction;
        this.identityService = identityService;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @GetMapping("/api/payments/batches")
    public List<Map<String, Object>> batches() {
        cityStaff(caller(), "只有市总工会经办人、审批人和经审委员可以查看付款批次");
        return batchRows.findAllByOrderByIdDesc().stream().map(this::summary).toList();
    }

    /** A batch with its lines (cards masked), who downloaded its bank file and what each import did. */
    @GetMapping("/api/payments/batches/{number}")
    public Map<String, Object> batch(@PathVariable String number) {
        String caller = caller();
        cityStaff(caller, "只有市总工会经办人、审批人和经审委员可以查看付款批次");
        PaymentBatch batch = bankFiles.byNumber(number);
        Map<String, Object> v = summary(batch);
        // what the page offers the caller: the bank file and imports are the payer's, for an approved batch
        boolean payer = members.inRole(caller, Role.CLERK, batch.getCityUnionId()).isPresent();
        v.put("mayDownloadBankFile", payer && (batch.getStatus() == PaymentBatch.Status.APPROVED
                || batch.getStatus() == PaymentBatch.Status.SETTLED));
        v.put("mayImportResult", payer && batch.getStatus() == PaymentBatch.Status.APPROVED);
        v.put("lines", batches.figures(batch).get(PaymentBatches.LINES));
        v.put("downloads", bankFiles.downloads(batch));
        v.put("imports", jdbc.query("select imported_by, imported_at, lines_read, newly_paid, newly_failed, unchanged,"
                + " file_sha256 from ua_payment_result_import where batch_id = ? order by id", (rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("importedBy", members.displayName(rs.getString(1)) + "（" + rs.getString(1) + "）");
                    row.put("importedAt", rs.getObject(2, java.time.OffsetDateTime.class)
                            .atZoneSameInstant(ShanghaiClock.ZONE).format(ShanghaiClock.SHOWN));
                    row.put("linesRead", rs.getInt(3));
                    row.put("newlyPaid", rs.getInt(4));
                    row.put("newlyFailed", rs.getInt(5));
                    row.put("unchanged", rs.getInt(6));
                    row.put("fileSha256", rs.getString(7));
                    return row;
                }, batch.getId()));
        return v;
    }

    /** The bank's bulk-payment file: full card numbers, for the city's clerk (the payer) only; every download recorded. */
    @GetMapping("/api/exports/payments/batches/{number}/bank-file.xlsx")
    public ResponseEntity<byte[]> bankFile(@PathVariable String number) {
        byte[] file = bankFiles.bankFile(number, caller());
        return ExportWorkbook.download("银行批量代付-" + number + ".xlsx", "bank-file-" + number + ".xlsx", file);
    }

    /** The bank's result file (Excel or CSV, form field {@code file}), imported by the city's clerk. */
    @PostMapping(path = "/api/payments/batches/{number}/bank-result", consumes = "multipart/form-data")
    public BankFiles.ImportSummary bankResult(@PathVariable String number, @RequestParam MultipartFile file) {
        String caller = caller();
        try {
            return bankFiles.importResult(number, file.getOriginalFilename(), file.getBytes(), caller);
        } catch (IOException e) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "银行回单文件无法读取");
        }
    }

    public record ReissueRequest(String bankCard, String note) {
    }

    /** A failed disbursement re-issued to a corrected card, by the city's clerk; once only. */
    @PostMapping("/api/payments/disbursements/{id}/reissue")
    public Map<String, Object> reissue(@PathVariable long id, @RequestBody(required = false) ReissueRequest request) {
        UnionMember clerk = payer(caller());
        if (request == null || request.bankCard() == null || request.bankCard().isBlank()) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "请填写更正后的银行卡号");
        }
        Disbursement d = failedPayments.reissue(id, request.bankCard(), request.note(), clerk);
        bankFiles.refreshBatchesOf(d);
        return Map.of("id", d.getId(), "caseNumber", d.getCaseNumber(), "status", d.getStatus(),
                "statusLabel", Disbursement.statusLabel(d.getStatus()), "bankCard", PersonalData.maskBankCard(d.getBankCard()));
    }

    @GetMapping("/api/payments/reconciliation")
    public Map<String, Object> reconciliation(@RequestParam String from, @RequestParam(required = false) String to) {
        cityStaff(caller(), "只有市总工会经办人、审批人和经审委员可以查看付款对账");
        Reconciliation.Period period = Reconciliation.Period.of(from, to);
        List<Reconciliation.Row> rows = reconciliation.report(period);
        return Map.of("from", period.from().toString(), "to", period.to().toString(),
                "balanced", rows.stream().allMatch(Reconciliation.Row::balanced), "rows", reconciliation.view(rows));
    }

    @GetMapping("/api/exports/payments/reconciliation.xlsx")
    public ResponseEntity<byte[]> reconciliationWorkbook(@RequestParam String from,
                                                         @RequestParam(required = false) String to) {
        String caller = caller();
        cityStaff(caller, "只有市总工会经办人、审批人和经审委员可以导出付款对账");
        Reconciliation.Period period = Reconciliation.Period.of(from, to);
        byte[] file = reconciliation.workbook(period, reconciliation.report(period), members.displayName(caller),
                clock.now());
        return ExportWorkbook.download("付款对账-" + period.from() + "至" + period.to() + ".xlsx",
                "reconciliation-" + period.from() + "-" + period.to() + ".xlsx", file);
    }

    private Map<String, Object> summary(PaymentBatch b) {
        Map<String, Object> v = new LinkedHashMap<>();
        List<PaymentLine> lines = batches.linesOf(b);
        v.put("number", b.number());
        v.put("status", b.getStatus().name());
        v.put("statusLabel", b.getStatus().label());
        v.put("preparedBy", members.displayName(b.getPreparedBy()) + "（" + b.getPreparedBy() + "）");
        v.put("preparedAt", b.getPreparedAt().atZoneSameInstant(ShanghaiClock.ZONE).format(ShanghaiClock.SHOWN));
        v.put("approvedBy", b.getApprovedBy() == null ? null
                : members.displayName(b.getApprovedBy()) + "（" + b.getApprovedBy() + "）");
        v.put("lineCount", lines.size());
        BigDecimal total = PaymentBatches.total(lines);
        v.put("total", total.toPlainString());
        v.put("totalInWords", PaymentBatches.inWords(total));
        v.put("paid", lines.stream().filter(l -> PaymentLine.PAID.equals(l.getResult())).count());
        v.put("failed", lines.stream().filter(l -> PaymentLine.FAILED.equals(l.getResult())).count());
        return v;
    }

    private UnionMember payer(String userId) {
        return members.rolesOf(userId).stream()
                .filter(m -> m.role() == Role.CLERK && jurisdiction.union(m.unionId()).getLevel() == UnionLevel.CITY)
                .findFirst().orElseThrow(() -> new UnionAssistException(PaymentError.NOT_A_PAYER,
                        "只有市总工会经办人（付款人）可以办理"));
    }

    private void cityStaff(String userId, String refusal) {
        boolean city = members.rolesOf(userId).stream()
                .anyMatch(m -> jurisdiction.union(m.unionId()).getLevel() == UnionLevel.CITY
                        && Set.of(Role.CLERK, Role.CHAIR, Role.AUDITOR).contains(m.role()));
        if (!city) {
            throw new UnionAssistException(PaymentError.NOT_A_PAYER, refusal);
        }
    }

    private String caller() {
        Authentication auth = identityService.getCurrentAuthentication();
        if (auth == null) {
            throw new UnionAssistException(CaseworkError.NOT_AUTHORIZED, "请登录");
        }
        return auth.getUserId();
    }
}
