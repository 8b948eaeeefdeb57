package org.unionassist.payment;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionassist.casework.Fingerprint;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.ExportWorkbook;
import org.unionassist.casework.Money;
import org.unionassist.casework.PersonalData;
import org.unionassist.casework.Refusals;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.lists.CellRefused;
import org.unionassist.casework.lists.ListCells;
import org.unionassist.casework.lists.ListColumn;
import org.unionassist.casework.lists.ListReader;
import org.unionassist.casework.signoff.AuditTrail;
import org.unionassist.casework.signoff.SignedValues;
import org.unionassist.engine.EngineCommands;
import org.unionassist.organisation.Jurisdiction;
import org.unionassist.organisation.Members;
import org.unionassist.organisation.UnionMember;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The two files a batch exchanges with the bank. Out: the bulk-payment sheet (payee, full card, amount, reference,
 * and the total in words), for the city's clerk who pays, every download recorded. In: the bank's result sheet, one
 * line per reference with 成功 or 失败 and the bank's reason, which marks lines and disbursements paid or failed. The
 * same result imported again changes nothing; a result that contradicts one already imported is refused whole.
 */
@Service
public class BankFiles {

    private static final Pattern NUMBER = Pattern.compile("FK(\\d{4})-(\\d{4,})");

    /** One line of the bank's result file. */
    record Result(String source, String reference, String payee, String card, BigDecimal amount, String result,
                  String reason) {
    }

    private static final ListColumn<String> REFERENCE = ListColumn.required("reference", "业务参考号", ListCells.text(32))
            .headedBy("参考号");
    private static final ListColumn<String> PAYEE = ListColumn.required("payee", "收款人姓名", ListCells.text(50))
            .headedBy("收款人");
    private static final ListColumn<String> CARD = ListColumn.required("card", "收款账号", text -> {
        String card = text.replaceAll("\\s", "");
        if (!card.matches("[0-9]{12,19}")) {
            throw new CellRefused("应为12至19位数字");
        }
        return card;
    }).headedBy("账号");
    private static final ListColumn<BigDecimal> AMOUNT = ListColumn.required("amount", "金额", text -> {
        try {
            // the bank's sheet may show amounts as Excel formats them: 7,500.00
            return Money.fromVariable(text.replace(",", ""), "");
        } catch (UnionAssistException e) {
            throw new CellRefused(e.errorCode(), e.getMessage());
        }
    });
    private static final ListColumn<String> OUTCOME = ListColumn.required("result", "处理结果", text -> switch (text) {
        case "成功", "支付成功", "已支付", "交易成功" -> PaymentLine.PAID;
        case "失败", "支付失败", "交易失败", "退票" -> PaymentLine.FAILED;
        default -> throw new CellRefused("应为“成功”或“失败”");
    }).headedBy("结果");
    private static final ListColumn<String> REASON = ListColumn.optional("reason", "失败原因", ListCells.text(200))
            .headedBy("原因");
    private static final ListReader<Result> RESULTS = ListReader.of("银行回单",
            List.of(REFERENCE, PAYEE, CARD, AMOUNT, OUTCOME, REASON),
            row -> new Result(row.source(), row.get(REFERENCE), row.get(PAYEE), row.get(CARD), row.get(AMOUNT),
                    row.get(OUTCOME), row.get(REASON))).uploadedAs("银行回单");

    private final PaymentBatchRepository batches;
    private final PaymentLineRepository lines;
    private final DisbursementRepository disbursements;
    private final PaymentBatches paymentBatches;
    private final Members members;
    private final Jurisdiction jurisdiction;
    private final AuditTrail auditTrail;
    private final RuntimeService runtime;
    private final EngineCommands engine;
    private final JdbcTemplate jdbc;
    private final ShanghaiClock clock;

