package org.unionassist.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditors' workspace API over HTTP with the webapps' own login, as the /audit/ page uses it: the Cockpit session
 * reaches /api/audit and nothing else; a logged-out page gets a Chinese 401 without the Basic challenge (no browser
 * dialog); a write through the session needs the header a foreign page cannot send; HTTP Basic still works. The same
 * for the payments workspace (/payments/) and /api/payments, with Tasklist's login.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:union-assist-auditor-session-test;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("demo")
class AuditorSessionTest {

    @LocalServerPort int port;
    private final ObjectMapper json = new ObjectMapper();

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A browser-like client: a cookie jar, logged in through Cockpit's login endpoint with its CSRF token. */
    private HttpClient loggedIn(String user) throws Exception {
        return loggedIn(user, "cockpit");
    }

    private HttpClient loggedIn(String user, String app) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> probe = client.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String token = probe.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(
                        uri("/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return client;
    }

    private static HttpResponse<String> get(HttpClient client, URI uri, boolean page) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (page) {
            request.header("X-Requested-With", "XMLHttpRequest");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void theCockpitLoginReachesTheWorkspaceApiAsThatAuditor() throws Exception {
        HttpClient east = loggedIn("east.auditor");
        HttpResponse<String> options = get(east, uri("/api/audit/options"), true);
        assertThat(options.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(options.body());
        assertThat(body.get("auditor").asText()).isEqualTo("east.auditor");
        assertThat(body.get("unions").findValuesAsText("id")).containsExactly("east", "eaststeel", "eaststreet");

        HttpResponse<String> outside = get(east, uri("/api/audit/cases?union=westtextile"), true);
        assertThat(outside.statusCode()).isEqualTo(403);
        assertThat(json.readTree(outside.body()).get("message").asText()).isEqualTo("您无权查看该单位的案件");

        HttpResponse<String> verified = east.send(HttpRequest.newBuilder(uri("/api/audit/chain-verification"))
                .header("X-Requested-With", "XMLHttpRequest").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(json.readTree(verified.body()).get("intact").asBoolean()).isTrue();
    }

    @Test
    void theSessionReachesNoOtherApiAndAWriteWithoutThePagesHeaderIsRefused() throws Exception {
        HttpClient east = loggedIn("east.auditor");
        assertThat(get(east, uri("/api/cases/any/sign-offs"), true).statusCode()).isEqualTo(401);
        assertThat(get(east, uri("/engine-rest/task"), false).statusCode()).isEqualTo(401);

        HttpResponse<String> forged = east.send(HttpRequest.newBuilder(uri("/api/audit/chain-verification"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void aLoggedOutPageIsAskedToLogInInChineseWithoutTheBasicChallenge() throws Exception {
        HttpClient anonymous = HttpClient.newHttpClient();
        HttpResponse<String> page = get(anonymous, uri("/api/audit/options"), true);
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(json.readTree(page.body()).get("message").asText()).isEqualTo("请先登录");

        HttpResponse<String> apiClient = get(anonymous, uri("/api/audit/options"), false);
        assertThat(apiClient.statusCode()).isEqualTo(401);
        assertThat(apiClient.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));

        HttpResponse<String> basic = anonymous.send(HttpRequest.newBuilder(uri("/api/audit/options"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "city.auditor:demo".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(basic.statusCode()).isEqualTo(200);
        assertThat(json.readTree(basic.body()).get("auditor").asText()).isEqualTo("city.auditor");

        HttpResponse<String> clerk = anonymous.send(HttpRequest.newBuilder(uri("/api/audit/options"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "eaststeel.clerk:demo".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(clerk.statusCode()).isEqualTo(403);
        assertThat(json.readTree(clerk.body()).get("code").asInt()).isEqualTo(20032);
    }

    private static HttpResponse<String> post(HttpClient client, URI uri, String json, boolean page) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (page) {
            request.header("X-Requested-With", "XMLHttpRequest");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void theTasklistLoginReachesThePaymentsApiAsThatUserAndAWriteNeedsThePagesHeader() throws Exception {
        HttpClient clerk = loggedIn("city.clerk", "tasklist");
        HttpResponse<String> batches = get(clerk, uri("/api/payments/batches"), true);
        assertThat(batches.statusCode()).as(batches.body()).isEqualTo(200);
        assertThat(json.readTree(batches.body()).isArray()).isTrue();
        HttpResponse<String> failed = get(clerk, uri("/api/payments/disbursements?status=FAILED"), false);
        assertThat(failed.statusCode()).as("a read needs no header").isEqualTo(200);
        json.readTree(failed.body()).forEach(d -> assertThat(d.get("status").asText()).isEqualTo("FAILED"));
        HttpResponse<String> unknownStatus = get(clerk, uri("/api/payments/disbursements?status=LOST"), true);
        assertThat(unknownStatus.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknownStatus.body()).get("message").asText()).contains("付款状态应为");

        // a write through the session reaches the controller as city.clerk (who may re-issue: the body is what is
        // refused) only with the page's header
        HttpResponse<String> reissue = post(clerk, uri("/api/payments/disbursements/0/reissue"), "{}", true);
        assertThat(reissue.statusCode()).isEqualTo(400);
        assertThat(json.readTree(reissue.body()).get("message").asText()).isEqualTo("请填写更正后的银行卡号");
        HttpResponse<String> forged = post(clerk, uri("/api/payments/disbursements/0/reissue"), "{}", false);
        assertThat(forged.statusCode()).isEqualTo(403);

        // a district's clerk logged in through Tasklist is the user the payments API refuses, in Chinese
        HttpClient district = loggedIn("eaststeel.clerk", "tasklist");
        HttpResponse<String> refused = get(district, uri("/api/payments/batches"), true);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json.readTree(refused.body()).get("message").asText())
                .isEqualTo("只有市总工会经办人、审批人和经审委员可以查看付款批次");
        // and the session still reaches no other API
        assertThat(get(clerk, uri("/api/cases/any/sign-offs"), true).statusCode()).isEqualTo(401);
    }

    @Test
    void aLoggedOutPaymentsPageIsAskedToLogInInChinese() throws Exception {
        HttpClient anonymous = HttpClient.newHttpClient();
        HttpResponse<String> page = get(anonymous, uri("/api/payments/batches"), true);
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(json.readTree(page.body()).get("message").asText()).isEqualTo("请先登录");
        HttpResponse<String> apiClient = get(anonymous, uri("/api/payments/batches"), false);
        assertThat(apiClient.statusCode()).isEqualTo(401);
        assertThat(apiClient.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    }
}
