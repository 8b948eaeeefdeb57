package org.unionassist.payment;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.ExportWorkbook;
import org.unionassist.casework.Money;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.UnionAssistException;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * 付款对账: per programme and month of approval (the day its disbursement was ordered, Beijing time), what was approved
 * for payment against what the bank confirmed paid, what is still pending (in a batch or not yet), and what failed
 * and waits for a corrected card. Approved = paid + pending + failed, to the fen; paid is read from the bank's
 * confirmed lines, not from the disbursement's status, and a disbursement whose status disagrees with the bank's lines
 * is counted apart, so that a row that does not add up shows where to look.
 */
@Service
public class Reconciliation {

    private final JdbcTemplate jdbc;
    private final PaymentBatches batches;

    public Reconciliation(JdbcTemplate jdbc, PaymentBatches batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** One programme in one month. */
    public record Row(String programme, String month, Figure approved, Figure paid, Figure pending, Figure inBatch,
                      Figure failed, BigDecimal difference, int statusDisagrees) {

        public boolean balanced() {
            return difference.signum() == 0 && statusDisagrees == 0;
        }
    }

    /** A count of disbursements and their sum. */
    public record Figure(int count, BigDecimal amount) {
        static final Figure NONE = new Figure(0, Money.yuan(BigDecimal.ZERO));

        Figure plus(BigDecimal more) {
            return new Figure(count + 1, amount.add(more));
        }
    }

    /** The months from {@code from} to {@code to} (yyyy-MM), at most 36 of them. */
    public record Period(YearMonth from, YearMonth to) {

        public static Period of(String from, String to) {
            try {
                YearMonth f = YearMonth.parse(from.strip());
                YearMonth t = to == null || to.isBlank() ? f : YearMonth.parse(to.strip());
                if (t.isBefore(f) || f.plusMonths(35).isBefore(t)) {
                    throw new UnionAssistException(CaseworkError.INVALID_INPUT, "对账期间应为起始月至截止月，最长36个月");
                }
                return new Period(f, t);
            } catch (DateTimeParseException | NullPointerException e) {
                throw new UnionAssistException(CaseworkError.INVALID_INPUT, "对账月份格式应为 yyyy-MM，如 2026-03");
            }
        }

        OffsetDateTime start() {
            return from.atDay(1).atStartOfDay(ShanghaiClock.ZONE).toOffsetDateTime();
        }

        OffsetDateTime end() {
            return to.plusMonths(1).atDay(1).atStartOfDay(ShanghaiClock.ZONE).toOffsetDateTime();
        }
    }

    private record Key(String programme, String month) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int byMonth = month.compareTo(o.month);
            return byMonth != 0 ? byMonth : programme.compareTo(o.programme);
        }
    }

    public List<Row> report(Period period) {
        Map<Long, BigDecimal> confirmed = new HashMap<>();
        jdbc.query("select l.disbursement_id, l.amount from ua_payment_line l join ua_disbursement d"
                        + " on d.id = l.disbursement_id where l.result = 'PAID' and d.created_at >= ? and d.created_at < ?",
                rs -> {
                    confirmed.merge(rs.getLong(1), rs.getBigDecimal(2), BigDecimal::add);
                }, period.start(), period.end());
        Map<Long, Boolean> held = new HashMap<>();
        jdbc.query("select l.open_disbursement_id from ua_payment_line l join ua_disbursement d"
                        + " on d.id = l.open_disbursement_id where d.created_at >= ? and d.created_at < ?",
                rs -> {
                    held.put(rs.getLong(1), true);
                }, period.start(), period.end());
        Map<Key, Figure[]> figures = new TreeMap<>();
        Map<Key, int[]> disagree = new HashMap<>();
        jdbc.query("select id, process_definition_key, created_at, amount, status from ua_disbursement"
                + " where created_at >= ? and created_at < ?", rs -> {
            long id = rs.getLong(1);
            String month = YearMonth.from(rs.getTimestamp(3).toInstant().atZone(ShanghaiClock.ZONE)).toString();
            Key key = new Key(batches.programmeName(rs.getString(2)), month);
            BigDecimal amount = rs.getBigDecimal(4);
            String status = rs.getString(5);
            Figure[] f = figures.computeIfAbsent(key, k -> new Figure[]{Figure.NONE, Figure.NONE, Figure.NONE,
                    Figure.NONE, Figure.NONE});
            f[0] = f[0].plus(amount);
            BigDecimal paid = confirmed.get(id);
            if (paid != null) {
                f[1] = f[1].plus(paid);
            } else if (Disbursement.FAILED.equals(status)) {
                f[4] = f[4].plus(amount);
            } else {
                f[2] = f[2].plus(amount);
                if (held.containsKey(id)) {
                    f[3] = f[3].plus(amount);
                }
            }
            if ((paid != null) != Disbursement.PAID.equals(status)) {
                disagree.computeIfAbsent(key, k -> new int[1])[0]++;
            }
        }, period.start(), period.end());
        List<Row> rows = new ArrayList<>();
        figures.forEach((key, f) -> rows.add(new Row(key.programme(), key.month(), f[0], f[1], f[2], f[3], f[4],
                f[0].amount().subtract(f[1].amount()).subtract(f[2].amount()).subtract(f[4].amount()),
                disagree.getOrDefault(key, new int[1])[0])));
        return rows;
    }

    /** The report as JSON: rows with amounts as text to the fen, and whether each row adds up. */
    public List<Map<String, Object>> view(List<Row> rows) {
        return rows.stream().map(r -> {
            Map<String, Object> v = new java.util.LinkedHashMap<>();
            v.put("programme", r.programme());
            v.put("month", r.month());
            v.put("approvedCount", r.approved().count());
            v.put("approved", r.approved().amount().toPlainString());
            v.put("paidCount", r.paid().count());
            v.put("paid", r.paid().amount().toPlainString());
            v.put("pendingCount", r.pending().count());
            v.put("pending", r.pending().amount().toPlainString());
            v.put("inBatch", r.inBatch().amount().toPlainString());
            v.put("failedCount", r.failed().count());
            v.put("failed", r.failed().amount().toPlainString());
            v.put("difference", r.difference().toPlainString());
            v.put("statusDisagrees", r.statusDisagrees());
            v.put("balanced", r.balanced());
            v.put("balancedLabel", r.balanced() ? "相符" : "不符");
            return v;
        }).toList();
    }

    /** The same report as an Excel sheet, with who exported it when. */
    public byte[] workbook(Period period, List<Row> rows, String exportedBy, OffsetDateTime at) {
        ExportWorkbook workbook = new ExportWorkbook();
        ExportWorkbook.Table sheet = workbook.sheet("付款对账", "付款对账 " + period.from() + " 至 " + period.to()
                        + "（按审批月份；已支付以银行回单为准）  " + exportedBy + "于" + at.format(ShanghaiClock.SHOWN) + "导出",
                List.of("项目", "审批月份", "审批笔数", "审批金额", "已支付笔数", "已支付金额", "待支付笔数", "待支付金额",
                        "其中已编入批次", "支付失败笔数", "支付失败金额", "差额", "状态与回单不符笔数", "对账结果"));
        if (rows.isEmpty()) {
            sheet.none();
        }
        for (Row r : rows) {
            sheet.row(r.programme(), r.month(), r.approved().count(), r.approved().amount(), r.paid().count(),
                    r.paid().amount(), r.pending().count(), r.pending().amount(), r.inBatch().amount(),
                    r.failed().count(), r.failed().amount(), r.difference(), r.statusDisagrees(),
                    r.balanced() ? "相符" : "不符");
        }
        sheet.finish();
        return workbook.bytes();
    }
}
