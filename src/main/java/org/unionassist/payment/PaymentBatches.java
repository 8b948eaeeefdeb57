package org.unionassist.payment;

import cn.hutool.core.convert.Convert;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.unionassist.casework.CaseAccess;
import org.unionassist.casework.CaseUnions;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.FormValues;
import org.unionassist.casework.Money;
import org.unionassist.casework.PersonalData;
import org.unionassist.casework.PersonalDataInEngine;
import org.unionassist.casework.Refusals;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.signoff.SignOff;
import org.unionassist.organisation.Members;
import org.unionassist.organisation.Programme;
import org.unionassist.organisation.Role;
import org.unionassist.organisation.Union;
import org.unionassist.organisation.UnionLevel;
import org.unionassist.organisation.UnionMember;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import static org.camunda.spin.Spin.JSON;

/**
 * 付款批次 (process {@code paymentBatch}): the city's clerk, who pays, groups the pending disbursements of the chosen
 * programmes into a batch; checks it and may take lines out; the city's chair approves it under the two-person rule
 * (whoever prepared or submitted it never approves it); the bank's file goes out and the bank's result comes back
 * ({@link BankFiles}); a failed line's card may be corrected and its disbursement re-issued once
 * ({@link FailedPayments#reissue}). A batch that is withdrawn or rejected lets its disbursements go to another batch.
 */
@Component("paymentBatches")
public class PaymentBatches {

    public static final String PROCESS = "paymentBatch";
    public static final String NAME = "付款批次";
    static final String PROGRAMMES = "programmes";
    static final String APPROVED_UP_TO = "approvedUpTo";
    static final String LINES = "batchLines";
    static final String SUMMARY = "batchSummary";
    static final String REMOVE = "removeLines";
    /** The failed lines, each with a field for the corrected card: a list with personal data (masked in the engine). */
    static final String FAILED = "failedLines";

    private final PaymentBatchRepository batches;
    private final PaymentLineRepository lines;
    private final DisbursementRepository disbursementRows;
    private final FailedPayments failedPayments;
    private final Map<String, String> programmeNames;
    private final CaseUnions caseUnions;
    private final CaseAccess caseAccess;
    private final Members members;
    private final PersonalDataInEngine personalData;
    private final ShanghaiClock clock;

