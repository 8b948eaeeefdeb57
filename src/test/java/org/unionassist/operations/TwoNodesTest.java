package org.unionassist.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.unionassist.support.AppNode;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.RestBodies;
import org.unionassist.support.TestDatabases;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes of the app on one PostgreSQL database, each in its own JVM with its job executor on, booted at the same
 * moment: the once-per-database start-up work happens once, a case moves between the nodes step by step, timers
 * fire once, and a task completed on both nodes at the same moment has one winner. Only in the PostgreSQL run.
 */
@Tag("postgres-only")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTest {

    private static final Duration JOB_WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private JdbcTemplate db;
    private AppNode a;
    private AppNode b;
    private String caseId;

    @BeforeAll
    void bootBothAtOnce() throws Exception {
        String url = TestDatabases.postgresUrl("two-nodes-" + UUID.randomUUID().toString().substring(0, 8), 0);
        db = new JdbcTemplate(new DriverManagerDataSource(url, TestDatabases.USER, ""));
        String[] arguments = {"--spring.datasource.url=" + url, "--spring.datasource.username=" + TestDatabases.USER,
                "--spring.datasource.password=", "--spring.profiles.active=demo",
                // look for due jobs every two seconds at most, so that the test need not wait a minute
                "--camunda.bpm.job-execution.max-wait=2000"};
        a = new AppNode("node-a", dir, arguments).start();
        b = new AppNode("node-b", dir, arguments).start();
        a.awaitReady();
        b.awaitReady();
    }

    @AfterAll
    void stopBoth() throws Exception {
        for (AppNode node : List.of(a, b)) {
            if (node != null && node.alive()) {
                node.kill();
            }
        }
    }

    @Test
    @Order(1)
    void bothNodesBootingAtOnceSetUpTheDatabaseOnce() {
        assertThat(db.queryForObject("select count(*) from ua_union", Integer.class)).isEqualTo(7);
        assertThat(db.queryForObject("select count(*) from act_id_user", Integer.class))
                .as("7 unions x clerk, chair, auditor + 4 grassroots x 5 representatives + admin + the demo online channel")
                .isEqualTo(43);
        assertThat(db.queryForObject("select count(*) from act_id_group where id_ like '%-channel'", Integer.class))
                .as("one channel group per grassroots union").isEqualTo(4);
        assertThat(db.queryForList("select name_ from act_ru_filter group by name_ having count(*) > 1",
                String.class)).as("Tasklist filters created twice").isEmpty();
        assertThat(db.queryForObject("select count(*) from act_ru_filter", Integer.class)).isEqualTo(4);
        assertThat(db.queryForList("select resource_id_ from act_ru_authorization group by type_, user_id_,"
                + " group_id_, resource_type_, resource_id_ having count(*) > 1", String.class))
                .as("authorizations granted twice").isEmpty();
        assertThat(db.queryForObject("select count(*) from act_re_deployment", Integer.class))
                .as("one deployment of the models and forms").isEqualTo(1);
        assertThat(db.queryForList("select key_ from act_re_procdef where version_ > 1", String.class)).isEmpty();
        assertThat(db.queryForObject("select count(*) from ua_medical_membership", Integer.class))
                .as("the three demo members, enrolled once").isEqualTo(3);
    }

    @Test
    @Order(2)
    void aCaseStartedOnOneNodeMovesOnOnTheOtherAndItsNoticeTimerFiresOnce() throws Exception {
        HttpResponse<String> started = a.call("POST",
                "/engine-rest/process-definition/key/hardshipVerification/submit-form",
                RestBodies.hardshipApplication(IdNumbers.next()), "eaststeel.clerk");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        caseId = json.readTree(started.body()).path("id").asText();

        complete(b, "homeVisit", "eaststeel.clerk", """
                {"decision":{"value":"submit"},"opinion":{"value":"材料齐全"},
                 "visitDate":{"value":"%s"},"visitFindings":{"value":"入户核实，情况属实"}}"""
                .formatted(LocalDate.now(ZoneId.of("Asia/Shanghai"))));
        complete(a, "grassrootsReview", "eaststeel.chair", """
                {"decision":{"value":"approve"},"opinion":{"value":"同意提交民主评议"},
                 "panelMembers":{"type":"Json",
                   "value":"[\\"eaststeel.rep1\\",\\"eaststeel.rep2\\",\\"eaststeel.rep3\\"]"}}""");
        complete(b, "democraticReview", "eaststeel.rep1", "{\"decision\":{\"value\":\"agree\"}}");
        complete(a, "democraticReview", "eaststeel.rep2", "{\"decision\":{\"value\":\"agree\"}}");
        complete(b, "democraticReview", "eaststeel.rep3", "{\"decision\":{\"value\":\"agree\"}}");
        assertThat(openTasks("publicNotice")).isEqualTo(1);

        String timer = db.queryForObject("select id_ from act_ru_job where process_instance_id_ = ?"
                + " and handler_type_ = 'timer-transition'", String.class, caseId);
        makeDueNow(timer);
        awaitUntil("the notice timer has fired", () -> openTasks("districtCheck") == 1);

        assertThat(db.queryForObject("select count(*) from act_hi_job_log where job_id_ = ? and job_state_ = 2",
                Integer.class, timer)).as("successful executions of the notice timer").isEqualTo(1);
        assertThat(db.queryForObject("select count(*) from act_hi_actinst where proc_inst_id_ = ?"
                + " and act_id_ = 'recordNoticePassed'", Integer.class, caseId)).isEqualTo(1);
        assertThat(openTasks("districtCheck")).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aTaskCompletedOnBothNodesAtOnceHasOneWinnerAndOneSignOff() throws Exception {
        complete(b, "districtCheck", "east.clerk",
                "{\"decision\":{\"value\":\"submit\"},\"opinion\":{\"value\":\"民政核对一致\"},"
                        + "\"civilAffairsCheck\":{\"value\":\"consistent\"}}");
        String task = taskId("districtApproval", "east.chair");
        String body = "{\"variables\":{\"decision\":{\"value\":\"approve\"},\"opinion\":{\"value\":\"同意\"}}}";
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (AppNode node : List.of(a, b)) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                    return node.call("POST", "/engine-rest/task/" + task + "/complete", body, "east.chair");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        List<HttpResponse<String>> answers = calls.stream().map(CompletableFuture::join).toList();
        List<HttpResponse<String>> won = answers.stream().filter(r -> r.statusCode() / 100 == 2).toList();
        List<HttpResponse<String>> lost = answers.stream().filter(r -> r.statusCode() / 100 == 4).toList();
        assertThat(won).as("winners among %s", answers.stream().map(r -> r.statusCode() + " " + r.body()).toList())
                .hasSize(1);
        assertThat(lost).hasSize(1);
        JsonNode refusal = json.readTree(lost.get(0).body());
        assertThat(refusal.path("type").asText()).isIn("CHANGED_BY_SOMEONE_ELSE", "NOT_FOUND");
        assertThat(refusal.path("message").asText()).as("a Chinese refusal").containsPattern("\\p{IsHan}{4,}");
        assertThat(db.queryForObject("select count(*) from ua_sign_off where task_id = ?", Integer.class, task))
                .isEqualTo(1);
        assertThat(openTasks("cityReview")).isEqualTo(1);
    }

    @Test
    @Order(4)
    void theSignOffsAreInOrderAndTheYearlyRecheckStartsOnce() throws Exception {
        complete(a, "cityReview", "city.clerk", "{\"decision\":{\"value\":\"submit\"},\"opinion\":{\"value\":\"材料完整\"}}");
        complete(b, "cityApproval", "city.chair", "{\"decision\":{\"value\":\"approve\"},\"opinion\":{\"value\":\"同意建档\"}}");

        assertThat(db.queryForList("select step_id from ua_sign_off where process_instance_id = ?"
                + " order by decided_at, id", String.class, caseId)).containsExactly("homeVisit", "grassrootsReview",
                "democraticReview", "democraticReview", "democraticReview", "recordNoticePassed", "districtCheck",
                "districtApproval", "cityReview", "cityApproval", "fileHousehold");
        assertThat(db.queryForList("select id from ua_sign_off where process_instance_id = ? order by decided_at, id",
                Long.class, caseId)).as("written in the order of the steps").isSorted();

        String recheck = db.queryForObject("select proc_inst_id_ from act_hi_procinst where proc_def_key_ ="
                + " 'hardshipFileRecheck' and super_process_instance_id_ is null", String.class);
        String timer = db.queryForObject("select id_ from act_ru_job where process_instance_id_ = ?", String.class,
                recheck);
        makeDueNow(timer);
        awaitUntil("the re-check timer has fired", () -> db.queryForObject("select count(*) from act_ru_task"
                + " where proc_inst_id_ = ? and task_def_key_ = 'annualRecheck'", Integer.class, recheck) > 0);
        Thread.sleep(5000);
        assertThat(db.queryForObject("select count(*) from act_ru_task where proc_inst_id_ = ?"
                + " and task_def_key_ = 'annualRecheck'", Integer.class, recheck)).as("re-checks started").isEqualTo(1);
        assertThat(db.queryForObject("select count(*) from act_hi_job_log where job_id_ = ? and job_state_ = 2",
                Integer.class, timer)).isEqualTo(1);

        // both nodes seal the audit chains on their own schedule: every row once, one chain
        awaitUntil("every sign-off sealed", () -> db.queryForObject(
                "select count(*) from ua_sign_off where chain_seq is null", Integer.class) == 0);
        HttpResponse<String> verified = b.call("POST", "/api/audit/chain-verification", null, "city.auditor");
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(json.readTree(verified.body()).path("intact").asBoolean()).as(verified.body()).isTrue();
    }

    @Test
    @Order(5)
    void nodesStoppedBySigtermLeaveNoJobLocked() throws Exception {
        a.stop();
        b.stop();
        assertThat(db.queryForObject("select count(*) from act_ru_job where lock_owner_ is not null"
                + " or lock_exp_time_ is not null", Integer.class)).isZero();
    }

    private void complete(AppNode node, String taskKey, String user, String variables) throws Exception {
        String task = taskId(taskKey, user);
        HttpResponse<String> done = node.call("POST", "/engine-rest/task/" + task + "/complete",
                "{\"variables\":" + variables + "}", user);
        assertThat(done.statusCode()).as("%s completes %s on %s: %s", user, taskKey, node.name(), done.body())
                .isBetween(200, 299);
    }

    private String taskId(String taskKey, String user) {
        return db.queryForObject("select t.id_ from act_ru_task t where t.proc_inst_id_ = ? and t.task_def_key_ = ?"
                + " and (t.assignee_ is null or t.assignee_ = ?)", String.class, caseId, taskKey, user);
    }

    private int openTasks(String taskKey) {
        return db.queryForObject("select count(*) from act_ru_task where proc_inst_id_ = ? and task_def_key_ = ?",
                Integer.class, caseId, taskKey);
    }

    /** The operator's way to let a timer fire now (Cockpit: 修改到期时间), recorded in the user operation log. */
    private void makeDueNow(String jobId) throws Exception {
        HttpResponse<String> set = a.call("PUT", "/engine-rest/job/" + jobId + "/duedate",
                "{\"duedate\":\"2020-01-01T00:00:00.000+0800\"}", "admin");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(204);
    }

    private static void awaitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + JOB_WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("%s within %s", what, JOB_WAIT).isLessThan(deadline);
            Thread.sleep(500);
        }
    }
}
