package org.unionassist.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.unionassist.hardship.CaseStatus;
import org.unionassist.hardship.HardshipCaseRepository;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.RestBodies;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine REST API and the project's API over HTTP: never anonymous, errors in Chinese with stable codes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:union-assist-rest-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("demo")
class RestApiTest {

    @LocalServerPort int port;
    @Autowired HardshipCaseRepository cases;
    @Autowired CaseDriver driver;
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> call(String method, String path, String user, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String startCase(String clerk) throws Exception {
        HttpResponse<String> started = call("POST", "/engine-rest/process-definition/key/hardshipVerification/submit-form",
                clerk, RestBodies.hardshipApplication(IdNumbers.next()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        return started.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void anonymousCallersAreRefused() throws Exception {
        assertThat(call("GET", "/engine-rest/task", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/engine-rest/process-instance", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/cases/x/sign-offs", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/engine-rest/task", "eaststeel.clerk", null).statusCode()).isEqualTo(200);
    }

    @Test
    void anInvalidIdNumberIsRefusedWithAChineseMessageAndAStableCode() throws Exception {
        HttpResponse<String> refused = call("POST", "/engine-rest/process-definition/key/hardshipVerification/submit-form",
                "eaststeel.clerk", RestBodies.hardshipApplication("110105194912310021"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("\"code\":20002").contains("身份证号").doesNotContain("110105194912310021")
                .contains("\"message\":\"申请人身份证号").doesNotContain("Cannot instantiate");
    }

    @Test
    void theGrassrootsClerkWithdrawsTheirCaseButAnotherUnionCannot() throws Exception {
        String pid = startCase("eaststeel.clerk");
        String body = "{\"reason\":\"申请人主动放弃\"}";

        HttpResponse<String> outsider = call("POST", "/api/hardship-cases/" + pid + "/withdrawal", "westtextile.clerk", body);
        assertThat(outsider.statusCode()).isEqualTo(403);
        assertThat(outsider.body()).contains("\"code\":20032");

        HttpResponse<String> own = call("POST", "/api/hardship-cases/" + pid + "/withdrawal", "eaststeel.clerk", body);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(cases.findByProcessInstanceId(pid).orElseThrow().getStatus()).isEqualTo(CaseStatus.WITHDRAWN);
    }

    @Test
    void auditorsReadTheSignedTrailOnlyWithinTheirJurisdiction() throws Exception {
        String pid = startCase("westhospital.clerk");
        call("POST", "/api/hardship-cases/" + pid + "/withdrawal", "westhospital.chair", "{\"reason\":\"重复录入\"}");

        HttpResponse<String> west = call("GET", "/api/cases/" + pid + "/sign-offs", "west.auditor", null);
        assertThat(west.statusCode()).isEqualTo(200);
        assertThat(west.body()).contains("撤回申请", "重复录入", "westhospital.chair");
        assertThat(call("GET", "/api/cases/" + pid + "/sign-offs", "east.auditor", null).statusCode()).isEqualTo(404);
    }

    @Test
    void anotherPanelMemberCanNeitherListNorTakeOverAVoteThroughTheRestApi() throws Exception {
        String pid = startCase("eaststeel.clerk");
        var pi = driver.runtime().createProcessInstanceQuery().processInstanceId(pid).singleResult();
        driver.complete(pi, "homeVisit", "eaststeel.clerk", CaseDriver.decisionOf("submit", null)
                .putValue("visitDate", "2026-12-01").putValue("visitFindings", "属实"));
        driver.complete(pi, "grassrootsReview", "eaststeel.chair", CaseDriver.approveWithPanel("eaststeel"));
        String vote = driver.tasks().createTaskQuery().processInstanceId(pid).taskAssignee("eaststeel.rep3")
                .singleResult().getId();

        assertThat(call("GET", "/engine-rest/task?processInstanceId=" + pid, "eaststeel.rep4", null).body())
                .isEqualTo("[]");
        for (String action : new String[] {"unclaim", "claim", "complete"}) {
            HttpResponse<String> refused = call("POST", "/engine-rest/task/" + vote + "/" + action, "eaststeel.rep4",
                    "claim".equals(action) ? "{\"userId\":\"eaststeel.rep4\"}"
                            : "complete".equals(action) ? "{\"variables\":{\"decision\":{\"value\":\"disagree\"},"
                            + "\"opinion\":{\"value\":\"反对\"}}}" : null);
            assertThat(refused.statusCode()).as(action + ": " + refused.body()).isEqualTo(403);
        }
        assertThat(driver.tasks().createTaskQuery().taskId(vote).singleResult().getAssignee())
                .isEqualTo("eaststeel.rep3");
    }
}
