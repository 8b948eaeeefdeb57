package org.unionassist.casework;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.unionassist.casework.intervention.ManualIntervention;
import org.unionassist.casework.intervention.ManualInterventionRepository;
import org.unionassist.casework.signoff.SignOff;
import org.unionassist.casework.signoff.SignOffRepository;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every manual intervention in a case (a timer fired by hand, job retries, variables, modification, suspension,
 * migration, deletion) is in the case's trail with the acting user, read over HTTP with the sign-offs' access rules;
 * and a public notice cut short says so in the audit trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:union-assist-intervention-test;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("demo")
class ManualInterventionTrailTest {

    private static final String ADMIN = "admin";
    private static final String EARLY_END_BODY = "{\"reason\":\"演示：提前结束公示\"}";

    @LocalServerPort int port;
    @Autowired CaseDriver driver;
    @Autowired SignOffRepository signOffs;
    @Autowired ManualInterventionRepository interventions;
    @Autowired HistoryService historyService;
    @Autowired ObjectMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void resetClock() {
        CaseDriver.realTime();
    }

    @Test
    void aNoticeEndedEarlyByAnOperatorSaysSoAndWho() throws Exception {
        CaseDriver.today(LocalDate.of(2026, 12, 2));
        ProcessInstance viaApi = driver.caseOnPublicNotice("eaststeel", IdNumbers.next());

        HttpResponse<String> ended = call("POST", "/api/cases/" + viaApi.getId() + "/public-notice/end-early", ADMIN,
                EARLY_END_BODY);

        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
        driver.task(viaApi, "districtCheck");
        SignOff notice = noticeRow(viaApi);
        assertThat(notice.getActorId()).isEqualTo(ADMIN);
        assertThat(notice.getActorRole()).isEqualTo("系统运维");
        assertThat(notice.getOpinion()).contains("公示期原定2026-12-02至2026-12-08（5个工作日）",
                "于2026-12-02由", "（admin）手动提前结束", "实际公示1个工作日", "少于规定的5个工作日",
                "期间未收到异议", "提前结束原因：演示：提前结束公示");
        HttpResponse<String> trail = call("GET", "/api/cases/" + viaApi.getId() + "/sign-offs", "east.auditor", null);
        assertThat(trail.body()).contains("手动提前结束", "admin");
        List<Map<String, Object>> done = interventionsOf(viaApi, "east.auditor");
        assertThat(done).anySatisfy(row -> assertThat(row)
                .containsEntry("operationType", "Execute").containsEntry("operation", "手动执行作业（定时器）")
                .containsEntry("activityId", "noticePeriodEnded").containsEntry("actorId", ADMIN)
                .containsEntry("detail", "原定到期时间：2026-12-09 00:00:00"));
        assertThat(done).anySatisfy(row -> assertThat(row).containsEntry("operationType", "SetVariable")
                .containsEntry("property", "noticeEarlyEndReason").containsEntry("newValue", "演示：提前结束公示"));

        ProcessInstance byHand = driver.caseOnPublicNotice("eaststreet", IdNumbers.next());
        CaseDriver.today(LocalDate.of(2026, 12, 4));
        driver.asDo(ADMIN, () -> driver.fireTimer(byHand));

        assertThat(noticeRow(byHand).getActorId()).isEqualTo(ADMIN);
        assertThat(noticeRow(byHand).getOpinion()).contains("于2026-12-04由", "（admin）手动提前结束",
                "实际公示3个工作日", "少于规定的5个工作日").doesNotContain("提前结束原因");
        assertThat(interventions.findByProcessInstanceIdOrderByOccurredAtAscIdAsc(byHand.getId()))
                .extracting(ManualIntervention::getOperationType, ManualIntervention::getActorId)
                .containsExactly(tuple("Execute", ADMIN));
    }

