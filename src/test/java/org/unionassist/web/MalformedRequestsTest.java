package org.unionassist.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.unionassist.casework.signoff.SignOffRepository;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.RestBodies;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every malformed request, business refusal and lost race answers 4xx with a code and a Chinese message, on the
 * engine REST API ({@code /engine-rest}), the webapps' engine API (what Tasklist calls) and the project's {@code /api}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:union-assist-malformed-requests-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("demo")
class MalformedRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLERK = "eaststeel.clerk";
    private static final String ENGINE_REST = "/engine-rest";
    private static final String WEBAPP_ENGINE_API = "/camunda/api/engine/engine/default";

    @LocalServerPort int port;
    @Autowired CaseDriver driver;
    @Autowired SignOffRepository signOffs;
    private final HttpClient http = HttpClient.newHttpClient();
    private Tasklist tasklist;

    @BeforeEach
    void logIntoTasklist() throws Exception {
        tasklist = new Tasklist(CLERK);
    }

    // ---- malformed requests

    @Test
    void aBodyOfNullIsRefusedAsMalformed() throws Exception {
        String task = homeVisitOfANewCase();
        for (Api api : apis()) {
            assertRefused(api.call("POST", "/task/" + task + "/complete", "null"), 400, 20004);
            assertRefused(api.call("POST", "/process-definition/key/hardshipVerification/submit-form", " null "),
                    400, 20004);
        }
        assertRefused(rest("POST", "/api/hardship-cases/" + processOf(task) + "/withdrawal", CLERK, "null"), 400, 20004);
    }

    @Test
    void unparsableJsonIsRefusedAsMalformed() throws Exception {
        String task = homeVisitOfANewCase();
        for (Api api : apis()) {
            assertRefused(api.call("POST", "/task/" + task + "/complete", "{\"variables\":{\"decision\":"), 400, 20004);
            assertRefused(api.call("POST", "/task/" + task + "/complete", "[1,2]"), 400, 20004);
        }
        assertRefused(rest("POST", "/api/hardship-cases/" + processOf(task) + "/withdrawal", CLERK, "{\"reason\":"),
                400, 20004);
        assertRefused(rest("POST", "/api/hardship-cases/" + processOf(task) + "/withdrawal", CLERK, "[\"x\"]"),
                400, 20004);
    }

    @Test
    void aValueThatDoesNotFitItsDeclaredTypeIsRefusedNamingTheVariable() throws Exception {
        String task = homeVisitOfANewCase();
        for (Api api : apis()) {
            HttpResponse<String> refused = api.call("POST", "/task/" + task + "/complete",
                    "{\"variables\":{\"decision\":{\"value\":\"submit\"},\"visitRounds\":{\"value\":\"abc\",\"type\":\"Integer\"}}}");
            assertRefused(refused, 400, 20004);
            assertThat(message(refused)).contains("visitRounds").contains("整数");
        }
        assertThat(driver.tasks().createTaskQuery().taskId(task).singleResult()).as("the task is still open").isNotNull();
    }

    @Test
    void aHouseholdSizeOfOneE308IsRefusedAsAnInvalidNumber() throws Exception {
        String application = RestBodies.hardshipApplication(IdNumbers.next()).replace("{\"value\":2,\"type\":\"Integer\"}",
                "{\"value\":1e308}");
        for (Api api : apis()) {
            HttpResponse<String> refused = api.call("POST",
                    "/process-definition/key/hardshipVerification/submit-form", application);
            assertThat(refused.statusCode()).as(refused.body()).isBetween(400, 499);
            assertChineseWithCode(refused);
        }
    }

    @Test
    void anEncodedSlashInADefinitionKeyGetsAChineseJsonAnswer() throws Exception {
        for (Api api : apis()) {
            HttpResponse<String> refused = api.call("GET", "/process-definition/key/hardship%2FVerification", null);
            assertRefused(refused, 404, 20066);
            HttpResponse<String> start = api.call("POST",
                    "/process-definition/key/a%2Fb/submit-form", RestBodies.hardshipApplication(IdNumbers.next()));
            assertRefused(start, 404, 20066);
        }
    }

    @Test
    void camundasOwnNotFoundAndBadRequestAnswersAreReworded() throws Exception {
        for (Api api : apis()) {
            assertRefused(api.call("GET", "/process-definition/no-such-definition", null), 404, 20066);
            assertRefused(api.call("GET", "/task/no-such-task", null), 404, 20066);
            assertRefused(api.call("GET", "/task?maxResults=abc", null), 400, 20004);
            HttpResponse<String> unknownTask = api.call("POST", "/task/no-such-task/complete", "{}");
            assertRefused(unknownTask, 404, 20066);
            assertThat(message(unknownTask)).contains("找不到该任务");
        }
        assertRefused(rest("GET", ENGINE_REST + "/no-such-resource", CLERK, null), 404, 20066);
    }

    @Test
    void theProjectsApiAnswersUnknownRoutesAndUnreadableParametersInChinese() throws Exception {
        assertRefused(rest("GET", "/api/no-such-route", CLERK, null), 404, 20066);
        HttpResponse<String> mismatch = rest("GET", "/api/payments/disbursements/abc/payee", "city.clerk", null);
        assertRefused(mismatch, 400, 20004);
        assertThat(message(mismatch)).contains("id");
        assertRefused(rest("DELETE", "/api/hardship-cases/x/withdrawal", CLERK, null), 405, 20004);
        HttpResponse<String> notJson = send(HttpRequest.newBuilder(uri("/api/hardship-cases/x/withdrawal"))
                .header("Authorization", basic(CLERK)).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x")));
        assertRefused(notJson, 415, 20004);
    }

    // ---- business refusals

    @Test
    void aBusinessRefusalAnswersItsOwnFourHundredOnBothEngineApis() throws Exception {
        String task = homeVisitOfANewCase();
        for (Api api : apis()) {
            HttpResponse<String> refused = api.call("POST", "/task/" + task + "/complete",
                    "{\"variables\":{\"decision\":{\"value\":\"return\"}}}");
            assertRefused(refused, 400, 20022);
            assertThat(JSON.readTree(refused.body()).get("type").asText()).isEqualTo("OPINION_REQUIRED");
        }
        assertThat(driver.tasks().createTaskQuery().taskId(task).singleResult()).as("nothing completed").isNotNull();
    }

    // ---- lost races

    @Test
    void whenTwoCompleteTheSameTaskAtOnceOneWinsAndTheOtherIsToldSomeoneElseDidIt() throws Exception {
        String completion = "{\"variables\":{\"decision\":{\"value\":\"submit\"},"
                + "\"visitDate\":{\"value\":\"2026-12-01\"},\"visitFindings\":{\"value\":\"情况属实\"}}}";
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String task = homeVisitOfANewCase();
                String pid = processOf(task);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return rest("POST", ENGINE_REST + "/task/" + task + "/complete", CLERK, completion);
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<HttpResponse<String>> answer : answers) {
                    HttpResponse<String> response = answer.get();
                    statuses.add(response.statusCode());
                    if (response.statusCode() != 204) {
                        assertRefused(response, 409, 20065);
                        assertThat(message(response)).contains("已由其他人办理完成");
                    }
                }
                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(204, 409);
                assertThat(signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(pid))
                        .as("one sign-off, round " + round).filteredOn(s -> "homeVisit".equals(s.getStepId()))
                        .hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void completingATaskSomeoneElseHasJustCompletedIsAConflictNotANotFound() throws Exception {
        String task = homeVisitOfANewCase();
        String completion = "{\"variables\":{\"decision\":{\"value\":\"submit\"},"
                + "\"visitDate\":{\"value\":\"2026-12-01\"},\"visitFindings\":{\"value\":\"情况属实\"}}}";
        assertThat(rest("POST", ENGINE_REST + "/task/" + task + "/complete", CLERK, completion).statusCode())
                .isEqualTo(204);
        for (Api api : apis()) {
            HttpResponse<String> late = api.call("POST", "/task/" + task + "/complete", completion);
            assertRefused(late, 409, 20065);
            assertThat(message(late)).isEqualTo(ErrorReplies.TASK_TAKEN);
        }
    }

    // ---- helpers

    private void assertRefused(HttpResponse<String> response, int status, int code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = assertChineseWithCode(response);
        assertThat(body.get("code").asInt()).as(response.body()).isEqualTo(code);
    }

    private JsonNode assertChineseWithCode(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(response.body())
                .contains("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.hasNonNull("code")).as(response.body()).isTrue();
        assertThat(body.hasNonNull("type")).as(response.body()).isTrue();
        String message = body.get("message").asText();
        assertThat(message).as(response.body()).containsPattern("\\p{IsHan}")
                .doesNotContain("java.").doesNotContain("Exception").doesNotContain("ENGINE-");
        assertThat(response.body()).doesNotContain("java.").doesNotContain("ENGINE-");
        return body;
    }

    private static String message(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).get("message").asText();
    }

    private String homeVisitOfANewCase() throws Exception {
        HttpResponse<String> started = rest("POST", ENGINE_REST
                + "/process-definition/key/hardshipVerification/submit-form", CLERK, RestBodies.hardshipApplication(IdNumbers.next()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String pid = JSON.readTree(started.body()).get("id").asText();
        return driver.tasks().createTaskQuery().processInstanceId(pid).taskDefinitionKey("homeVisit").singleResult()
                .getId();
    }

    private String processOf(String task) {
        return driver.tasks().createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
    }

    /** One of the two engine APIs, called as the clerk. */
    interface Api {
        HttpResponse<String> call(String method, String path, String json) throws Exception;
    }

    private List<Api> apis() {
        return List.of((method, path, json) -> rest(method, ENGINE_REST + path, CLERK, json),
                (method, path, json) -> tasklist.call(method, WEBAPP_ENGINE_API + path, json));
    }

    private HttpResponse<String> rest(String method, String path, String user, String json) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Authorization", basic(user)).method(method, body(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
    }

    /** A browser session of Tasklist: logged in through the webapps' login, sending the CSRF token as Tasklist does. */
    private final class Tasklist {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

        Tasklist(String user) throws Exception {
            call("GET", "/camunda/api/admin/auth/user/default", null);
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
            HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
                            uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrfToken())
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            assertThat(call("GET", WEBAPP_ENGINE_API + "/task", null).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> call(String method, String path, String json) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .method(method, body(json));
            String token = csrfToken();
            if (token != null) {
                request.header("X-XSRF-TOKEN", token);
            }
            return browser.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        private String csrfToken() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .reduce((first, second) -> second).map(HttpCookie::getValue).orElse(null);
        }
    }
}
