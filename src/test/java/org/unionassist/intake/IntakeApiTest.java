package org.unionassist.intake;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.signoff.Decision;
import org.unionassist.casework.signoff.SignOff;
import org.unionassist.casework.signoff.SignOffRepository;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.EducationGrantDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.MedicalAidDriver;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.unionassist.intake.IntakeClient.CHANNEL;
import static org.unionassist.intake.IntakeClient.body;
import static org.unionassist.intake.IntakeClient.json;

/**
 * The intake API as an online channel uses it: the three programmes filed as the channel's grassroots union and
 * worked in Tasklist like a clerk's filing, the same refusals as the forms, idempotency keys, what a channel may not
 * do, the status of its applications, and the API documentation behind login.
 */
@IntakeApiTestConfig
class IntakeApiTest {

    @LocalServerPort int port;
    @Autowired CaseDriver driver;
    @Autowired MedicalAidDriver medical;
    @Autowired EducationGrantDriver education;
    @Autowired IntakeRequestRepository requests;
    @Autowired SignOffRepository signOffs;
    @Autowired HistoryService history;
    @Autowired Channels channels;
    private IntakeClient api;

    @BeforeEach
    void client() {
        api = new IntakeClient(port);
    }

    @AfterEach
    void resetClock() {
        CaseDriver.realTime();
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    private HttpResponse<String> fileHardship(String key, VariableMap form) throws Exception {
        return api.file(CHANNEL, "hardship-applications", key, body(form));
    }

    private ProcessInstance instance(HttpResponse<String> filed) throws Exception {
        String pid = json(filed).get("processInstanceId").asText();
        return driver.runtime().createProcessInstanceQuery().processInstanceId(pid).singleResult();
    }

    private List<String> candidateGroupsOf(Task task) {
        return driver.tasks().getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null).toList();
    }

    private List<Task> clerksTasks(String clerk, ProcessInstance pi) {
        return driver.as(clerk, () -> driver.tasks().createTaskQuery().processInstanceId(pi.getId())
                .taskCandidateGroupIn(driver.identity().getCurrentAuthentication().getGroupIds()).list());
    }

    // ---- filing each programme

    @Test
    void aHardshipApplicationFiledOnlineIsTheChannelsUnionsCaseWorkedInTasklistLikeAClerksFiling() throws Exception {
        String id = IdNumbers.next();
        HttpResponse<String> filed = fileHardship(newKey(), CaseDriver.deepHardshipApplication(id));

        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        JsonNode receipt = json(filed);
        assertThat(receipt.get("caseNumber").asText()).startsWith("KN");
        assertThat(receipt.get("replayed").asBoolean()).isFalse();
        assertThat(filed.headers().firstValue("Location")).contains("/api/intake/applications/"
                + receipt.get("caseNumber").asText());
        ProcessInstance online = instance(filed);
        assertThat(online.getBusinessKey()).isEqualTo(receipt.get("caseNumber").asText());
        assertThat(driver.runtime().getVariable(online.getId(), "grassrootsUnion")).isEqualTo("eaststeel");

        ProcessInstance byClerk = driver.apply("eaststeel.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
        Task onlineTask = driver.task(online, "homeVisit");
        assertThat(candidateGroupsOf(onlineTask)).isEqualTo(candidateGroupsOf(driver.task(byClerk, "homeVisit")))
                .containsExactly("eaststeel-clerk");
        assertThat(clerksTasks("eaststeel.clerk", online)).extracting(Task::getId).containsExactly(onlineTask.getId());
        assertThat(clerksTasks("eaststreet.clerk", online)).isEmpty();

        List<SignOff> trail = signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(online.getId());
        assertThat(trail).singleElement().satisfies(row -> {
            assertThat(row.getDecision()).isEqualTo(Decision.ONLINE_INTAKE);
            assertThat(row.getActorId()).isEqualTo(CHANNEL);
            assertThat(row.getActorRole()).isEqualTo("线上服务渠道");
            assertThat(row.getActorUnionId()).isEqualTo("eaststeel");
            assertThat(row.getCaseNumber()).isEqualTo(online.getBusinessKey());
        });
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(online.getId()).list())
                .extracting(HistoricVariableInstance::getValue).map(String::valueOf).noneMatch(v -> v.contains(id));
    }