    @Test
    void aNoticeThatRanItsCourseReadsAsBefore() throws Exception {
        CaseDriver.today(LocalDate.of(2026, 12, 2));
        ProcessInstance onTime = driver.caseOnPublicNotice("westtextile", IdNumbers.next());
        ProcessInstance firedByAdminAfterwards = driver.caseOnPublicNotice("westhospital", IdNumbers.next());
        CaseDriver.today(LocalDate.of(2026, 12, 9));

        driver.fireTimer(onTime);
        driver.asDo(ADMIN, () -> driver.fireTimer(firedByAdminAfterwards));

        for (ProcessInstance pi : List.of(onTime, firedByAdminAfterwards)) {
            SignOff notice = noticeRow(pi);
            assertThat(notice.getOpinion()).isEqualTo("公示期2026-12-02至2026-12-08，未收到异议");
            assertThat(notice.getActorId()).isEqualTo("system");
        }
        assertThat(interventionsOf(onTime, "west.auditor")).isEmpty();
        assertThat(interventionsOf(firedByAdminAfterwards, "west.auditor")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("operationType", "Execute")
                        .containsEntry("actorId", ADMIN));
    }

    @Test
    void settingRetriesAndChangingVariablesAreInTheCasesInterventionsWithoutPersonalData() throws Exception {
        ProcessInstance pi = driver.caseOnPublicNotice("eaststeel", IdNumbers.next());
        Job timer = driver.management().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        String otherId = IdNumbers.next();
        String variables = "/engine-rest/process-instance/" + pi.getId() + "/variables/";

        assertThat(call("PUT", "/engine-rest/job/" + timer.getId() + "/retries", ADMIN, "{\"retries\":5}")
                .statusCode()).isEqualTo(204);
        assertThat(call("PUT", variables + "visitFindings", ADMIN, "{\"value\":\"复核后更正\",\"type\":\"String\"}")
                .statusCode()).isEqualTo(204);
        assertThat(call("PUT", variables + "applicantIdNumber", ADMIN,
                "{\"value\":\"" + otherId + "\",\"type\":\"String\"}").statusCode()).isEqualTo(204);
        assertThat(call("DELETE", variables + "visitFindings", ADMIN, null).statusCode()).isEqualTo(204);

        HttpResponse<String> read = call("GET", "/api/cases/" + pi.getId() + "/interventions", "east.auditor", null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).doesNotContain(otherId);
        List<Map<String, Object>> rows = json.readValue(read.body(), new TypeReference<>() { });
        assertThat(rows).extracting(r -> r.get("operationType"))
                .containsExactly("SetJobRetries", "SetVariable", "SetVariable", "RemoveVariable");
        assertThat(rows.get(0)).containsEntry("property", "retries").containsEntry("orgValue", "3")
                .containsEntry("newValue", "5").containsEntry("jobId", timer.getId())
                .containsEntry("activityId", "noticePeriodEnded").containsEntry("actorId", ADMIN)
                .containsEntry("caseNumber", caseNumberOf(pi));
        assertThat(rows.get(1)).containsEntry("operation", "设置流程变量").containsEntry("property", "visitFindings")
                .containsEntry("orgValue", "属实").containsEntry("newValue", "复核后更正");
        assertThat(rows.get(2)).containsEntry("property", "applicantIdNumber").containsEntry("orgValue", null)
                .containsEntry("newValue", null).containsEntry("detail", "（个人敏感信息，未记录）");
        assertThat(rows.get(3)).containsEntry("operation", "删除流程变量").containsEntry("orgValue", "复核后更正")
                .containsEntry("newValue", null);
        assertThat(rows).allSatisfy(r -> assertThat(r.get("actor")).asString().endsWith("（admin）"));
        assertThat(call("GET", "/api/cases/" + pi.getId() + "/interventions", "west.auditor", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void modifyingSuspendingMigratingAndDeletingAnInstanceAreKeptBeyondItsDeletion() throws Exception {
        ProcessInstance pi = driver.caseOnPublicNotice("eaststeel", IdNumbers.next());
        String instance = "/engine-rest/process-instance/" + pi.getId();

        assertThat(call("PUT", instance + "/suspended", ADMIN, "{\"suspended\":true}").statusCode()).isEqualTo(204);
        assertThat(call("PUT", instance + "/suspended", ADMIN, "{\"suspended\":false}").statusCode()).isEqualTo(204);
        driver.asDo(ADMIN, () -> {
            MigrationPlan plan = driver.runtime().createMigrationPlan(pi.getProcessDefinitionId(),
                    pi.getProcessDefinitionId()).mapEqualActivities().build();
            driver.runtime().newMigration(plan).processInstanceIds(pi.getId()).execute();
        });
        HttpResponse<String> modified = call("POST", instance + "/modification", ADMIN, """
                {"instructions":[{"type":"cancel","activityId":"publicNotice"},
                                 {"type":"startBeforeActivity","activityId":"districtCheck"}],
                 "annotation":"演示：跳过公示"}""");
        assertThat(modified.statusCode()).as(modified.body()).isEqualTo(204);
        assertThat(call("DELETE", instance, ADMIN, null).statusCode()).isEqualTo(204);

        List<Map<String, Object>> rows = interventionsOf(pi, "east.auditor");
        assertThat(rows).extracting(r -> r.get("operationType"))
                .contains("Suspend", "Activate", "Migrate", "ModifyProcessInstance", "Delete");
        assertThat(rows).allSatisfy(r -> assertThat(r).containsEntry("actorId", ADMIN));
        assertThat(rows).filteredOn(r -> "Suspend".equals(r.get("operationType"))).first()
                .satisfies(r -> assertThat(r).containsEntry("operation", "挂起流程实例")
                        .containsEntry("newValue", "suspended"));
        assertThat(rows).filteredOn(r -> "Migrate".equals(r.get("operationType"))).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("newValue", pi.getProcessDefinitionId()));
        assertThat(rows).filteredOn(r -> "ModifyProcessInstance".equals(r.get("operationType"))).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("annotation", "演示：跳过公示")
                        .extractingByKey("detail").asString()
                        .contains("取消：公示期间（登记异议）（publicNotice）", "启动：区总工会审核（民政核对）（districtCheck）"));
        assertThat(rows).last().satisfies(r -> assertThat(r).containsEntry("operation", "删除流程实例"));

        // the instance's history may be removed too (history cleanup, or by hand): the interventions stay
        driver.asDo(ADMIN, () -> historyService.deleteHistoricProcessInstance(pi.getId()));
        assertThat(interventions.findByProcessInstanceIdOrderByOccurredAtAscIdAsc(pi.getId())).hasSize(rows.size());
    }

    @Test
    void onlyAnOperatorMayEndANoticeEarly() throws Exception {
        ProcessInstance pi = driver.caseOnPublicNotice("eaststeel", IdNumbers.next());
        Job before = driver.management().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        String endEarly = "/api/cases/" + pi.getId() + "/public-notice/end-early";

        for (String user : List.of("eaststeel.clerk", "eaststeel.chair", "city.chair")) {
            HttpResponse<String> refused = call("POST", endEarly, user, EARLY_END_BODY);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("\"code\":20061", "camunda-admin");
        }
        HttpResponse<String> noReason = call("POST", endEarly, ADMIN, "{\"reason\":\" \"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"code\":20001", "原因");

        Job after = driver.management().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(after.getId()).isEqualTo(before.getId());
        assertThat(after.getDuedate()).isEqualTo(before.getDuedate());
        driver.task(pi, "publicNotice");
        assertThat(interventions.findByProcessInstanceIdOrderByOccurredAtAscIdAsc(pi.getId())).isEmpty();

        ProcessInstance notYet = driver.apply("eaststeel.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
        HttpResponse<String> notRunning = call("POST", "/api/cases/" + notYet.getId() + "/public-notice/end-early",
                ADMIN, EARLY_END_BODY);
        assertThat(notRunning.statusCode()).isEqualTo(409);
        assertThat(notRunning.body()).contains("\"code\":20062", "不在公示期");
    }

    private SignOff noticeRow(ProcessInstance pi) {
        return signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(pi.getId()).stream()
                .filter(s -> "recordNoticePassed".equals(s.getStepId())).reduce((first, second) -> second)
                .orElseThrow();
    }

    private String caseNumberOf(ProcessInstance pi) {
        return driver.runtime().createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
                .getBusinessKey();
    }

    private List<Map<String, Object>> interventionsOf(ProcessInstance pi, String reader) throws Exception {
        HttpResponse<String> read = call("GET", "/api/cases/" + pi.getId() + "/interventions", reader, null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return json.readValue(read.body(), new TypeReference<>() { });
    }

    private HttpResponse<String> call(String method, String path, String user, String body) throws Exception {
        String password = ADMIN.equals(user) ? "admin" : "demo";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