    public BankFiles(PaymentBatchRepository batches, PaymentLineRepository lines, DisbursementRepository disbursements,
                     PaymentBatches paymentBatches, Members members, Jurisdiction jurisdiction, AuditTrail auditTrail,
                     RuntimeService runtime, EngineCommands engine, JdbcTemplate jdbc, ShanghaiClock clock) {
        this.batches = batches;
        this.lines = lines;
        this.disbursements = disbursements;
        this.paymentBatches = paymentBatches;
        this.members = members;
        this.jurisdiction = jurisdiction;
        this.auditTrail = auditTrail;
        this.runtime = runtime;
        this.engine = engine;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A batch by its number (FK2026-0001). */
    public PaymentBatch byNumber(String number) {
        Matcher m = NUMBER.matcher(number == null ? "" : number.strip());
        PaymentBatch batch = m.matches() ? batches.findById(Long.parseLong(m.group(2))).orElse(null) : null;
        if (batch == null || !batch.number().equals(number.strip())) {
            throw new UnionAssistException(PaymentError.BATCH_NOT_FOUND, "找不到付款批次" + (number == null ? "" : number));
        }
        return batch;
    }

    // ------------------------------------------------------------------ out: the bulk-payment file

    /**
     * The bank's bulk-payment sheet of an approved batch, for the city's clerk only: each line's payee, full card,
     * amount and reference, then the count, the total and the total in words. The download is recorded (who, when,
     * what the file held, its SHA-256) in the batch's records and its audit trail.
     */
    @Transactional
    public byte[] bankFile(String batchNumber, String userId) {
        PaymentBatch batch = byNumber(batchNumber);
        UnionMember payer = paymentBatches.cityClerk(userId, batch, "下载银行付款文件");
        if (batch.getStatus() != PaymentBatch.Status.APPROVED && batch.getStatus() != PaymentBatch.Status.SETTLED) {
            throw new UnionAssistException(PaymentError.BATCH_NOT_APPROVED, "付款批次" + batch.number()
                    + "尚未经审批人同意（" + batch.getStatus().label() + "），不能生成银行付款文件");
        }
        List<PaymentLine> all = paymentBatches.linesOf(batch);
        BigDecimal total = PaymentBatches.total(all);
        Map<Long, Disbursement> paying = disbursements.findAllById(all.stream().map(PaymentLine::getDisbursementId)
                .toList()).stream().collect(Collectors.toMap(Disbursement::getId, Function.identity()));
        OffsetDateTime now = clock.now();
        ExportWorkbook workbook = new ExportWorkbook();
        ExportWorkbook.Table sheet = workbook.sheet("批量代付", jurisdiction.union(batch.getCityUnionId()).getName()
                + " 付款批次 " + batch.number() + " 批量代付明细（审批人：" + members.displayName(batch.getApprovedBy())
                + "；" + payer.displayName() + "于" + now.format(ShanghaiClock.SHOWN) + "导出）",
                List.of("业务参考号", "收款人姓名", "收款账号", "金额（元）", "用途"));
        for (PaymentLine l : all) {
            Disbursement d = paying.get(l.getDisbursementId());
            sheet.row(l.getReference(), l.getPayeeName(), l.getBankCard(), l.getAmount(),
                    paymentBatches.programmeName(d.getProcessDefinitionKey()) + " " + d.getCaseNumber());
        }
        sheet.blank();
        sheet.row("合计笔数", all.size() + "笔");
        sheet.row("合计金额", null, null, total);
        sheet.row("金额大写", PaymentBatches.inWords(total));
        sheet.finish();
        byte[] file = workbook.bytes();
        String sha256 = Fingerprint.sha256(file);
        jdbc.update("insert into ua_payment_bank_file_download (batch_id, downloaded_by, downloaded_at, line_count,"
                + " total, file_sha256) values (?, ?, ?, ?, ?, ?)", batch.getId(), userId, now, all.size(), total, sha256);
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("lineCount", all.size());
        snapshot.put("batchTotal", total.toPlainString());
        snapshot.put("fileSha256", sha256);
        auditTrail.recordAside(step(batch, "bankFile", "下载银行付款文件"), PaymentDecisions.BANK_FILE,
                "银行付款文件：" + all.size() + "笔，合计" + total.toPlainString() + "元（" + PaymentBatches.inWords(total)
                        + "），文件摘要 SHA-256 " + sha256, payer, new SignedValues(null, null, total, null), snapshot);
        return file;
    }

    /** Who downloaded a batch's bank file, and when (newest first). */
    public List<Map<String, Object>> downloads(PaymentBatch batch) {
        return jdbc.query("select downloaded_by, downloaded_at, line_count, total, file_sha256"
                + " from ua_payment_bank_file_download where batch_id = ? order by id desc", (rs, n) -> {
                    Map<String, Object> v = new LinkedHashMap<>();
                    String by = rs.getString(1);
                    v.put("downloadedBy", members.displayName(by) + "（" + by + "）");
                    v.put("downloadedAt", rs.getObject(2, OffsetDateTime.class)
                            .atZoneSameInstant(ShanghaiClock.ZONE).format(ShanghaiClock.SHOWN));
                    v.put("lineCount", rs.getInt(3));
                    v.put("total", Money.yuan(rs.getBigDecimal(4)).toPlainString());
                    v.put("fileSha256", rs.getString(5));
                    return v;
                }, batch.getId());
    }

    // ------------------------------------------------------------------ in: the bank's result

    /** What an import did. */
    public record ImportSummary(String batchNumber, int linesRead, int newlyPaid, int newlyFailed, int unchanged,
                                int awaiting) {
    }

    /**
     * The bank's result file for an approved batch, imported by the city's clerk. Every line must name a line of this
     * batch with its card and amount; a line answered before must be answered the same way. All or nothing: a file
     * with any line to correct changes nothing, and names every such line.
     */
    @Transactional
    public ImportSummary importResult(String batchNumber, String fileName, byte[] content, String userId) {
        PaymentBatch batch = batches.lockById(byNumber(batchNumber).getId()).orElseThrow();
        UnionMember clerk = paymentBatches.cityClerk(userId, batch, "导入银行回单");
        if (batch.getStatus() != PaymentBatch.Status.APPROVED && batch.getStatus() != PaymentBatch.Status.SETTLED) {
            throw new UnionAssistException(PaymentError.BATCH_NOT_APPROVED, "付款批次" + batch.number()
                    + "尚未经审批人同意（" + batch.getStatus().label() + "），不能导入银行回单");
        }
        List<Result> results = read(fileName, content);
        Map<String, PaymentLine> byReference = new HashMap<>();
        paymentBatches.linesOf(batch).forEach(l -> byReference.put(l.getReference(), l));
        Map<String, Result> answers = new LinkedHashMap<>();
        Refusals refusals = new Refusals("银行回单");
        for (Result r : results) {
            refusals.attempt(() -> {
                PaymentLine l = byReference.get(r.reference());
                String where = r.source() + "：";
                if (l == null) {
                    throw new UnionAssistException(PaymentError.RESULT_MISMATCH, where + "业务参考号" + r.reference()
                            + "不属于付款批次" + batch.number());
                }
                if (!l.getBankCard().equals(r.card()) || l.getAmount().compareTo(r.amount()) != 0
                        || !l.getPayeeName().equals(r.payee())) {
                    throw new UnionAssistException(PaymentError.RESULT_MISMATCH, where + "收款人、收款账号或金额与付款文件第"
                            + l.getLineNo() + "行（" + l.getPayeeName() + "，" + PersonalData.maskBankCard(l.getBankCard())
                            + "，" + l.getAmount().toPlainString() + "元）不一致");
                }
                if (PaymentLine.FAILED.equals(r.result()) && (r.reason() == null || r.reason().isBlank())) {
                    throw new UnionAssistException(PaymentError.RESULT_MISMATCH, where + "支付失败的须有失败原因");
                }
                Result earlier = answers.put(r.reference(), r);
                if (earlier != null && !earlier.result().equals(r.result())) {
                    throw new UnionAssistException(PaymentError.RESULT_CONFLICT, where + "与" + earlier.source()
                            + "对同一笔款项的结果不同");
                }
                if (l.answered() && !l.getResult().equals(r.result())) {
                    throw new UnionAssistException(PaymentError.RESULT_CONFLICT, where + "第" + l.getLineNo()
                            + "行此前的银行回单为“" + PaymentBatches.resultLabel(l) + "”，与本次不同：请与银行核实");
                }
                return r;
            });
        }
        refusals.throwIfAny();
        if (answers.isEmpty()) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "银行回单中没有支付结果");
        }
        OffsetDateTime now = clock.now();
        int paid = 0;
        int failed = 0;
        int unchanged = 0;
        for (Result r : answers.values()) {
            PaymentLine l = byReference.get(r.reference());
            if (l.answered()) {
                unchanged++;
                continue;
            }
            Disbursement d = disbursements.lockById(l.getDisbursementId()).orElseThrow();
            if (!Disbursement.PENDING.equals(d.getStatus())) {
                throw new UnionAssistException(PaymentError.RESULT_CONFLICT, r.source() + "：第" + l.getLineNo()
                        + "行的款项已是“" + Disbursement.statusLabel(d.getStatus()) + "”，不能再次登记支付结果");
            }
            boolean ok = PaymentLine.PAID.equals(r.result());
            if (ok) {
                l.paid(now);
                d.paid(clock.today());
                paid++;
            } else {
                l.failed(r.reason().strip(), now);
                d.failed(r.reason().strip());
                failed++;
            }
            auditTrail.recordAside(new AuditTrail.CaseStep(d.getProcessInstanceId(), d.getProcessDefinitionKey(),
                            d.getCaseNumber(), "paymentResult", "银行支付结果"),
                    ok ? PaymentDecisions.PAID : PaymentDecisions.FAILED,
                    "付款批次" + batch.number() + "第" + l.getLineNo() + "行，付至 " + PersonalData.maskBankCard(l.getBankCard())
                            + (ok ? "" : "；银行退回原因：" + r.reason().strip()),
                    clerk, new SignedValues(null, null, l.getAmount(), null),
                    Map.of("batchNumber", batch.number(), "line", l.getLineNo()));
        }
        lines.flush();
        String sha256 = Fingerprint.sha256(content);
        int awaiting = (int) byReference.values().stream().filter(l -> !l.answered()).count();
        jdbc.update("insert into ua_payment_result_import (batch_id, imported_by, imported_at, file_sha256, lines_read,"
                + " newly_paid, newly_failed, unchanged) values (?, ?, ?, ?, ?, ?, ?, ?)", batch.getId(), userId, now,
                sha256, answers.size(), paid, failed, unchanged);
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("fileSha256", sha256);
        snapshot.put("linesRead", answers.size());
        auditTrail.recordAside(step(batch, "bankResult", "导入银行回单"), PaymentDecisions.BANK_RESULT,
                "读取" + answers.size() + "行：新登记已支付" + paid + "笔、支付失败" + failed + "笔，此前已登记" + unchanged
                        + "笔未变；尚待回单" + awaiting + "笔", clerk, SignedValues.none(), snapshot);
        refreshOpenTask(batch);
        return new ImportSummary(batch.number(), answers.size(), paid, failed, unchanged, awaiting);
    }

    /** A batch waiting at 提交银行并登记回单 shows the lines as they are now when the clerk opens the task again. */
    void refreshOpenTask(PaymentBatch batch) {
        if (batch.getStatus() == PaymentBatch.Status.APPROVED) {
            Map<String, Object> shown = new HashMap<>();
            paymentBatches.show(batch, shown::put);
            engine.run(() -> runtime.setVariables(batch.getProcessInstanceId(), shown));
        }
    }

    /** After a failed payment was re-issued outside its batch's task, that task no longer offers to correct it. */
    public void refreshBatchesOf(Disbursement d) {
        lines.findAllByDisbursementIdOrderByIdAsc(d.getId()).stream().map(PaymentLine::getBatchId).distinct()
                .map(batches::findById).flatMap(java.util.Optional::stream).forEach(this::refreshOpenTask);
    }

    private static List<Result> read(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (!name.endsWith(".xlsx") && !name.endsWith(".xls") && !name.endsWith(".csv") && !name.endsWith(".txt")) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "银行回单只支持 Excel（.xlsx/.xls）或 CSV 格式");
        }
        try (InputStream in = new ByteArrayInputStream(content)) {
            return RESULTS.file(fileName, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AuditTrail.CaseStep step(PaymentBatch batch, String stepId, String stepName) {
        return new AuditTrail.CaseStep(batch.getProcessInstanceId(), PaymentBatches.PROCESS, batch.number(), stepId,
                stepName);
    }
}