    @Test
    void aMedicalClaimFiledOnlineWaitsForTheChannelsUnionsClerk() throws Exception {
        String member = IdNumbers.next();
        medical.enrolAndConfirm("eaststeel", "east", LocalDate.of(2026, 1, 5), "张伟", member);
        CaseDriver.today(LocalDate.of(2026, 3, 20));

        HttpResponse<String> filed = api.file(CHANNEL, "medical-claims", newKey(),
                body(MedicalAidDriver.inpatientClaim(member, 12000)));

        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        ProcessInstance pi = instance(filed);
        assertThat(candidateGroupsOf(driver.task(pi, "documentCheck"))).containsExactly("eaststeel-clerk");
        assertThat(clerksTasks("eaststeel.clerk", pi)).hasSize(1);
    }

    @Test
    void anEducationGrantFiledOnlineWaitsForTheChannelsUnionsChair() throws Exception {
        CaseDriver.today(EducationGrantDriver.IN_WINDOW);

        HttpResponse<String> filed = api.file(CHANNEL, "education-grants", newKey(), body(
                EducationGrantDriver.temporaryHardship(IdNumbers.next(), IdNumbers.next(), "undergraduate")));

        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        ProcessInstance pi = instance(filed);
        assertThat(candidateGroupsOf(driver.task(pi, "grassrootsCheck"))).containsExactly("eaststeel-chair");
        assertThat(clerksTasks("eaststeel.chair", pi)).hasSize(1);
    }

    // ---- the same refusals as the forms, and nothing stored

    private void refusedAsOnTheForm(String programmePath, VariableMap form, Supplier<Object> onTheForm)
            throws Exception {
        UnionAssistException formRefusal = catchThrowableOfType(UnionAssistException.class, onTheForm::get);
        assertThat(formRefusal).as("the form refuses it").isNotNull();
        long before = requests.count();
        String key = newKey();

        HttpResponse<String> refused = api.file(CHANNEL, programmePath, key, body(form));

        assertThat(refused.statusCode()).isEqualTo(formRefusal.errorCode().httpStatus());
        JsonNode reply = json(refused);
        assertThat(reply.get("code").asInt()).isEqualTo(formRefusal.errorCode().code());
        assertThat(reply.get("type").asText()).isEqualTo(formRefusal.errorCode().name());
        assertThat(reply.get("message").asText()).isEqualTo(formRefusal.getMessage());
        assertThat(requests.count()).isEqualTo(before);
        assertThat(requests.findByChannelIdAndIdempotencyKey(CHANNEL, key)).isEmpty();
    }

