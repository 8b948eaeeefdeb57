package org.unionassist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.unionassist.support.AppNode;
import org.unionassist.support.IdNumbers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operation answered 2xx on the embedded default database survives {@code kill -9}: the app runs in a forked JVM
 * on the default datasource URL (pointed at a temporary directory), starts hardship cases and completes home visits
 * over HTTP, is killed with SIGKILL right after the last answer, and after a restart every acknowledged start and
 * completion is there, in the engine and in the domain tables.
 */
@Tag("h2-only")
class CrashSafetyTest {

    private static final String DEFAULT_LOCATION = "jdbc:h2:file:./data/union-assist";
    private static final String CLERK = "eaststeel.clerk";
    private static final int OPERATIONS_PER_ROUND = 20;

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> startedCases = new ArrayList<>();
    private final List<String> completedVisits = new ArrayList<>();
    private AppNode app;

    /** The shipped {@code spring.datasource.url} with all its options, pointed at {@code directory}. */
    static String defaultDatabaseUrlIn(Path directory) {
        String shipped;
        try {
            shipped = (String) new YamlPropertySourceLoader()
                    .load("application.yml", new ClassPathResource("application.yml")).get(0)
                    .getProperty("spring.datasource.url");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(shipped).as("the default datasource URL").startsWith(DEFAULT_LOCATION);
        return "jdbc:h2:file:" + directory.resolve("union-assist").toAbsolutePath()
                + shipped.substring(DEFAULT_LOCATION.length());
    }

    @AfterEach
    void killTheApp() throws InterruptedException {
        if (app != null && app.alive()) {
            app.kill();
        }
    }

    @Test
    void everyAcknowledgedStartAndCompletionSurvivesKillMinusNine() throws Exception {
        try {
            for (int round = 1; round <= 2; round++) {
                startApp();
                assertEverythingAcknowledgedIsThere();
                workUntilKilled();
            }
            startApp();
            assertEverythingAcknowledgedIsThere();
            killNow();
            assertTheDomainRowsAreThere();
        } catch (AssertionError | Exception e) {
            if (app != null) {
                System.err.println(app.tail());
            }
            throw e;
        }
    }

    /** About twenty acknowledged operations, starts and home-visit completions mixed, then SIGKILL at once. */
    private void workUntilKilled() throws Exception {
        List<String> openVisits = new ArrayList<>(startedCases.stream()
                .filter(pid -> completedVisits.stream().noneMatch(done -> done.startsWith(pid + "/"))).toList());
        for (int i = 0; i < OPERATIONS_PER_ROUND; i++) {
            if (i % 3 == 2 && !openVisits.isEmpty()) {
                completeHomeVisit(openVisits.remove(0));
            } else {
                openVisits.add(startCase());
            }
        }
        // the last acknowledgements are a completion and a start: kill within milliseconds of them
        completeHomeVisit(openVisits.remove(0));
        startCase();
        killNow();
    }

    private String startCase() throws Exception {
        HttpResponse<String> started = call("POST",
                "/engine-rest/process-definition/key/hardshipVerification/submit-form", application(IdNumbers.next()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String pid = json.readTree(started.body()).path("id").asText();
        startedCases.add(pid);
        return pid;
    }

    private void completeHomeVisit(String pid) throws Exception {
        JsonNode tasks = json.readTree(call("GET",
                "/engine-rest/task?taskDefinitionKey=homeVisit&processInstanceId=" + pid, null).body());
        assertThat(tasks).as("the open home visit of %s", pid).hasSize(1);
        String taskId = tasks.get(0).path("id").asText();
        HttpResponse<String> completed = call("POST", "/engine-rest/task/" + taskId + "/complete", """
                {"variables":{"decision":{"value":"submit"},"opinion":{"value":"材料齐全"},
                 "visitDate":{"value":"%s"},"visitFindings":{"value":"入户核实，情况属实"}}}"""
                .formatted(LocalDate.now()));
        assertThat(completed.statusCode()).as(completed.body()).isBetween(200, 299);
        completedVisits.add(pid + "/" + taskId);
    }

    private void assertEverythingAcknowledgedIsThere() throws Exception {
        List<String> lost = new ArrayList<>();
        for (String pid : startedCases) {
            if (call("GET", "/engine-rest/history/process-instance/" + pid, null).statusCode() != 200) {
                lost.add("start " + pid);
            }
        }
        for (String visit : completedVisits) {
            String pid = visit.substring(0, visit.indexOf('/'));
            String taskId = visit.substring(visit.indexOf('/') + 1);
            JsonNode history = json.readTree(call("GET", "/engine-rest/history/task?taskId=" + taskId, null).body());
            boolean completed = history.size() == 1 && !history.get(0).path("endTime").isNull();
            boolean signedOff = call("GET", "/api/cases/" + pid + "/sign-offs", null).body().contains("入户调查");
            if (!completed || !signedOff) {
                lost.add("home visit " + visit + (completed ? "" : " (task not completed)")
                        + (signedOff ? "" : " (no sign-off)"));
            }
        }
        assertThat(lost).as("lost %d of %d acknowledged operations", lost.size(),
                startedCases.size() + completedVisits.size()).isEmpty();
    }

    /** The programme's own rows, read from the database file itself once the app is dead. */
    private void assertTheDomainRowsAreThere() throws Exception {
        try (Connection db = DriverManager.getConnection(defaultDatabaseUrlIn(dir), "sa", "")) {
            for (String pid : startedCases) {
                assertThat(count(db, "select count(*) from ua_hardship_case where process_instance_id = ?", pid))
                        .as("case row of %s", pid).isEqualTo(1);
            }
            for (String visit : completedVisits) {
                assertThat(count(db, "select count(*) from ua_sign_off where task_id = ?",
                        visit.substring(visit.indexOf('/') + 1))).as("sign-off row of %s", visit).isEqualTo(1);
            }
        }
    }

    private static long count(Connection db, String sql, String parameter) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private void startApp() throws Exception {
        app = new AppNode("app", dir, "--spring.datasource.url=" + defaultDatabaseUrlIn(dir),
                "--spring.profiles.active=demo").start();
        app.awaitReady();
    }

    private void killNow() throws InterruptedException {
        assertThat(app.kill()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        return app.call(method, path, body, CLERK);
    }

    /** A complete application as the start form sends it (every field the form asks for). */
    private static String application(String idNumber) {
        return """
                {"variables":{
                 "applicantName":{"value":"王建国","type":"String"},
                 "applicantIdNumber":{"value":"%s","type":"String"},
                 "applicantPhone":{"value":"13800138000","type":"String"},
                 "bankCard":{"value":"6222020200112233445","type":"String"},
                 "householdSize":{"value":3,"type":"Integer"},
                 "householdMembers":{"value":"[{\\"memberName\\":\\"李秀英\\",\\"memberRelation\\":\\"配偶\\",\\"memberIdNumber\\":\\"\\"},{\\"memberName\\":\\"王小明\\",\\"memberRelation\\":\\"子女\\",\\"memberIdNumber\\":\\"\\"}]","type":"Json"},
                 "annualIncome":{"value":30000,"type":"Integer"},
                 "rigidExpenditure":{"value":6000.0,"type":"Double"},
                 "illnessAccidentCost":{"value":0,"type":"Integer"},
                 "hardshipCause":{"value":"illness","type":"String"},
                 "ownsMultipleHomes":{"value":false,"type":"Boolean"},
                 "ownsBusinessOrEmploys":{"value":false,"type":"Boolean"},
                 "privateCarNonWork":{"value":false,"type":"Boolean"},
                 "childPrivateSchoolOrAbroad":{"value":false,"type":"Boolean"},
                 "migrantWorker":{"value":false,"type":"Boolean"},
                 "docIdAndHukou":{"value":true,"type":"Boolean"},
                 "docIncomeProof":{"value":true,"type":"Boolean"},
                 "docCauseProof":{"value":true,"type":"Boolean"},
                 "docIncomePledge":{"value":true,"type":"Boolean"},
                 "docDataCheckConsent":{"value":true,"type":"Boolean"}}}""".formatted(idNumber);
    }
}
