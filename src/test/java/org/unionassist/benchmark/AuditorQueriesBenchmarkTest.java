package org.unionassist.benchmark;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.unionassist.audit.AuditWorkspaceController;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.MedicalAidDriver;
import org.unionassist.support.ProcessTest;
import org.unionassist.support.TestDatabases;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import static org.unionassist.support.CaseDriver.decisionOf;

/**
 * Measures, does not assert: the auditors' queries (issue 11) on a real PostgreSQL 17 holding a city's two years:
 * 100,000 cases in the register and about 1,000,000 historic activity instances. Run with
 * {@code mvn -Pbenchmark test -Dtest=AuditorQueriesBenchmarkTest}; figures go to standard output (lines starting
 * {@code BENCHMARK}, plans under {@code PLAN}) and docs/benchmarks.md records what was measured.
 *
 * <p>How the data is made: for every grassroots union of the demo city, real cases are carried through the real
 * processes (hardship filed, refused at grassroots or district, waiting at three steps; medical enrolment, claims
 * paid by the district or the city, refused, waiting), with the engine's clock moved on between steps as days pass.
 * Those cases are the templates. The bulk is then cloned from them in SQL ({@code generate_series}, INSERT … SELECT):
 * every row a template left in the register ({@code ua_case}), the sign-off trail ({@code ua_sign_off}), the engine's
 * history ({@code ACT_HI_PROCINST}, {@code ACT_HI_ACTINST}, {@code ACT_HI_TASKINST}, {@code ACT_HI_OP_LOG},
 * {@code ACT_HI_JOB_LOG}), the per-case read rights ({@code ACT_RU_AUTHORIZATION}) and, for running cases, their
 * executions and open tasks ({@code ACT_RU_EXECUTION}, {@code ACT_RU_TASK}), with new ids (random UUIDs like the
 * engine's), a new start date spread over two years, the case's times stretched or shrunk (0.5–2×), and the rows
 * inserted in time order across all cases (as a city writes them), not case by case. Not cloned: variables, identity
 * links, jobs and the programmes' own records (household, claim), which no measured query reads.
 *
 * <p>After the measurements: the plans ({@code EXPLAIN ANALYZE}) of what the calls send, how often each call makes the
 * engine read the whole authorization table, and the same calls again with the bulk cases' grants deleted.
 * {@code -Dbenchmark.auditor.cases=3000} makes a quick trial run; {@code -Dbenchmark.auditor.hold=600} keeps the
 * loaded database open for psql for ten minutes before measuring; {@code -Dbenchmark.auditor.parts=timeline,search}
 * runs only those parts of the measurements (timeline, search, statistics, plans, scans, withoutGrants).
 */
@Tag("benchmark")
@ProcessTest
@TestPropertySource(properties = {
        // bulk sign-offs stay unsealed: no sealer running beside the measurements
        "union-assist.audit.chain.scheduled=false"})
class AuditorQueriesBenchmarkTest {

    private static final int CASES = Integer.getInteger("benchmark.auditor.cases", 100_000);
    private static final int WARM_UP = 30;
    private static final int CALLS = 200;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** The grassroots unions of the demo city, each with its district, and its share of the city's cases (%). */
    private static final String[][] UNIONS = {
            {"eaststeel", "east", "35"}, {"eaststreet", "east", "20"},
            {"westtextile", "west", "30"}, {"westhospital", "west", "15"}};

    /**
     * The kinds of case cloned, with their shares (per mille) among cases started more than 45 days ago and among
     * the more recent ones (which are still running more often).
     */
    private static final Object[][] KINDS = {
            // kind, older, recent
            {"hardshipFiled", 60, 20},
            {"hardshipRefusedByGrassroots", 50, 20},
            {"hardshipRefusedByDistrict", 20, 10},
            {"hardshipAtHomeVisit", 0, 50},
            {"hardshipOnNotice", 0, 50},
            {"hardshipAtDistrict", 0, 50},
            {"medicalEnrolment", 150, 60},
            {"medicalPaidByDistrict", 420, 290},
            {"medicalPaidByCity", 70, 60},
            {"medicalRefused", 230, 60},
            {"medicalAtDocumentCheck", 0, 330}};

