package org.unionassist.audit;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.register.CaseEntry;
import org.unionassist.casework.register.CaseOutcome;
import org.unionassist.organisation.Jurisdiction;
import org.unionassist.organisation.Union;
import org.unionassist.organisation.UnionLevel;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The auditors' yearly statistics for one union (the city, a district or a grassroots union) and everything below it:
 * the cases received in the year by month, programme and the union's children, how they ended and the money set; the
 * time each step took (from the engine's task history) and how often it ran past its due date; and the steps open
 * now past their due date. Every figure is counted by the database from the case register; nothing is read per case.
 */
@Service
@Transactional(readOnly = true)
public class AuditStatistics {

    /** How many open overdue steps are listed (the oldest first); the count is always complete. */
    static final int OVERDUE_LISTED = 200;

    private final NamedParameterJdbcTemplate jdbc;
    private final Jurisdiction jurisdiction;
    private final ShanghaiClock clock;

    public AuditStatistics(DataSource dataSource, Jurisdiction jurisdiction, ShanghaiClock clock) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.jurisdiction = jurisdiction;
        this.clock = clock;
    }

    public record Counts(long cases, long running, long approved, long rejected, long withdrawn, long other,
                         BigDecimal amount) {
        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, BigDecimal.ZERO.setScale(2));

        Counts plus(String state, CaseOutcome outcome, long n, BigDecimal money) {
            boolean running = CaseEntry.RUNNING.equals(state);
            return new Counts(cases + n, running ? running() + n : running(),
                    outcome == CaseOutcome.APPROVED ? approved + n : approved,
                    outcome == CaseOutcome.REJECTED ? rejected + n : rejected,
                    outcome == CaseOutcome.WITHDRAWN ? withdrawn + n : withdrawn,
                    !running && (outcome == null || outcome == CaseOutcome.CLOSED || outcome == CaseOutcome.CANCELLED)
                            ? other + n : other,
                    outcome == CaseOutcome.APPROVED && money != null ? amount.add(money) : amount);
        }
    }

    public record Step(String programme, String step, long completed, BigDecimal avgHours, BigDecimal maxHours,
                       long overdue) {
    }

    public record OverdueStep(String processInstanceId, String caseNumber, String programme, String step,
                              LocalDate dueDate, long daysOverdue, String union) {
    }

    public record Report(int year, Union union, Counts totals, Map<Integer, Counts> byMonth,
                         Map<String, Counts> byProgramme, Map<String, Counts> byUnion, List<Step> steps,
                         long overdueOpenCount, List<OverdueStep> overdueOpen) {
    }

    /**
     * The year's statistics of {@code unionId} (the caller's own union when blank), which the caller must audit.
     * Money is the amount set on the cases that were approved, in yuan.
     */
    public Report of(AuditorScope.Scope scope, Integer askedYear, String unionId) {
        int year = askedYear == null ? clock.today().getYear() : askedYear;
        if (year < 2000 || year > clock.today().getYear() + 1) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "统计年度须在 2000 年到明年之间");
        }
        Union union = unionId == null || unionId.isBlank() ? scope.audited().get(0) : scope.knownUnion(unionId);
        if (!scope.coversUnion(union.getId())) {
            throw new UnionAssistException(CaseworkError.NOT_AUTHORIZED, "您无权查看该单位的统计");
        }
        String column = AuditorScope.Scope.sqlColumn(union.getLevel());
        String childColumn = AuditorScope.Scope.sqlColumn(union.getLevel() == UnionLevel.CITY
                ? UnionLevel.DISTRICT : UnionLevel.GRASSROOTS);
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("union", union.getId())
                .addValue("from", LocalDate.of(year, 1, 1))
                .addValue("to", LocalDate.of(year, 12, 31));

        Map<String, String> unionNames = new LinkedHashMap<>();
        Counts[] totals = {Counts.NONE};
        Map<Integer, Counts> byMonth = new TreeMap<>();
        for (int m = 1; m <= 12; m++) {
            byMonth.put(m, Counts.NONE);
        }
        Map<String, Counts> byProgramme = new TreeMap<>();
        Map<String, Counts> byUnion = new TreeMap<>();
        // a case of no child union is the union's own process (a district's collective decision, the city's quotas)
        String ownLevel = union.getLevel() == UnionLevel.GRASSROOTS ? "（未定单位）" : union.getName() + "本级";
        jdbc.query("select extract(month from c.started_on) as m, c.programme_name, c." + childColumn + " as child,"
                + " c.state, c.outcome, count(*) as n, sum(c.amount) as money from ua_case c"
                + " where c." + column + " = :union and c.started_on between :from and :to"
                + " group by extract(month from c.started_on), c.programme_name, c." + childColumn
                + ", c.state, c.outcome", params, rs -> {
            int month = rs.getInt("m");
            String programme = rs.getString("programme_name");
            String child = rs.getString("child");
            String state = rs.getString("state");
            String code = rs.getString("outcome");
            CaseOutcome outcome = code == null ? null : CaseOutcome.ofCode(code);
            long n = rs.getLong("n");
            BigDecimal money = rs.getBigDecimal("money");
            java.util.function.BiFunction<Object, Counts, Counts> add =
                    (key, counts) -> (counts == null ? Counts.NONE : counts).plus(state, outcome, n, money);
            totals[0] = add.apply(null, totals[0]);
            byMonth.compute(month, add);
            byProgramme.compute(programme, add);
            byUnion.compute(child == null ? ownLevel
                    : unionNames.computeIfAbsent(child, id -> jurisdiction.union(id).getName()), add);
        });

        List<Step> steps = new ArrayList<>();
        jdbc.query("select c.programme_name, t.TASK_DEF_KEY_ as step_key, max(t.NAME_) as step, count(*) as n,"
                + " avg(t.DURATION_) as avg_ms, max(t.DURATION_) as max_ms,"
                + " sum(case when t.DUE_DATE_ is not null and t.END_TIME_ > t.DUE_DATE_ then 1 else 0 end) as late"
                + " from ua_case c join ACT_HI_TASKINST t on t.PROC_INST_ID_ = c.process_instance_id"
                + " where c." + column + " = :union and c.started_on between :from and :to"
                + " and t.END_TIME_ is not null and t.DELETE_REASON_ = 'completed'"
                + " group by c.programme_name, t.TASK_DEF_KEY_", params, rs -> {
            steps.add(new Step(rs.getString("programme_name"), rs.getString("step"), rs.getLong("n"),
                    hours(rs.getBigDecimal("avg_ms")), hours(rs.getBigDecimal("max_ms")), rs.getLong("late")));
        });
        steps.sort(Comparator.comparing(Step::programme).thenComparing(Step::avgHours, Comparator.reverseOrder()));

        // Open steps past their due date, whatever year their case came in: read from the engine's runtime tasks,
        // which hold only the open ones.
        MapSqlParameterSource open = new MapSqlParameterSource()
                .addValue("union", union.getId())
                .addValue("now", Timestamp.from(clock.now().toInstant()));
        String overdueWhere = " from ua_case c join ACT_RU_TASK t on t.PROC_INST_ID_ = c.process_instance_id"
                + " where c." + column + " = :union and c.state = 'RUNNING' and t.DUE_DATE_ < :now";
        Long overdueCount = jdbc.queryForObject("select count(*)" + overdueWhere, open, Long.class);
        LocalDate today = clock.today();
        List<OverdueStep> overdue = jdbc.query("select c.process_instance_id, c.case_number, c.programme_name,"
                        + " c.grassroots_union_id, t.NAME_, t.DUE_DATE_" + overdueWhere
                        + " order by t.DUE_DATE_, c.process_instance_id fetch first " + OVERDUE_LISTED + " rows only",
                open, (rs, i) -> {
                    LocalDate due = rs.getTimestamp("DUE_DATE_").toInstant().atZone(ShanghaiClock.ZONE).toLocalDate();
                    String grassroots = rs.getString("grassroots_union_id");
                    return new OverdueStep(rs.getString("process_instance_id"), rs.getString("case_number"),
                            rs.getString("programme_name"), rs.getString("NAME_"), due,
                            Math.max(0, ChronoUnit.DAYS.between(due, today)),
                            grassroots == null ? null : unionNames.computeIfAbsent(grassroots,
                                    id -> jurisdiction.union(id).getName()));
                });
        return new Report(year, union, totals[0], byMonth, byProgramme, byUnion, steps,
                overdueCount == null ? 0 : overdueCount, overdue);
    }

    private static BigDecimal hours(BigDecimal millis) {
        return millis == null ? BigDecimal.ZERO.setScale(1)
                : millis.divide(BigDecimal.valueOf(3_600_000), 1, RoundingMode.HALF_UP);
    }
}