    @Test
    void anInvalidHardshipApplicationIsRefusedAsOnTheFormAndItsKeyStaysFree() throws Exception {
        VariableMap badId = CaseDriver.deepHardshipApplication("110105197001010000");
        long cases = history.createHistoricProcessInstanceQuery().processDefinitionKey(CaseDriver.PROCESS).count();

        refusedAsOnTheForm("hardship-applications", badId, () -> driver.apply("eaststeel.clerk", badId));

        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(CaseDriver.PROCESS).count())
                .isEqualTo(cases);
        String key = newKey();
        assertThat(fileHardship(key, badId).statusCode()).isEqualTo(400);
        assertThat(fileHardship(key, CaseDriver.deepHardshipApplication(IdNumbers.next())).statusCode())
                .isEqualTo(201);
    }

    @Test
    void aClaimForSomeoneNotEnrolledIsRefusedAsOnTheForm() throws Exception {
        CaseDriver.today(LocalDate.of(2026, 3, 20));
        VariableMap claim = MedicalAidDriver.inpatientClaim(IdNumbers.next(), 5000);

        refusedAsOnTheForm("medical-claims", claim, () -> medical.fileClaim("eaststeel.clerk", claim));
    }

    @Test
    void aGrantOutsideTheWindowIsRefusedAsOnTheForm() throws Exception {
        CaseDriver.today(LocalDate.of(2026, 3, 2));
        VariableMap grant = EducationGrantDriver.temporaryHardship(IdNumbers.next(), IdNumbers.next(), "undergraduate");

        refusedAsOnTheForm("education-grants", grant, () -> education.file("eaststeel.clerk", grant));
    }

    @Test
    void aFieldTheFormDoesNotHaveIsRefused() throws Exception {
        VariableMap form = CaseDriver.deepHardshipApplication(IdNumbers.next()).putValue("category", "deep");

        HttpResponse<String> refused = fileHardship(newKey(), form);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("code").asInt()).isEqualTo(IntakeError.UNKNOWN_FIELD.code());
        assertThat(json(refused).get("message").asText()).contains("category");
    }

    // ---- idempotency

    @Test
    void aRetryWithTheSameKeyAndBodyReturnsTheSameCase() throws Exception {
        String key = newKey();
        VariableMap form = CaseDriver.deepHardshipApplication(IdNumbers.next());
        HttpResponse<String> first = fileHardship(key, form);
        long cases = history.createHistoricProcessInstanceQuery().processDefinitionKey(CaseDriver.PROCESS).count();

        HttpResponse<String> retry = fileHardship(key, form);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        assertThat(json(retry).get("caseNumber")).isEqualTo(json(first).get("caseNumber"));
        assertThat(json(retry).get("processInstanceId")).isEqualTo(json(first).get("processInstanceId"));
        assertThat(json(retry).get("replayed").asBoolean()).isTrue();
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(CaseDriver.PROCESS).count())
                .isEqualTo(cases);
    }

    @Test
    void theSameKeyWithAnotherApplicationIsRefused() throws Exception {
        String key = newKey();
        assertThat(fileHardship(key, CaseDriver.deepHardshipApplication(IdNumbers.next())).statusCode()).isEqualTo(201);

        HttpResponse<String> other = fileHardship(key, CaseDriver.deepHardshipApplication(IdNumbers.next()));

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(json(other).get("code").asInt()).isEqualTo(20801);
        assertThat(json(other).get("message").asText()).contains("幂等键");
    }

    @Test
    void aFilingWithoutAKeyIsRefused() throws Exception {
        HttpResponse<String> missing = fileHardship(null, CaseDriver.deepHardshipApplication(IdNumbers.next()));
        HttpResponse<String> blank = fileHardship(" ", CaseDriver.deepHardshipApplication(IdNumbers.next()));

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).get("code").asInt()).isEqualTo(20800);
        assertThat(json(missing).get("message").asText()).contains("Idempotency-Key");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(json(blank).get("code").asInt()).isEqualTo(20800);
    }

    // ---- who may do what

    @Test
    void aChannelReachesNothingButTheIntakeApi() throws Exception {
        for (String path : List.of("/engine-rest/task", "/engine-rest/process-definition", "/api/audit/options",
                "/api/payments/disbursements")) {
            HttpResponse<String> refused = api.get(CHANNEL, path);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(json(refused).get("code").asInt()).as(path).isEqualTo(20803);
        }
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String token = browser.send(HttpRequest.newBuilder(api.uri("/camunda/api/admin/auth/user/default")).build(),
                HttpResponse.BodyHandlers.ofString()).headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        for (String app : List.of("tasklist", "cockpit", "admin")) {
            HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
                            api.uri("/camunda/api/admin/auth/user/default/login/" + app))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + CHANNEL + "&password=demo")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(app).isEqualTo(403);
        }
    }

    @Test
    void noOneButAChannelFilesThroughTheIntakeApi() throws Exception {
        String form = body(CaseDriver.deepHardshipApplication(IdNumbers.next()));

        HttpResponse<String> clerk = api.file("eaststeel.clerk", "hardship-applications", newKey(), form);
        HttpResponse<String> anonymous = api.file(null, "hardship-applications", newKey(), form);

        assertThat(clerk.statusCode()).isEqualTo(403);
        assertThat(json(clerk).get("code").asInt()).isEqualTo(20802);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(api.get("city.auditor", "/api/intake/applications/KN2026000001").statusCode()).isEqualTo(403);
    }

    @Test
    void aChannelReadsOnlyItsOwnApplications() throws Exception {
        channels.addChannel("eaststreet.online", "东华街道线上服务渠道", "demo", "eaststreet");
        HttpResponse<String> filed = fileHardship(newKey(), CaseDriver.deepHardshipApplication(IdNumbers.next()));
        String path = "/api/intake/applications/" + json(filed).get("caseNumber").asText();

        HttpResponse<String> other = api.get("eaststreet.online", path);

        assertThat(api.get(CHANNEL, path).statusCode()).isEqualTo(200);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(json(other).get("code").asInt()).isEqualTo(20805);
        assertThat(api.get(CHANNEL, "/api/intake/applications/KN1999000001").statusCode()).isEqualTo(404);
    }

    // ---- status

    @Test
    void theStatusOfARunningApplicationIsItsStepAndDueDateWithTheApplicantMasked() throws Exception {
        String id = IdNumbers.next();
        HttpResponse<String> filed = fileHardship(newKey(), CaseDriver.deepHardshipApplication(id));
        ProcessInstance pi = instance(filed);

        HttpResponse<String> response = api.get(CHANNEL, "/api/intake/applications/" + pi.getBusinessKey());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode status = json(response);
        assertThat(status.get("ended").asBoolean()).isFalse();
        assertThat(status.get("currentStep").asText()).isEqualTo("入户调查");
        assertThat(OffsetDateTime.parse(status.get("dueDate").asText()).toInstant())
                .isEqualTo(driver.task(pi, "homeVisit").getDueDate().toInstant());
        assertThat(status.get("applicant").asText()).isEqualTo("王**");
        assertThat(status.get("applicantIdNumber").asText()).startsWith(id.substring(0, 4)).endsWith(id.substring(14))
                .contains("*");
        assertThat(status.get("grassrootsUnion").asText()).isEqualTo("东城钢铁厂工会");
        assertThat(response.body()).doesNotContain(id).doesNotContain("王建国").doesNotContain("6222020200112233445");
    }

    @Test
    void theStatusOfARejectedClaimIsItsOutcomeWithTheDecidingOpinion() throws Exception {
        String member = IdNumbers.next();
        medical.enrolAndConfirm("eaststeel", "east", LocalDate.of(2026, 1, 5), "张伟", member);
        CaseDriver.today(LocalDate.of(2026, 3, 20));
        ProcessInstance pi = instance(api.file(CHANNEL, "medical-claims", newKey(),
                body(MedicalAidDriver.inpatientClaim(member, 12000))));
        driver.complete(pi, "documentCheck", "eaststeel.clerk", MedicalAidDriver.documentsChecked()
                .putValue("decision", "reject").putValue("opinion", "出院记录与发票日期不符"));

        HttpResponse<String> response = api.get(CHANNEL, "/api/intake/applications/" + pi.getBusinessKey());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode status = json(response);
        assertThat(status.get("ended").asBoolean()).isTrue();
        assertThat(status.get("currentStep").isNull()).isTrue();
        assertThat(status.get("dueDate").isNull()).isTrue();
        assertThat(status.get("outcome").asText()).isEqualTo("rejected");
        JsonNode decision = status.get("decision");
        assertThat(decision.get("step").asText()).isEqualTo("基层工会审核材料");
        assertThat(decision.get("opinion").asText()).isEqualTo("出院记录与发票日期不符");
        assertThat(decision.get("union").asText()).isEqualTo("东城钢铁厂工会");
        assertThat(decision.get("role").asText()).isEqualTo("经办人");
        assertThat(status.get("applicantIdNumber").asText()).contains("*");
        assertThat(response.body()).doesNotContain(member);
    }

    // ---- documentation

    @Test
    void theApiDocumentationNeedsALogin() throws Exception {
        assertThat(api.get(null, "/v3/api-docs").statusCode()).isEqualTo(401);
        assertThat(api.get(null, "/swagger-ui/index.html").statusCode()).isEqualTo(401);

        HttpResponse<String> docs = api.get("eaststeel.clerk", "/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/intake/hardship-applications", "/api/intake/medical-claims",
                        "/api/intake/education-grants", "/api/intake/applications/{caseNumber}", "Idempotency-Key",
                        "20801", "提交困难职工认定申请", "applicantIdNumber")
                .doesNotContain("/api/audit", "/api/payments");
        assertThat(api.get("eaststeel.clerk", "/swagger-ui/index.html").statusCode()).isEqualTo(200);

        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String token = browser.send(HttpRequest.newBuilder(api.uri("/camunda/api/admin/auth/user/default")).build(),
                HttpResponse.BodyHandlers.ofString()).headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
                        api.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("username=eaststeel.clerk&password=demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        HttpResponse<String> inSession = browser.send(HttpRequest.newBuilder(api.uri("/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(inSession.statusCode()).isEqualTo(200);
        assertThat(inSession.body()).contains("/api/intake/hardship-applications");
    }
}