    /** Runs on PostgreSQL whatever the build's database selector says: the figures are PostgreSQL's. */
    @DynamicPropertySource
    static void onPostgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.postgresUrl("union-assist-auditor-benchmark", 0));
        registry.add("spring.datasource.username", () -> TestDatabases.USER);
        registry.add("spring.datasource.password", () -> "");
    }

    @Autowired CaseDriver driver;
    @Autowired MedicalAidDriver medical;
    @Autowired AuditWorkspaceController workspace;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    private ZonedDateTime clock;
    private final Map<String, String> templates = new LinkedHashMap<>();

    @AfterEach
    void realTime() {
        CaseDriver.realTime();
    }

    @Test
    void auditorQueriesOnACitysTwoYears() {
        long t0 = System.nanoTime();
        driveTemplates();
        CaseDriver.realTime();
        System.out.printf("BENCHMARK auditor templates: %d real cases driven in %.1f s%n", templates.size(),
                (System.nanoTime() - t0) / 1e9);
        printTemplateShapes();

        long t1 = System.nanoTime();
        bulkLoad();
        System.out.printf("BENCHMARK auditor bulk load: %.1f s%n", (System.nanoTime() - t1) / 1e9);
        long t2 = System.nanoTime();
        jdbc.execute("vacuum analyze");
        System.out.printf("BENCHMARK auditor vacuum analyze: %.1f s%n", (System.nanoTime() - t2) / 1e9);
        printVolumes();
        holdForInspection();

        Map<String, Runnable> parts = new LinkedHashMap<>();
        parts.put("timeline", this::measureTimeline);
        parts.put("search", this::measureSearch);
        parts.put("statistics", this::measureStatistics);
        parts.put("plans", this::explainAll);
        parts.put("scans", this::countAuthorizationGroupScans);
        parts.put("withoutGrants", this::withoutTheBulkCasesGrants);
        parts.forEach((name, measurement) -> {
            if (part(name)) {
                measurement.run();
            }
        });
    }

    /**
     * Whether to run a part of the measurements: all of them unless {@code -Dbenchmark.auditor.parts} names some
     * (timeline, search, statistics, plans, scans, withoutGrants), to measure again after a change without the rest.
     */
    private static boolean part(String name) {
        String parts = System.getProperty("benchmark.auditor.parts", "");
        return parts.isBlank() || Arrays.asList(parts.split(",")).contains(name);
    }

    // ---------------------------------------------------------------------------------------------- the templates

    private void at(ZonedDateTime t) {
        clock = t;
        ClockUtil.setCurrentTime(Date.from(t.toInstant()));
    }

    private void after(Duration d) {
        at(clock.plus(d));
    }

    private void template(String kind, String union, ProcessInstance pi) {
        templates.put(kind + "@" + union, pi.getId());
    }

    private void driveTemplates() {
        for (String[] u : UNIONS) {
            String union = u[0];
            String district = u[1];
            driveMedical(union, district);
            driveHardship(union, district);
        }
    }

    private void driveMedical(String union, String district) {
        String[] members = {IdNumbers.next(), IdNumbers.next(), IdNumbers.next(), IdNumbers.next()};
        at(ZonedDateTime.of(2026, 1, 5, 9, 30, 0, 0, SHANGHAI));
        ProcessInstance enrolment = medical.start(union + ".clerk", MedicalAidDriver.ENROLMENT,
                MedicalAidDriver.enrolmentForm(2026, "张伟", members[0], "李娜", members[1], "王强", members[2],
                        "赵敏", members[3]));
        after(Duration.ofHours(27));
        driver.complete(enrolment, "districtConfirmation", district + ".clerk", "approve", null);
        template("medicalEnrolment", union, enrolment);

        at(ZonedDateTime.of(2026, 3, 20, 10, 0, 0, 0, SHANGHAI));
        ProcessInstance paid = medical.fileClaim(union + ".clerk", MedicalAidDriver.inpatientClaim(members[0], 12000));
        after(Duration.ofHours(50));
        driver.complete(paid, "documentCheck", union + ".clerk", MedicalAidDriver.documentsChecked());
        after(Duration.ofHours(75));
        driver.complete(paid, "claimDistrictApproval", district + ".chair", "approve", "同意赔付");
        after(Duration.ofMinutes(1));
        medical.settle(paid);
        template("medicalPaidByDistrict", union, paid);

        at(ZonedDateTime.of(2026, 3, 20, 11, 0, 0, 0, SHANGHAI));
        ProcessInstance city = medical.fileClaim(union + ".clerk", MedicalAidDriver.inpatientClaim(members[1], 20000));
        after(Duration.ofHours(30));
        driver.complete(city, "documentCheck", union + ".clerk", MedicalAidDriver.documentsChecked());
        after(Duration.ofHours(70));
        driver.complete(city, "claimDistrictApproval", district + ".chair", "approve", "同意，报市总");
        after(Duration.ofHours(96));
        driver.complete(city, "cityMedicalReview", "city.clerk", "submit", "诊断与费用相符");
        after(Duration.ofHours(49));
        driver.complete(city, "claimCityApproval", "city.chair", "approve", "同意赔付");
        after(Duration.ofMinutes(1));
        medical.settle(city);
        template("medicalPaidByCity", union, city);

        at(ZonedDateTime.of(2026, 3, 20, 14, 0, 0, 0, SHANGHAI));
        ProcessInstance refused = medical.fileClaim(union + ".clerk",
                MedicalAidDriver.inpatientClaim(members[2], 12000));
        after(Duration.ofHours(48));
        driver.complete(refused, "documentCheck", union + ".clerk", decisionOf("reject", "发票与住院日期不符"));
        template("medicalRefused", union, refused);

        at(ZonedDateTime.of(2026, 3, 20, 15, 0, 0, 0, SHANGHAI));
        template("medicalAtDocumentCheck", union,
                medical.fileClaim(union + ".clerk", MedicalAidDriver.inpatientClaim(members[3], 8000)));
        after(Duration.ofHours(20));
    }

    private ProcessInstance applyAndVisit(String union, ZonedDateTime start) {
        at(start);
        ProcessInstance pi = driver.apply(union + ".clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
        after(Duration.ofHours(70));
        driver.complete(pi, "homeVisit", union + ".clerk",
                CaseDriver.visitOf("submit", "材料齐全", "入户核实，情况属实"));
        return pi;
    }

    private ProcessInstance onNotice(String union, ZonedDateTime start) {
        ProcessInstance pi = applyAndVisit(union, start);
        after(Duration.ofHours(50));
        driver.complete(pi, "grassrootsReview", union + ".chair", CaseDriver.approveWithPanel(union));
        after(Duration.ofHours(20));
        driver.vote(pi, union + ".rep1", "agree");
        after(Duration.ofHours(5));
        driver.vote(pi, union + ".rep2", "agree");
        after(Duration.ofHours(26));
        driver.vote(pi, union + ".rep3", "agree");
        return pi;
    }

    private ProcessInstance atDistrict(String union, ZonedDateTime start) {
        ProcessInstance pi = onNotice(union, start);
        after(Duration.ofDays(7));
        driver.fireTimer(pi);
        return pi;
    }

    private void driveHardship(String union, String district) {
        ZonedDateTime start = ZonedDateTime.of(2026, 3, 2, 9, 0, 0, 0, SHANGHAI);

        ProcessInstance filed = atDistrict(union, start);
        after(Duration.ofHours(52));
        driver.complete(filed, "districtCheck", district + ".clerk",
                decisionOf("submit", "民政核对一致").putValue("civilAffairsCheck", "consistent"));
        after(Duration.ofHours(45));
        driver.complete(filed, "districtApproval", district + ".chair", "approve", "同意");
        after(Duration.ofHours(98));
        driver.complete(filed, "cityReview", "city.clerk", "submit", "材料完整");
        after(Duration.ofHours(50));
        driver.complete(filed, "cityApproval", "city.chair", "approve", "同意建档");
        template("hardshipFiled", union, filed);

        ProcessInstance refused = applyAndVisit(union, start.plusHours(1));
        after(Duration.ofHours(30));
        driver.complete(refused, "grassrootsReview", union + ".chair", "reject", "家庭收入明显高于申报");
        template("hardshipRefusedByGrassroots", union, refused);

        ProcessInstance byDistrict = atDistrict(union, start.plusHours(2));
        after(Duration.ofHours(40));
        driver.complete(byDistrict, "districtCheck", district + ".clerk",
                decisionOf("submit", "民政核对另有收入").putValue("civilAffairsCheck", "consistent"));
        after(Duration.ofHours(47));
        driver.complete(byDistrict, "districtApproval", district + ".chair", "reject", "民政核对显示另有收入");
        template("hardshipRefusedByDistrict", union, byDistrict);

        at(start.plusHours(3));
        template("hardshipAtHomeVisit", union,
                driver.apply(union + ".clerk", CaseDriver.deepHardshipApplication(IdNumbers.next())));
        template("hardshipOnNotice", union, onNotice(union, start.plusHours(4)));
        template("hardshipAtDistrict", union, atDistrict(union, start.plusHours(5)));
    }

    private void printTemplateShapes() {
        for (Map.Entry<String, String> t : templates.entrySet()) {
            if (!t.getKey().endsWith("@eaststeel")) {
                continue;
            }
            String pid = t.getValue();
            System.out.printf("BENCHMARK auditor template %-40s actinst %3d, taskinst %2d, op log %3d, job log %d, "
                            + "sign-offs %2d, authorizations %2d%n", t.getKey(),
                    count("select count(*) from act_hi_actinst where proc_inst_id_ = ?", pid),
                    count("select count(*) from act_hi_taskinst where proc_inst_id_ = ?", pid),
                    count("select count(*) from act_hi_op_log where proc_inst_id_ = ?", pid),
                    count("select count(*) from act_hi_job_log where process_instance_id_ = ?", pid),
                    count("select count(*) from ua_sign_off where process_instance_id = ?", pid),
                    count("select count(*) from act_ru_authorization where resource_id_ = ?", pid));
        }
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    // --------------------------------------------------------------------------------------------- the bulk load

    private void bulkLoad() {
        jdbc.execute("create table bench_template (kind varchar(40), grassroots varchar(32), pid varchar(64), "
                + "t0z timestamptz, t0e timestamp, span interval)");
        for (Map.Entry<String, String> t : templates.entrySet()) {
            String[] kindAndUnion = t.getKey().split("@");
            jdbc.update("insert into bench_template (kind, grassroots, pid, t0z, t0e, span) "
                            + "select ?, ?, c.process_instance_id, c.started_at, p.start_time_, "
                            + "greatest(coalesce(c.ended_at, c.started_at) - c.started_at, "
                            + "(select max(greatest(a.start_time_, coalesce(a.end_time_, a.start_time_))) "
                            + "from act_hi_actinst a where a.proc_inst_id_ = p.proc_inst_id_) - p.start_time_) "
                            + "from ua_case c join act_hi_procinst p on p.proc_inst_id_ = c.process_instance_id "
                            + "where c.process_instance_id = ?",
                    kindAndUnion[0], kindAndUnion[1], t.getValue());
        }
        jdbc.execute("create table bench_union (grassroots varchar(32), lo int, hi int)");
        int lo = 0;
        for (String[] u : UNIONS) {
            int share = Integer.parseInt(u[2]);
            jdbc.update("insert into bench_union values (?, ?, ?)", u[0], lo, lo + share);
            lo += share;
        }
        jdbc.execute("create table bench_kind (kind varchar(40), recent boolean, lo int, hi int)");
        int older = 0;
        int recent = 0;
        for (Object[] k : KINDS) {
            jdbc.update("insert into bench_kind values (?, false, ?, ?)", k[0], older, older + (int) k[1]);
            jdbc.update("insert into bench_kind values (?, true, ?, ?)", k[0], recent, recent + (int) k[2]);
            older += (int) k[1];
            recent += (int) k[2];
        }
        // one row per cloned case: its template, start (spread over two years before today, 08:00–18:00, never so
        // late that its stretched history would reach the future), pace and case number
        timed("clones", () -> jdbc.execute("""
                create table bench_clone as
                with draw as (
                    select n,
                           abs(hashtext('union' || n)) % 100 as union_bucket,
                           abs(hashtext('kind' || n)) % 1000 as kind_bucket,
                           abs(hashtext('day' || n)) % 730 as age_days,
                           abs(hashtext('minute' || n)) % 600 as minute_of_day,
                           0.5 + (abs(hashtext('pace' || n)) % 151) / 100.0 as stretch
                    from generate_series(1, :cases) n),
                placed as (
                    select d.n, t.pid as template_pid, t.kind, t.t0z, t.t0e, d.stretch,
                           least(date_trunc('day', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai'
                                     - make_interval(days => d.age_days) + make_interval(mins => 480 + d.minute_of_day),
                                 now() - t.span * d.stretch - interval '1 hour') as started_at
                    from draw d
                    join bench_union u on d.union_bucket >= u.lo and d.union_bucket < u.hi
                    join bench_kind k on k.recent = (d.age_days < 45)
                                     and d.kind_bucket >= k.lo and d.kind_bucket < k.hi
                    join bench_template t on t.kind = k.kind and t.grassroots = u.grassroots)
                select p.n, p.template_pid, p.kind, p.t0z, p.t0e, p.stretch, p.started_at,
                       p.started_at - p.t0z as shift,
                       md5(p.template_pid || ':' || p.n)::uuid::text as pid,
                       regexp_replace(c.case_number, '[0-9].*$', '')
                           || to_char(p.started_at at time zone 'Asia/Shanghai', 'YYYY')
                           || lpad((100000 + p.n)::text, 6, '0') as case_number
                from placed p join ua_case c on c.process_instance_id = p.template_pid
                """.replace(":cases", String.valueOf(CASES))));
        jdbc.execute("create index bench_clone_template on bench_clone (template_pid)");
        jdbc.execute("analyze bench_clone");

        timed("ua_case", () -> jdbc.update("""
                insert into ua_case (process_instance_id, process_definition_key, programme_name, case_number,
                    grassroots_union_id, district_union_id, city_union_id, applicant_masked, applicant_digest, amount,
                    current_step, state, outcome, outcome_label, started_at, started_on, ended_at, ended_on)
                select c.pid, u.process_definition_key, u.programme_name, c.case_number,
                       u.grassroots_union_id, u.district_union_id, u.city_union_id, u.applicant_masked,
                       case when u.applicant_digest is null then null
                            else encode(sha256(convert_to('bench-applicant-' || (c.n % 70000), 'UTF8')), 'hex') end,
                       round(u.amount * (0.5 + (c.n % 100) / 100.0), 2),
                       u.current_step, u.state, u.outcome, u.outcome_label,
                       c.started_at, (c.started_at at time zone 'Asia/Shanghai')::date,
                       c.t0z + c.shift + (u.ended_at - c.t0z) * c.stretch,
                       ((c.t0z + c.shift + (u.ended_at - c.t0z) * c.stretch) at time zone 'Asia/Shanghai')::date
                from bench_clone c join ua_case u on u.process_instance_id = c.template_pid
                order by c.started_at
                """));
        timed("ua_sign_off", () -> jdbc.update("""
                insert into ua_sign_off (process_definition_key, process_instance_id, case_number, step_id, step_name,
                    task_id, review_round, actor_id, actor_name, actor_union_id, actor_union_name, actor_role,
                    decision, decision_label, opinion, category, category_label, amount, decided_at, decided_on,
                    snapshot, findings)
                select s.process_definition_key, c.pid, c.case_number, s.step_id, s.step_name,
                       case when s.task_id is null then null else md5(s.task_id || ':' || c.n)::uuid::text end,
                       s.review_round, s.actor_id, s.actor_name, s.actor_union_id, s.actor_union_name, s.actor_role,
                       s.decision, s.decision_label, s.opinion, s.category, s.category_label, s.amount,
                       c.t0z + c.shift + (s.decided_at - c.t0z) * c.stretch,
                       ((c.t0z + c.shift + (s.decided_at - c.t0z) * c.stretch) at time zone 'Asia/Shanghai')::date,
                       s.snapshot, s.findings
                from bench_clone c join ua_sign_off s on s.process_instance_id = c.template_pid
                order by 19
                """));
        cloneEngineTable("act_hi_procinst", "proc_inst_id_",
                List.of("id_", "proc_inst_id_", "root_proc_inst_id_"), List.of("start_time_", "end_time_"),
                Map.of("business_key_", "c.case_number"), "start_time_");
        cloneEngineTable("act_hi_actinst", "proc_inst_id_",
                List.of("id_", "parent_act_inst_id_", "root_proc_inst_id_", "proc_inst_id_", "execution_id_",
                        "task_id_", "call_proc_inst_id_"),
                List.of("start_time_", "end_time_"), Map.of(), "start_time_");
        cloneEngineTable("act_hi_taskinst", "proc_inst_id_",
                List.of("id_", "root_proc_inst_id_", "proc_inst_id_", "execution_id_", "act_inst_id_",
                        "parent_task_id_"),
                List.of("start_time_", "end_time_", "follow_up_date_"),
                // a step's time allowed stays what the calendar gave it; the step's pace is the case's
                Map.of("due_date_", "c.t0e + c.shift + (r.start_time_ - c.t0e) * c.stretch "
                        + "+ (r.due_date_ - r.start_time_)"), "start_time_");
        cloneEngineTable("act_hi_op_log", "proc_inst_id_",
                List.of("id_", "root_proc_inst_id_", "proc_inst_id_", "execution_id_", "task_id_", "job_id_",
                        "operation_id_"),
                List.of("timestamp_"), Map.of(), "timestamp_");
        cloneEngineTable("act_hi_job_log", "process_instance_id_",
                List.of("id_", "job_id_", "execution_id_", "root_proc_inst_id_", "process_instance_id_"),
                List.of("timestamp_", "job_duedate_"), Map.of(), "timestamp_");
        // the per-case read rights CaseAccess grants when a case opens, in the order the cases opened
        cloneEngineTable("act_ru_authorization", "resource_id_",
                List.of("id_", "resource_id_", "root_proc_inst_id_"), List.of(), Map.of(), null);
        // the running cases' executions and open tasks (the statistics' overdue steps read them); their jobs,
        // variables and candidate groups are not cloned
        cloneEngineTable("act_ru_execution", "proc_inst_id_",
                List.of("id_", "root_proc_inst_id_", "proc_inst_id_", "parent_id_", "super_exec_", "act_inst_id_"),
                List.of(), Map.of("business_key_", "c.case_number"), null);
        cloneEngineTable("act_ru_task", "proc_inst_id_",
                List.of("id_", "execution_id_", "proc_inst_id_", "parent_task_id_"),
                List.of("create_time_", "last_updated_", "follow_up_date_"),
                Map.of("due_date_", "c.t0e + c.shift + (r.create_time_ - c.t0e) * c.stretch "
                        + "+ (r.due_date_ - r.create_time_)"), "create_time_");
    }

    /**
     * Copies every row the templates left in an engine table once per clone: ids mapped to new UUIDs (the same id
     * maps to the same new id within a clone, so the rows still point at each other), times moved to the clone's
     * start and stretched by its pace, durations stretched, everything else as the engine wrote it.
     */
    private void cloneEngineTable(String table, String caseColumn, List<String> ids, List<String> times,
                                  Map<String, String> special, String orderBy) {
        List<String> columns = jdbc.queryForList("select column_name from information_schema.columns "
                        + "where table_schema = current_schema() and table_name = ? order by ordinal_position",
                String.class, table);
        List<String> exprs = new ArrayList<>();
        for (String column : columns) {
            if (special.containsKey(column)) {
                exprs.add(special.get(column));
            } else if (ids.contains(column)) {
                exprs.add("case when r.%1$s is null then null else md5(r.%1$s || ':' || c.n)::uuid::text end"
                        .formatted(column));
            } else if (times.contains(column)) {
                exprs.add("c.t0e + c.shift + (r.%s - c.t0e) * c.stretch".formatted(column));
            } else if (column.equals("duration_")) {
                exprs.add("round(r.duration_ * c.stretch)::bigint");
            } else {
                exprs.add("r." + column);
            }
        }
        String sql = "insert into " + table + " (" + String.join(", ", columns) + ") select "
                + String.join(", ", exprs)
                + " from bench_clone c"
                + " join " + table + " r on r." + caseColumn + " = c.template_pid"
                + (orderBy == null ? " order by c.started_at" : " order by " + (columns.indexOf(orderBy) + 1));
        timed(table, () -> jdbc.update(sql));
    }

    private void timed(String what, Runnable load) {
        long t = System.nanoTime();
        load.run();
        System.out.printf("BENCHMARK auditor loaded %-22s in %6.1f s%n", what, (System.nanoTime() - t) / 1e9);
    }

    private void printVolumes() {
        for (String table : List.of("ua_case", "ua_sign_off", "act_hi_procinst", "act_hi_actinst", "act_hi_taskinst",
                "act_hi_op_log", "act_hi_job_log", "act_ru_authorization", "act_ru_execution", "act_ru_task")) {
            Map<String, Object> row = jdbc.queryForMap("select "
                    + "pg_size_pretty(pg_table_size(?::regclass)) as heap, "
                    + "pg_size_pretty(pg_indexes_size(?::regclass)) as indexes", table, table);
            System.out.printf("BENCHMARK auditor volume %-22s %,10d rows, table %8s, indexes %8s%n", table,
                    jdbc.queryForObject("select count(*) from " + table, Long.class), row.get("heap"),
                    row.get("indexes"));
        }
        System.out.printf("BENCHMARK auditor database size %s%n",
                jdbc.queryForObject("select pg_size_pretty(pg_database_size(current_database()))", String.class));
        System.out.println("BENCHMARK auditor cases by kind: " + jdbc.queryForList(
                "select kind, count(*) as n from bench_clone group by kind order by kind").stream()
                .map(r -> r.get("kind") + "=" + r.get("n")).collect(Collectors.joining(", ")));
        System.out.println("BENCHMARK auditor cases by year started: " + jdbc.queryForList(
                "select extract(year from started_on)::int as y, count(*) as n from ua_case group by 1 order by 1")
                .stream().map(r -> r.get("y") + "=" + r.get("n")).collect(Collectors.joining(", ")));
    }

    /**
     * With {@code -Dbenchmark.auditor.hold=<seconds>}, waits that long after loading, so that the loaded database can
     * be examined by hand (psql, EXPLAIN) before the measurements run; the embedded server goes away with the JVM.
     */
    private void holdForInspection() {
        int seconds = Integer.getInteger("benchmark.auditor.hold", 0);
        if (seconds <= 0) {
            return;
        }
        System.out.printf("BENCHMARK auditor holding %d s: psql -h localhost -p %d -U postgres %s%n", seconds,
                TestDatabases.server().getPort(), jdbc.queryForObject("select current_database()", String.class));
        sleepSeconds(seconds);
    }

    // ------------------------------------------------------------------------------------------- the measurements

    /** Runs {@code calls} as the auditor (logged in once, as the webapps' session is), after a warm-up. */
    private void measure(String auditor, String what, String goal, int warmUp, int calls, IntConsumer call) {
        List<String> groups = identity.createGroupQuery().groupMember(auditor).list().stream().map(Group::getId)
                .toList();
        identity.setAuthentication(auditor, groups);
        try {
            for (int i = 0; i < warmUp; i++) {
                call.accept(i);
            }
            double[] millis = new double[calls];
            for (int i = 0; i < calls; i++) {
                long t = System.nanoTime();
                call.accept(warmUp + i);
                millis[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(millis);
            System.out.printf(Locale.ROOT, "BENCHMARK auditor %-62s as %-12s n=%d p50 %7.1f ms, p95 %7.1f ms, "
                            + "max %7.1f ms (goal %s)%n", what, auditor, calls, millis[calls / 2],
                    millis[(int) Math.ceil(calls * 0.95) - 1], millis[calls - 1], goal);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Bulk cases of a district (of one kind, or any), in an order unrelated to where their rows lie. */
    private List<String> bulkCases(String district, String kind, int n) {
        return jdbc.queryForList("select c.pid from bench_clone c join ua_case u on u.process_instance_id = c.pid "
                        + "where u.district_union_id = ? and (cast(? as varchar) is null"
                        + " or c.kind = cast(? as varchar)) order by md5(c.pid) limit ?",
                String.class, district, kind, kind, n);
    }

    private void measureTimeline() {
        String goal = "p95 <= 20 ms";
        String realFiled = templates.get("hardshipFiled@eaststeel");
        measure("east.auditor", "timeline: one real filed hardship case, repeated", goal, WARM_UP, CALLS,
                i -> workspace.caseView(realFiled));
        List<String> east = bulkCases("east", null, WARM_UP + CALLS);
        measure("east.auditor", "timeline: 200 different bulk cases of the district", goal, WARM_UP, CALLS,
                i -> workspace.caseView(east.get(i % east.size())));
        List<String> filed = bulkCases("east", "hardshipFiled", WARM_UP + CALLS);
        measure("east.auditor", "timeline: 200 different bulk filed hardship cases", goal, WARM_UP, CALLS,
                i -> workspace.caseView(filed.get(i % filed.size())));
        List<String> west = bulkCases("west", null, WARM_UP + CALLS);
        measure("city.auditor", "timeline: 200 different bulk cases of the city", goal, WARM_UP, CALLS,
                i -> workspace.caseView(west.get(i % west.size())));
    }

    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = LocalDate.of(2026, 6, 30);

    /** The search an auditor runs by typing the start of a case number. */
    private Map<String, Object> byNumber(String prefix) {
        return workspace.cases(null, null, null, null, null, null, prefix, null, null, null, 0, 20);
    }

    @SuppressWarnings("unchecked")
    private void measureSearch() {
        // what the filters find, to read the figures by
        for (String[] who : new String[][] {{"east.auditor", "east"}, {"city.auditor", null}}) {
            Map<String, Object> found = driver.as(who[0], () -> workspace.cases("medicalAidClaim", who[1], null,
                    "approved", FROM, TO, null, null, null, null, 0, 20));
            System.out.printf("BENCHMARK auditor search as %s, medicalAidClaim approved %s–%s%s: %s cases%n", who[0],
                    FROM, TO, who[1] == null ? "" : " in " + who[1], found.get("total"));
        }
        String goal = "p95 <= 100 ms";
        measure("east.auditor", "search: district+programme+dates+outcome, page 0", goal, WARM_UP, CALLS,
                i -> workspace.cases("medicalAidClaim", "east", null, "approved", FROM, TO, null, null, null, null,
                        0, 20));
        measure("east.auditor", "search: district+programme+dates+outcome, page 50", goal, WARM_UP, CALLS,
                i -> workspace.cases("medicalAidClaim", "east", null, "approved", FROM, TO, null, null, null, null,
                        50, 20));
        measure("city.auditor", "search: district+programme+dates+outcome, page 0", goal, WARM_UP, CALLS,
                i -> workspace.cases("medicalAidClaim", "west", null, "approved", FROM, TO, null, null, null, null,
                        0, 20));
        measure("city.auditor", "search: programme+dates+outcome (whole city), page 0", goal, WARM_UP, CALLS,
                i -> workspace.cases("medicalAidClaim", null, null, "approved", FROM, TO, null, null, null, null,
                        0, 20));
        measure("city.auditor", "search: programme+dates+outcome (whole city), page 200", goal, WARM_UP, CALLS,
                i -> workspace.cases("medicalAidClaim", null, null, "approved", FROM, TO, null, null, null, null,
                        200, 20));
        measure("city.auditor", "search: hardship, running, whole city, no dates, page 0", goal, WARM_UP, CALLS,
                i -> workspace.cases("hardshipVerification", null, "RUNNING", null, null, null, null, null, null,
                        null, 0, 20));
        // a case number typed in part: the year's prefix (many), then down to a handful
        measure("east.auditor", "search: case number prefix YL2026 (a year)", goal, WARM_UP, CALLS,
                i -> byNumber("YL2026"));
        List<String> numbers = jdbc.queryForList("select substr(case_number, 1, 10) from ua_case "
                + "where district_union_id = 'east' and case_number like '__2026%' order by md5(case_number) limit ?",
                String.class, WARM_UP + CALLS);
        measure("east.auditor", "search: case number prefix of 10 characters (about 10 cases)", goal, WARM_UP, CALLS,
                i -> byNumber(numbers.get(i % numbers.size())));
        measure("city.auditor", "search: case number prefix of 10 characters (about 10 cases)", goal, WARM_UP, CALLS,
                i -> byNumber(numbers.get(i % numbers.size())));
    }

    @SuppressWarnings("unchecked")
    private void measureStatistics() {
        String goal = "<= 1 s";
        for (int year : new int[] {2025, 2026}) {
            for (String[] who : new String[][] {{"city.auditor", "city"}, {"city.auditor", "east"},
                    {"east.auditor", "east"}, {"west.auditor", "westtextile"}}) {
                Map<String, Object> report = driver.as(who[0], () -> workspace.statistics(year, who[1]));
                System.out.printf("BENCHMARK auditor statistics %d of %s: %s cases, %d step rows, %s open steps "
                                + "overdue%n", year, who[1], ((Map<String, Object>) report.get("totals")).get("cases"),
                        ((List<?>) report.get("steps")).size(), report.get("overdueOpenCount"));
                measure(who[0], "yearly statistics " + year + " of " + who[1], goal, 3, 20,
                        i -> workspace.statistics(year, who[1]));
            }
        }
    }

    // ------------------------------------------------------------------------------------------- the diagnosis

    /**
     * Index entries of {@code ACT_RU_AUTHORIZATION(GROUP_ID_)} read so far: the engine reads the whole index each time
     * an authenticated command checks authorizations ({@code AuthorizationManager.filterAuthenticatedGroupIds}:
     * {@code SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A}, once per command).
     */
    private long groupIndexEntriesRead() {
        // a backend reports its counts when idle for a while: wait until the pool's connections have
        sleepSeconds(11);
        Long n = jdbc.queryForObject("select idx_tup_read from pg_stat_user_indexes "
                + "where indexrelname = 'act_idx_auth_group_id'", Long.class);
        return n == null ? 0 : n;
    }

    private void countScans(String auditor, String what, IntConsumer call) {
        long rows = count("select count(*) from act_ru_authorization");
        long before = groupIndexEntriesRead();
        int calls = 10;
        driver.asDo(auditor, () -> {
            for (int i = 0; i < calls; i++) {
                call.accept(i);
            }
        });
        long read = groupIndexEntriesRead() - before;
        System.out.printf(Locale.ROOT, "BENCHMARK auditor %-62s as %-12s reads the whole authorization table "
                + "(%,d rows) %.1f times per call%n", what, auditor, rows, read / (double) rows / calls);
    }

    /**
     * Not the auditors': the first page of open tasks, as Tasklist asks the engine for it (one authenticated command),
     * to show that the authorization table's size reaches every user.
     */
    private void taskList() {
        driver.tasks().createTaskQuery().active().orderByTaskCreateTime().desc().listPage(0, 15);
    }

    private void measureTaskList(String label) {
        measure("eaststeel.clerk", "a caseworker's task list (the engine's task query)" + label, "none", WARM_UP,
                CALLS, i -> taskList());
    }

    /** How often one call of each kind makes the engine read all of ACT_RU_AUTHORIZATION. */
    private void countAuthorizationGroupScans() {
        measureTaskList("");
        String realFiled = templates.get("hardshipFiled@eaststeel");
        countScans("east.auditor", "timeline: the real filed hardship case", i -> workspace.caseView(realFiled));
        List<String> medical = bulkCases("east", "medicalPaidByDistrict", 10);
        countScans("east.auditor", "timeline: a bulk paid claim",
                i -> workspace.caseView(medical.get(i % medical.size())));
        countScans("east.auditor", "search: district+programme+dates+outcome, page 0",
                i -> workspace.cases("medicalAidClaim", "east", null, "approved", FROM, TO, null, null, null, null,
                        0, 20));
        countScans("city.auditor", "yearly statistics 2025 of city", i -> workspace.statistics(2025, "city"));
        countScans("eaststeel.clerk", "a caseworker's task list (the engine's task query)", i -> taskList());
        for (String[] who : new String[][] {{"east.auditor", "east-auditor"}, {"eaststeel.clerk", "eaststeel-clerk"}}) {
            System.out.printf("BENCHMARK auditor authorization rows of group %s: %,d%n", who[1],
                    count("select count(*) from act_ru_authorization where group_id_ = ?", who[1]));
        }
        explain("the engine's group filter, run once per authenticated command",
                "SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A");
    }

    /**
     * The same calls with the per-case read rights of the bulk cases deleted (ACT_RU_AUTHORIZATION back to the real
     * cases' and the organisation's rows), everything else unchanged: what the authorization table's size costs.
     * Bulk cases can no longer be opened then (their history is not readable without the grant), so the timeline is
     * the real case's.
     */
    private void withoutTheBulkCasesGrants() {
        jdbc.update("delete from act_ru_authorization a using bench_clone c where a.resource_id_ = c.pid");
        jdbc.execute("vacuum analyze act_ru_authorization");
        System.out.printf("BENCHMARK auditor without the bulk cases' grants: ACT_RU_AUTHORIZATION holds %,d rows%n",
                count("select count(*) from act_ru_authorization"));
        String realFiled = templates.get("hardshipFiled@eaststeel");
        String label = " (bulk grants deleted)";
        measure("east.auditor", "timeline: one real filed hardship case" + label, "p95 <= 20 ms", WARM_UP, CALLS,
                i -> workspace.caseView(realFiled));
        measure("east.auditor", "search: district+programme+dates+outcome, page 0" + label, "p95 <= 100 ms",
                WARM_UP, CALLS, i -> workspace.cases("medicalAidClaim", "east", null, "approved", FROM, TO, null,
                        null, null, null, 0, 20));
        measure("city.auditor", "search: programme+dates+outcome (whole city), page 200" + label, "p95 <= 100 ms",
                WARM_UP, CALLS, i -> workspace.cases("medicalAidClaim", null, null, "approved", FROM, TO, null, null,
                        null, null, 200, 20));
        List<String> numbers = jdbc.queryForList("select substr(case_number, 1, 10) from ua_case "
                + "where district_union_id = 'east' and case_number like '__2026%' order by md5(case_number) limit ?",
                String.class, WARM_UP + CALLS);
        measure("east.auditor", "search: case number prefix of 10 characters" + label, "p95 <= 100 ms", WARM_UP,
                CALLS, i -> byNumber(numbers.get(i % numbers.size())));
        measure("city.auditor", "yearly statistics 2025 of city" + label, "<= 1 s", 3, 20,
                i -> workspace.statistics(2025, "city"));
        measure("east.auditor", "yearly statistics 2025 of east" + label, "<= 1 s", 3, 20,
                i -> workspace.statistics(2025, "east"));
        measureTaskList(label);
    }

    private static void sleepSeconds(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------------------------------------- the plans

    private void explain(String what, String sql, Object... args) {
        System.out.println("PLAN " + what);
        jdbc.queryForList("explain (analyze, buffers) " + sql, String.class, args)
                .forEach(line -> System.out.println("PLAN   " + line));
    }

    /** The plans of what the measured calls send, on the loaded data (the engine's and AuditStatistics' own SQL). */
    private void explainAll() {
        String pid = bulkCases("east", "hardshipFiled", 1).get(0);
        // the engine's query for a case's activities, as the auditor (authorization check on, as in the workspace)
        explain("timeline: the engine's historic activity query (east.auditor)", """
                select distinct RES.* FROM ACT_HI_ACTINST RES left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A
                WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ( ?, '*') OR A.GROUP_ID_ IN ( ? ) ) AND ( ( A.RESOURCE_TYPE_ = ?
                AND A.PERMS_ & ? = ? OR A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? ) ) ) AUTH ON (AUTH.RESOURCE_ID_ IN (
                RES.PROC_DEF_KEY_ , '*' , RES.PROC_INST_ID_ ) ) WHERE RES.PROC_INST_ID_ = ? AND AUTH.RESOURCE_ID_ IS
                NOT NULL and (RES.TENANT_ID_ is null ) order by RES.START_TIME_ asc, RES.SEQUENCE_COUNTER_ asc
                LIMIT ? OFFSET ?""", "east.auditor", "east-auditor", 6, 4096, 4096, 20, 2, 2, pid, Integer.MAX_VALUE,
                0);
        explain("timeline: the engine's historic process instance query (east.auditor)", """
                select distinct RES.* from ( SELECT SELF.*, DEF.NAME_, DEF.VERSION_, DEF.DEPLOYMENT_ID_ FROM
                ACT_HI_PROCINST SELF LEFT JOIN ACT_RE_PROCDEF DEF ON SELF.PROC_DEF_ID_ = DEF.ID_ left join ( SELECT A.*
                FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ( ?, '*') OR A.GROUP_ID_ IN ( ? ) )
                AND ( ( A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? OR A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? ) ) )
                AUTH ON (AUTH.RESOURCE_ID_ IN ( SELF.PROC_DEF_KEY_ , '*' , SELF.ID_ ) ) WHERE ( 1 = 1 and
                SELF.PROC_INST_ID_ = ? ) and ( (SELF.PROC_DEF_KEY_ is not null AND AUTH.RESOURCE_ID_ IS NOT NULL ) or
                SELF.PROC_DEF_KEY_ is null ) and (SELF.TENANT_ID_ is null ) ) RES order by RES.ID_ asc LIMIT ?
                OFFSET ?""", "east.auditor", "east-auditor", 6, 4096, 4096, 20, 2, 2, pid, Integer.MAX_VALUE, 0);
        explain("timeline: sign-offs of one case", "select * from ua_sign_off where process_instance_id = ? "
                + "order by decided_at, id", pid);

        String where = "district_union_id = 'east' and process_definition_key = 'medicalAidClaim' "
                + "and outcome = 'approved' and started_on >= date '2026-01-01' and started_on <= date '2026-06-30'";
        explain("search: page 0 (east)", "select * from ua_case where " + where
                + " order by started_at desc, process_instance_id desc offset 0 rows fetch first 20 rows only");
        explain("search: count (east)", "select count(process_instance_id) from ua_case where " + where);
        explain("search: by state and outcome (east)", "select state, outcome, count(*) from ua_case where " + where
                + " group by state, outcome");
        String city = "city_union_id = 'city' and process_definition_key = 'medicalAidClaim' "
                + "and outcome = 'approved' and started_on >= date '2026-01-01' and started_on <= date '2026-06-30'";
        explain("search: page 200 (city)", "select * from ua_case where " + city
                + " order by started_at desc, process_instance_id desc offset 4000 rows fetch first 20 rows only");
        // CaseSearch sends a typed prefix as the LIKE and as the range that the index on the number serves
        explain("search: case number prefix of 10 characters (east)", "select * from ua_case where "
                + "district_union_id = 'east' and case_number like 'YL20261234%' escape '\\' "
                + "and case_number >= 'YL20261234' and case_number < 'YL20261235' "
                + "order by started_at desc, process_instance_id desc offset 0 rows fetch first 20 rows only");
        explain("search: case number prefix of a year, by state and outcome (east)", "select state, outcome, "
                + "count(*) from ua_case where district_union_id = 'east' and case_number like 'YL2026%' escape '\\' "
                + "and case_number >= 'YL2026' and case_number < 'YL2027' group by state, outcome");
        // the case view's check of the auditor's grant (CaseAccess.historyGrantedToAny, an authorization query by
        // resource id; HISTORIC_PROCESS_INSTANCE is resource type 20, its READ permission 2)
        explain("timeline: the case's grant, looked up by its id", "select count(distinct RES.ID_) from "
                + "ACT_RU_AUTHORIZATION RES where RES.TYPE_ = 1 and RES.GROUP_ID_ in (?) and RES.RESOURCE_TYPE_ = 20 "
                + "and RES.RESOURCE_ID_ = ? and RES.PERMS_ & 2 = 2", "east-auditor", pid);

        // AuditStatistics' queries for the city's year 2025, as it sends them
        String cityYear = " where c.city_union_id = 'city'"
                + " and c.started_on between date '2025-01-01' and date '2025-12-31'";
        explain("statistics: cases by month, programme, district, state and outcome (city, 2025)",
                "select extract(month from c.started_on) as m, c.programme_name, c.district_union_id as child,"
                        + " c.state, c.outcome, count(*) as n, sum(c.amount) as money from ua_case c" + cityYear
                        + " group by extract(month from c.started_on), c.programme_name, c.district_union_id,"
                        + " c.state, c.outcome");
        explain("statistics: time per step and overdue steps (city, 2025)",
                "select c.programme_name, t.TASK_DEF_KEY_ as step_key, max(t.NAME_) as step, count(*) as n,"
                        + " avg(t.DURATION_) as avg_ms, max(t.DURATION_) as max_ms,"
                        + " sum(case when t.DUE_DATE_ is not null and t.END_TIME_ > t.DUE_DATE_ then 1 else 0 end)"
                        + " as late from ua_case c join ACT_HI_TASKINST t on t.PROC_INST_ID_ = c.process_instance_id"
                        + cityYear + " and t.END_TIME_ is not null and t.DELETE_REASON_ = 'completed'"
                        + " group by c.programme_name, t.TASK_DEF_KEY_");
        explain("statistics: open steps past their due date (city)",
                "select count(*) from ua_case c join ACT_RU_TASK t on t.PROC_INST_ID_ = c.process_instance_id"
                        + " where c.city_union_id = 'city' and c.state = 'RUNNING' and t.DUE_DATE_ < now()");
    }
}
