package org.unionassist.organisation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.unionassist.casework.signoff.SignOffRepository;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.RestBodies;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write half of the probe that tried every demo user against every endpoint, kept as a test: every user × every
 * write that user must not make is refused with a 4xx, and changes nothing: no case planted in another union, no
 * comment by an auditor, no job executed or retried by anyone but an operator, no variable set outside a form, no
 * step completed by someone who is not its candidate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:union-assist-write-probe-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("demo")
class WriteProbeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPERATOR = "admin";

    @LocalServerPort int port;
    @Autowired CaseDriver driver;
    @Autowired HistoryService history;
    @Autowired SignOffRepository signOffs;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void realTime() {
        CaseDriver.realTime();
    }

    @Test
    void noUserCanPlantACaseInAnotherUnionOrInSomeoneElsesName() throws Exception {
        long before = history.createHistoricProcessInstanceQuery().count();
        List<String> answers = new ArrayList<>();
        for (String user : demoUsers()) {
            for (String planted : new String[] {
                    "\"initiator\":{\"value\":\"westtextile.clerk\"}",
                    "\"grassrootsUnion\":{\"value\":\"westtextile\"}",
                    "\"districtUnion\":{\"value\":\"west\"}",
                    "\"caseNumber\":{\"value\":\"KN2026000001\"}"}) {
                if (planted.contains("\"" + user + "\"")) {
                    continue; // naming oneself as initiator plants nothing
                }
                for (String key : new String[] {"hardshipVerification", "medicalAidClaim", "medicalAidEnrolment"}) {
                    HttpResponse<String> answer = call("POST", "/engine-rest/process-definition/key/" + key
                            + "/submit-form", user, RestBodies.hardshipApplication(IdNumbers.next(), planted));
                    answers.add(user + " " + key + " " + planted + " → " + answer.statusCode());
                    assertThat(answer.statusCode()).as(user + " " + key + " " + planted + ": " + answer.body())
                            .isBetween(400, 499);
                    if (user.equals("eaststeel.clerk") && !key.equals("medicalAidEnrolment")) {
                        // the one user who may start these cases: refused for the planted variable itself
                        assertThat(code(answer)).as(answer.body()).isEqualTo(20064);
                        assertThat(message(answer)).containsPattern("\\p{IsHan}");
                    }
                }
            }
        }
        assertThat(answers).hasSizeGreaterThan(400);
        assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(before);

        // the same application without the planted variable lands in the clerk's own union
        HttpResponse<String> honest = call("POST", "/engine-rest/process-definition/key/hardshipVerification"
                + "/submit-form", "eaststeel.clerk", RestBodies.hardshipApplication(IdNumbers.next(), null));
        assertThat(honest.statusCode()).as(honest.body()).isEqualTo(200);
        String pid = JSON.readTree(honest.body()).get("id").asText();
        assertThat(driver.runtime().getVariable(pid, "grassrootsUnion")).isEqualTo("eaststeel");
        assertThat(driver.runtime().getVariable(pid, "initiator")).isEqualTo("eaststeel.clerk");
    }

    @Test
    void onlyTheStepsCandidatesCompleteItAndNobodySetsVariablesOutsideAForm() throws Exception {
        ProcessInstance pi = driver.apply("eaststeel.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
        Task homeVisit = driver.task(pi, "homeVisit");
        String completion = "{\"variables\":{\"decision\":{\"value\":\"submit\"},\"visitDate\":{\"value\":"
                + "\"2026-12-01\"},\"visitFindings\":{\"value\":\"情况属实\"}}}";
        for (String user : demoUsers()) {
            if (!user.equals("eaststeel.clerk")) {
                HttpResponse<String> completed = call("POST", "/engine-rest/task/" + homeVisit.getId() + "/complete",
                        user, completion);
                assertThat(completed.statusCode()).as(user + ": " + completed.body()).isBetween(400, 499);
            }
            for (String[] write : new String[][] {
                    {"PUT", "/engine-rest/process-instance/" + pi.getId() + "/variables/grassrootsUnion",
                            "{\"value\":\"westtextile\",\"type\":\"String\"}"},
                    {"POST", "/engine-rest/process-instance/" + pi.getId() + "/variables",
                            "{\"modifications\":{\"districtUnion\":{\"value\":\"west\"}}}"},
                    {"DELETE", "/engine-rest/process-instance/" + pi.getId() + "/variables/cityUnion", null},
                    {"PUT", "/engine-rest/task/" + homeVisit.getId() + "/variables/category",
                            "{\"value\":\"RELATIVE\",\"type\":\"String\"}"},
                    {"POST", "/engine-rest/task/" + homeVisit.getId() + "/localVariables",
                            "{\"modifications\":{\"decision\":{\"value\":\"submit\"}}}"},
                    {"POST", "/engine-rest/process-instance/" + pi.getId() + "/modification",
                            "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"districtApproval\"}]}"},
                    {"DELETE", "/engine-rest/process-instance/" + pi.getId(), null}}) {
                HttpResponse<String> answer = call(write[0], write[1], user, write[2]);
                assertThat(answer.statusCode()).as(user + " " + write[0] + " " + write[1] + ": " + answer.body())
                        .isBetween(400, 499);
            }
        }
        assertThat(driver.runtime().createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isOne();
        assertThat(driver.task(pi, "homeVisit").getId()).isEqualTo(homeVisit.getId());
        assertThat(driver.runtime().getVariables(pi.getId())).containsEntry("grassrootsUnion", "eaststeel")
                .containsEntry("districtUnion", "east").containsEntry("cityUnion", "city")
                .containsEntry("category", "DEEP");
        assertThat(driver.tasks().getVariablesLocal(homeVisit.getId())).doesNotContainKey("decision");
        assertThat(signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(pi.getId())).isEmpty();
    }

    @Test
    void auditorsAddNoCommentsOrAttachmentsWhileCaseworkersDo() throws Exception {
        ProcessInstance pi = driver.apply("eaststeel.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
        Task homeVisit = driver.task(pi, "homeVisit");
        for (String auditor : usersWithRole(Role.AUDITOR)) {
            HttpResponse<String> comment = call("POST", "/engine-rest/task/" + homeVisit.getId() + "/comment/create",
                    auditor, "{\"message\":\"经审意见\",\"processInstanceId\":\"" + pi.getId() + "\"}");
            assertThat(comment.statusCode()).as(auditor + ": " + comment.body()).isBetween(400, 499);
            HttpResponse<String> attachment = call("POST", "/engine-rest/task/" + homeVisit.getId()
                    + "/attachment/create", auditor, null, "multipart/form-data; boundary=probe", """
                    --probe\r
                    Content-Disposition: form-data; name="attachment-name"\r
                    \r
                    经审附件\r
                    --probe\r
                    Content-Disposition: form-data; name="url"\r
                    \r
                    http://example.invalid/x\r
                    --probe--\r
                    """);
            assertThat(attachment.statusCode()).as(auditor + ": " + attachment.body()).isBetween(400, 499);
        }
        assertThat(driver.tasks().getTaskComments(homeVisit.getId())).isEmpty();
        assertThat(driver.tasks().getProcessInstanceComments(pi.getId())).isEmpty();
        assertThat(driver.tasks().getTaskAttachments(homeVisit.getId())).isEmpty();

        HttpResponse<String> byClerk = call("POST", "/engine-rest/task/" + homeVisit.getId() + "/comment/create",
                "eaststeel.clerk", "{\"message\":\"已电话预约入户\"}");
        assertThat(byClerk.statusCode()).as(byClerk.body()).isEqualTo(200);
        assertThat(driver.tasks().getTaskComments(homeVisit.getId())).hasSize(1);
    }

    @Test
    void onlyOperatorsExecuteOrRetryAJobAndARefusalLeavesTheTimerUntouched() throws Exception {
        ProcessInstance pi = driver.caseOnPublicNotice("eaststeel", IdNumbers.next());
        Job timer = timerOf(pi);
        Date due = timer.getDuedate();
        for (String user : demoUsers()) {
            for (String[] write : new String[][] {
                    {"POST", "/engine-rest/job/" + timer.getId() + "/execute", null},
                    {"PUT", "/engine-rest/job/" + timer.getId() + "/retries", "{\"retries\":0}"},
                    {"PUT", "/engine-rest/job/" + timer.getId() + "/duedate", "{\"duedate\":\"2026-01-01T00:00:00.000+0800\"}"},
                    {"PUT", "/engine-rest/job/" + timer.getId() + "/suspended", "{\"suspended\":true}"},
                    {"POST", "/engine-rest/job/retries", "{\"jobIds\":[\"" + timer.getId() + "\"],\"retries\":0}"},
                    {"DELETE", "/engine-rest/job/" + timer.getId(), null}}) {
                HttpResponse<String> answer = call(write[0], write[1], user, write[2]);
                assertThat(answer.statusCode()).as(user + " " + write[0] + " " + write[1] + ": " + answer.body())
                        .isBetween(400, 499);
            }
            // three refused executions in a row, as the probe sent them
            for (int attempt = 0; attempt < 2; attempt++) {
                assertThat(call("POST", "/engine-rest/job/" + timer.getId() + "/execute", user, null).statusCode())
                        .isBetween(400, 499);
            }
        }
        Job untouched = timerOf(pi);
        assertThat(untouched.getId()).isEqualTo(timer.getId());
        assertThat(untouched.getRetries()).isEqualTo(timer.getRetries());
        assertThat(untouched.getDuedate()).isEqualTo(due);
        assertThat(untouched.isSuspended()).isFalse();
        assertThat(untouched.getExceptionMessage()).isNull();
        assertThat(driver.runtime().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();

        HttpResponse<String> byOperator = call("POST", "/engine-rest/job/" + timer.getId() + "/execute", OPERATOR, null);
        assertThat(byOperator.statusCode()).as(byOperator.body()).isEqualTo(204);
        assertThat(driver.tasks().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("districtCheck")
                .count()).isOne();
    }

    private Job timerOf(ProcessInstance pi) {
        return driver.management().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    }

    /** Every demo user but the operator (who may do all of this), 42 of them. */
    private List<String> demoUsers() {
        List<String> users = driver.identity().createUserQuery().list().stream().map(User::getId)
                .filter(id -> driver.identity().createGroupQuery().groupMember(id).groupId(Groups.CAMUNDA_ADMIN)
                        .count() == 0)
                .sorted().toList();
        assertThat(users).hasSizeGreaterThanOrEqualTo(40);
        return users;
    }

    private List<String> usersWithRole(Role role) {
        List<String> users = demoUsers().stream().filter(id -> driver.identity().createGroupQuery().groupMember(id)
                .list().stream().anyMatch(g -> g.getId().endsWith("-" + role.key()))).toList();
        assertThat(users).isNotEmpty();
        return users;
    }

    private HttpResponse<String> call(String method, String path, String user, String json) throws Exception {
        return call(method, path, user, json, "application/json", null);
    }

    private HttpResponse<String> call(String method, String path, String user, String json, String type,
                                      String raw) throws Exception {
        String body = raw != null ? raw : json;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + (user.equals(OPERATOR) ? "admin" : "demo")).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", type);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static int code(HttpResponse<String> response) throws Exception {
        JsonNode body = JSON.readTree(response.body());
        return body.path("code").asInt();
    }

    private static String message(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).path("message").asText();
    }
}