    public PaymentBatches(PaymentBatchRepository batches, PaymentLineRepository lines,
                          DisbursementRepository disbursementRows, FailedPayments failedPayments,
                          List<Programme> programmes, CaseUnions caseUnions, CaseAccess caseAccess, Members members,
                          PersonalDataInEngine personalData, ShanghaiClock clock) {
        this.batches = batches;
        this.lines = lines;
        this.disbursementRows = disbursementRows;
        this.failedPayments = failedPayments;
        this.programmeNames = programmes.stream()
                .collect(Collectors.toMap(Programme::processKey, Programme::name, (a, b) -> a, LinkedHashMap::new));
        this.caseUnions = caseUnions;
        this.caseAccess = caseAccess;
        this.members = members;
        this.personalData = personalData;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ preparing

    /**
     * Service step 汇集待支付款项: the batch of the starting clerk's city, with every pending disbursement of the chosen
     * programmes ordered up to the chosen day that no open batch holds. Two clerks collecting at once: the open-batch
     * key lets one batch take a disbursement, and the other start is refused whole.
     */
    public void collect(DelegateExecution execution) {
        String clerk = loggedIn();
        Union city = caseUnions.clerkships(clerk, UnionLevel.CITY).stream().findFirst()
                .orElseThrow(() -> new UnionAssistException(PaymentError.NOT_A_PAYER, "付款批次只能由市总工会经办人编制"));
        Set<String> chosen = programmes(execution.getVariable(PROGRAMMES));
        Object upToValue = execution.getVariable(APPROVED_UP_TO);
        LocalDate upTo = upToValue == null || upToValue.toString().isBlank() ? clock.today()
                : FormValues.requiredDate(upToValue, "审批日期截至");
        if (upTo.isAfter(clock.today())) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "审批日期截至不能晚于今天");
        }
        OffsetDateTime before = upTo.plusDays(1).atStartOfDay(ShanghaiClock.ZONE).toOffsetDateTime();
        Set<Long> held = new HashSet<>(lines.heldByOpenBatches());
        List<Disbursement> payable = disbursementRows.pendingOf(chosen, before).stream()
                .filter(d -> !held.contains(d.getId())).toList();
        if (payable.isEmpty()) {
            throw new UnionAssistException(PaymentError.NOTHING_TO_PAY, "所选项目截至" + upTo
                    + "没有待支付且未编入其他批次的款项，无需编制付款批次");
        }
        PaymentBatch batch = batches.saveAndFlush(new PaymentBatch(execution.getProcessInstanceId(), city.getId(),
                String.join(",", chosen), upTo, clerk, clock.now()));
        List<PaymentLine> created = new ArrayList<>();
        int no = 0;
        for (Disbursement d : payable) {
            no++;
            created.add(new PaymentLine(batch, no, d, "%s-%04d".formatted(batch.number(), no)));
        }
        try {
            lines.saveAll(created);
            lines.flush();
        } catch (DataIntegrityViolationException | PessimisticLockingFailureException raceLost) {
            throw new UnionAssistException(PaymentError.BATCHED_CONCURRENTLY,
                    "部分款项正被另一付款批次同时编入，请稍后重新编制");
        }
        caseAccess.openCase(execution.getProcessInstanceId(), city.getId());
        execution.setProcessBusinessKey(batch.number());
        execution.setVariable("caseNumber", batch.number());
        execution.setVariable("cityUnion", city.getId());
        execution.setVariable("programme", NAME);
        execution.setVariable("preparedBy", members.displayName(clerk) + "（" + clerk + "）");
        execution.setVariable("programmesLabel", chosen.stream().map(this::programmeName)
                .collect(Collectors.joining("、")));
        execution.setVariable(REMOVE, "");
        show(batch, execution::setVariable);
    }

    /** The programmes ticked on the start form, as process keys; at least one, each one that pays. */
    private Set<String> programmes(Object raw) {
        Set<String> chosen = new LinkedHashSet<>();
        if (raw instanceof org.camunda.spin.json.SpinJsonNode list) {
            list.elements().forEach(e -> chosen.add(e.stringValue()));
        } else if (raw != null && raw.toString().startsWith("[")) {
            JSON(raw.toString()).elements().forEach(e -> chosen.add(e.stringValue()));
        } else if (raw != null) {
            chosen.add(raw.toString());
        }
        if (chosen.isEmpty()) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "请至少选择一个款项来源");
        }
        for (String key : chosen) {
            if (!programmeNames.containsKey(key)) {
                throw new UnionAssistException(CaseworkError.INVALID_INPUT, "款项来源不正确");
            }
        }
        return chosen;
    }

    String programmeName(String processKey) {
        return programmeNames.getOrDefault(processKey, processKey);
    }

    // ------------------------------------------------------------------ what the forms show

    /**
     * The batch as its forms show it: every line (cards masked, the bank's answer once there is one), a sum per
     * programme, the total with its amount in words (大写), and the failed lines with a field for the corrected card.
     */
    void show(PaymentBatch batch, BiConsumer<String, Object> variables) {
        figures(batch).forEach((name, value) -> variables.accept(name, value instanceof List<?> rows
                ? SpinValues.jsonValue(JSON(rows).toString()).create() : value));
    }

    /** What {@link #show} publishes, as plain values: the lists as lists of rows. */
    Map<String, Object> figures(PaymentBatch batch) {
        Map<String, Object> variables = new LinkedHashMap<>();
        List<PaymentLine> all = lines.findAllByBatchIdOrderByLineNoAsc(batch.getId());
        Map<Long, Disbursement> paidFrom = disbursementsOf(all);
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Map<String, Object>> failed = new ArrayList<>();
        for (PaymentLine l : all) {
            Disbursement d = paidFrom.get(l.getDisbursementId());
            String programme = programmeName(d.getProcessDefinitionKey());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("line", l.getLineNo());
            row.put("caseNumber", d.getCaseNumber());
            row.put("programme", programme);
            row.put("payee", l.getPayeeName());
            row.put("bankCard", PersonalData.maskBankCard(l.getBankCard()));
            row.put("amount", l.getAmount().toPlainString());
            row.put("result", resultLabel(l));
            row.put("reason", l.getBankReason() == null ? "" : l.getBankReason());
            rows.add(row);
            sums.merge(programme, l.getAmount(), BigDecimal::add);
            counts.merge(programme, 1, Integer::sum);
            if (PaymentLine.FAILED.equals(l.getResult())) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("line", l.getLineNo());
                f.put("payee", l.getPayeeName());
                f.put("bankCard", PersonalData.maskBankCard(l.getBankCard()));
                f.put("amount", l.getAmount().toPlainString());
                f.put("reason", l.getBankReason());
                f.put("state", d.mayBeReissued() ? "待更正" : d.getStatus().equals(Disbursement.PENDING)
                        ? "已更正，待重新支付" : Disbursement.statusLabel(d.getStatus()));
                f.put("correctedCard", "");
                f.put("correctionNote", "");
                failed.add(f);
            }
        }
        List<Map<String, Object>> summary = new ArrayList<>();
        sums.forEach((programme, sum) -> summary.add(Map.of("programme", programme,
                "count", counts.get(programme), "amount", sum.toPlainString())));
        BigDecimal total = total(all);
        variables.put(LINES, rows);
        variables.put(SUMMARY, summary);
        variables.put(FAILED, failed);
        variables.put("lineCount", all.size());
        variables.put("batchTotal", total.toPlainString());
        variables.put("totalInWords", inWords(total));
        variables.put("answeredCount", (int) all.stream().filter(PaymentLine::answered).count());
        variables.put("paidCount", (int) all.stream().filter(l -> PaymentLine.PAID.equals(l.getResult())).count());
        variables.put("failedCount", failed.size());
        return variables;
    }

    private Map<Long, Disbursement> disbursementsOf(Collection<PaymentLine> of) {
        return disbursementRows.findAllById(of.stream().map(PaymentLine::getDisbursementId).toList()).stream()
                .collect(Collectors.toMap(Disbursement::getId, d -> d));
    }

    static String resultLabel(PaymentLine l) {
        return l.getResult() == null ? "待银行回单" : Disbursement.statusLabel(l.getResult());
    }

    static BigDecimal total(Collection<PaymentLine> of) {
        return of.stream().map(PaymentLine::getAmount).reduce(Money.yuan(BigDecimal.ZERO), BigDecimal::add);
    }

    /** 壹仟贰佰元整: the total as the bank and the approver read it (Hutool's amount in Chinese capitals). */
    static String inWords(BigDecimal total) {
        return Convert.digitToChinese(total);
    }

    // ------------------------------------------------------------------ the steps' checks and effects

    PaymentBatch batchOf(String processInstanceId) {
        return batches.findByProcessInstanceId(processInstanceId)
                .orElseThrow(() -> new UnionAssistException(PaymentError.BATCH_NOT_FOUND, "找不到该付款批次"));
    }

    List<PaymentLine> linesOf(PaymentBatch batch) {
        return lines.findAllByBatchIdOrderByLineNoAsc(batch.getId());
    }

    /** The line numbers the clerk takes out (「2、5」), each on the batch; at least one line stays. */
    Set<Integer> linesToRemove(VariableScope v, PaymentBatch batch) {
        String text = FormValues.text(v, REMOVE);
        Set<Integer> named = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return named;
        }
        Set<Integer> onBatch = linesOf(batch).stream().map(PaymentLine::getLineNo).collect(Collectors.toSet());
        Refusals refusals = new Refusals("移出的行号");
        for (String part : text.split("[,，、;；\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            refusals.attempt(() -> {
                try {
                    int no = Integer.parseInt(part.strip());
                    if (onBatch.contains(no)) {
                        return named.add(no);
                    }
                } catch (NumberFormatException notANumber) {
                    // refused below
                }
                throw new UnionAssistException(CaseworkError.INVALID_INPUT, "本批次没有第" + part.strip() + "行");
            });
        }
        refusals.throwIfAny();
        if (named.size() == onBatch.size()) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "不能移出全部款项：不需要付款时请选择撤销本批次");
        }
        return named;
    }

    /** 核对付款批次 submitted: the lines named are taken out (their disbursements may join a later batch). */
    void removeLines(VariableScope v, PaymentBatch batch) {
        Set<Integer> named = linesToRemove(v, batch);
        if (named.isEmpty()) {
            return;
        }
        List<PaymentLine> out = linesOf(batch).stream().filter(l -> named.contains(l.getLineNo())).toList();
        lines.deleteAll(out);
        lines.flush();
        v.setVariable(REMOVE, "");
        show(batch, v::setVariable);
    }

    /**
     * The two-person rule: the approver is neither the clerk who prepared the batch nor anyone who submitted it for
     * approval (a second clerk who took it over after a return).
     */
    void requireSecondPerson(String approver, PaymentBatch batch, List<SignOff> trail) {
        boolean submitted = trail.stream().anyMatch(s -> "reviewBatch".equals(s.getStepId())
                && approver.equals(s.getActorId()));
        if (approver.equals(batch.getPreparedBy()) || submitted) {
            throw new UnionAssistException(PaymentError.SAME_PERSON,
                    "付款批次实行双人复核：编制或提交本批次的人员不能审批本批次，请由市总工会其他审批人审批");
        }
    }

    void approve(PaymentBatch batch, String approver) {
        batch.approved(approver, clock.now());
        batches.flush();
    }

    /** The batch ends only once the bank has answered every line. */
    void requireAnswered(PaymentBatch batch) {
        List<Integer> waiting = linesOf(batch).stream().filter(l -> !l.answered()).map(PaymentLine::getLineNo).toList();
        if (!waiting.isEmpty()) {
            throw new UnionAssistException(PaymentError.RESULTS_MISSING, "银行尚未回复第"
                    + waiting.stream().limit(20).map(String::valueOf).collect(Collectors.joining("、"))
                    + (waiting.size() > 20 ? "等" : "") + "行（共" + waiting.size() + "笔）的支付结果：请先导入银行回单");
        }
    }

    /** A correction the clerk typed for a failed line: the line, the corrected card and why. */
    record Correction(int line, String card, String note) {
    }

    /** The corrected cards typed against failed lines; a row left empty is not corrected now. */
    List<Correction> corrections(VariableScope v, PaymentBatch batch) {
        Object raw = v.getVariable(FAILED);
        List<Correction> found = new ArrayList<>();
        if (raw == null) {
            return found;
        }
        Map<Integer, PaymentLine> failed = linesOf(batch).stream()
                .filter(l -> PaymentLine.FAILED.equals(l.getResult()))
                .collect(Collectors.toMap(PaymentLine::getLineNo, l -> l));
        Refusals refusals = new Refusals("支付失败款项");
        var rows = raw instanceof org.camunda.spin.json.SpinJsonNode n ? n : JSON(raw.toString());
        for (var row : rows.elements()) {
            String card = text(row, "correctedCard");
            String note = text(row, "correctionNote");
            if (card.isEmpty() && note.isEmpty()) {
                continue;
            }
            String lineText = text(row, "line");
            refusals.attempt(() -> {
                int line;
                try {
                    line = new BigDecimal(lineText).intValueExact();
                } catch (NumberFormatException | ArithmeticException e) {
                    throw new UnionAssistException(CaseworkError.INVALID_INPUT, "支付失败款项的行号不正确");
                }
                if (!failed.containsKey(line)) {
                    throw new UnionAssistException(CaseworkError.INVALID_INPUT, "第" + line + "行不是支付失败的款项");
                }
                String where = "第" + line + "行：";
                if (card.isEmpty()) {
                    throw new UnionAssistException(CaseworkError.INVALID_INPUT, where + "请填写更正后的银行卡号");
                }
                String valid;
                try {
                    valid = PersonalData.requireValidBankCard(card);
                } catch (UnionAssistException e) {
                    throw new UnionAssistException(e.errorCode(), where + e.getMessage());
                }
                if (note.isEmpty()) {
                    throw new UnionAssistException(CaseworkError.INVALID_INPUT, where + "请填写更正说明（如新卡的来源）");
                }
                return found.add(new Correction(line, valid, note));
            });
        }
        refusals.throwIfAny();
        return found;
    }

    /** Each correction re-issues its line's disbursement, recorded in the trail of the case it pays. */
    void reissue(List<Correction> corrections, PaymentBatch batch, UnionMember clerk) {
        Map<Integer, PaymentLine> byLine = linesOf(batch).stream()
                .collect(Collectors.toMap(PaymentLine::getLineNo, l -> l));
        Refusals refusals = new Refusals("支付失败款项");
        for (Correction c : corrections) {
            refusals.attempt(() -> {
                try {
                    return failedPayments.reissue(byLine.get(c.line()).getDisbursementId(), c.card(), c.note(), clerk);
                } catch (UnionAssistException e) {
                    throw new UnionAssistException(e.errorCode(), "第" + c.line() + "行：" + e.getMessage());
                }
            });
        }
        refusals.throwIfAny();
    }

    private static String text(org.camunda.spin.json.SpinJsonNode row, String field) {
        var value = row.hasProp(field) ? row.prop(field) : null;
        if (value == null || value.isNull()) {
            return "";
        }
        return (value.isString() ? value.stringValue() : value.toString()).strip();
    }

    /** The city's clerk (the payer) doing {@code what} ("下载银行付款文件"); anyone else is refused in those words. */
    UnionMember cityClerk(String userId, PaymentBatch batch, String what) {
        return members.inRole(userId, Role.CLERK, batch.getCityUnionId())
                .orElseThrow(() -> new UnionAssistException(PaymentError.NOT_A_PAYER,
                        "只有市总工会经办人（付款人）可以" + what));
    }

    // ------------------------------------------------------------------ the ends

    /** Service step 撤销批次 / 记录不予支付: the batch closes, its disbursements are free for a later batch. */
    public void release(DelegateExecution execution) {
        PaymentBatch batch = batchOf(execution.getProcessInstanceId());
        String decision = String.valueOf(execution.getVariable("decision"));
        linesOf(batch).forEach(PaymentLine::released);
        batch.closed("reject".equals(decision) ? PaymentBatch.Status.REJECTED : PaymentBatch.Status.WITHDRAWN,
                clock.now());
        lines.flush();
    }

    /** Service step 结清批次: every line has the bank's answer; what the forms carried of new cards is masked. */
    public void settle(DelegateExecution execution) {
        PaymentBatch batch = batchOf(execution.getProcessInstanceId());
        requireAnswered(batch);
        batch.closed(PaymentBatch.Status.SETTLED, clock.now());
        show(batch, execution::setVariable);
        personalData.maskIn(execution);
    }

    private static String loggedIn() {
        return CaseUnions.loggedIn().orElseThrow(() -> new UnionAssistException(CaseworkError.NOT_AUTHORIZED,
                "请登录后再编制付款批次"));
    }
}
