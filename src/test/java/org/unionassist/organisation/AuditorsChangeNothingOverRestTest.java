package org.unionassist.organisation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's REST API (what Cockpit calls) refuses an auditor every change to a case they may read, and the case
 * stays as it was; Cockpit hides those buttons from whoever the engine says may not change process instances
 * (webjars/camunda/app/cockpit/union-assist/read-only.js asks {@code /authorization/check}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:union-assist-auditor-rest-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("demo")
class AuditorsChangeNothingOverRestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired CaseDriver cases;
    @Autowired RuntimeService runtime;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anAuditorCanNeitherDeleteNorSuspendACaseNorChangeItsVariables() throws Exception {
        ProcessInstance pi = cases.apply("eaststeel.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
        String instance = "/engine-rest/process-instance/" + pi.getId();
        assertThat(call("GET", instance, "east.auditor", null).statusCode()).as("the auditor reads the case")
                .isEqualTo(200);

        assertThat(call("DELETE", instance, "east.auditor", null).statusCode()).isEqualTo(403);
        assertThat(call("PUT", instance + "/variables/category", "east.auditor",
                "{\"value\":\"RELATIVE\",\"type\":\"String\"}").statusCode()).isEqualTo(403);
        assertThat(call("POST", instance + "/variables", "east.auditor",
                "{\"modifications\":{\"auditNote\":{\"value\":\"x\",\"type\":\"String\"}}}").statusCode())
                .isEqualTo(403);
        assertThat(call("DELETE", instance + "/variables/applicantName", "east.auditor", null).statusCode())
                .isEqualTo(403);
        assertThat(call("PUT", instance + "/suspended", "east.auditor", "{\"suspended\":true}").statusCode())
                .isEqualTo(403);

        ProcessInstance unchanged = runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(unchanged).as("the case still runs").isNotNull();
        assertThat(unchanged.isSuspended()).isFalse();
        assertThat(runtime.getVariables(pi.getId())).containsEntry("category", "DEEP")
                .containsEntry("applicantName", "王建国").doesNotContainKey("auditNote");
    }

    @Test
    void theEngineTellsCockpitWhoMayChangeProcessInstances() throws Exception {
        String mayChange = "/engine-rest/authorization/check?permissionName=UPDATE&resourceName=process-instance"
                + "&resourceType=8";
        for (String auditor : new String[] {"eaststeel.auditor", "east.auditor", "city.auditor"}) {
            assertThat(authorized(mayChange, auditor)).as(auditor).isFalse();
        }
        assertThat(authorized(mayChange, "admin")).isTrue();

        String mayReadAllTasks = "/engine-rest/authorization/check?permissionName=READ&resourceName=task&resourceType=7";
        assertThat(authorized(mayReadAllTasks, "city.auditor")).isFalse();
        assertThat(authorized(mayReadAllTasks, "admin")).isTrue();
    }

    @Test
    void anAuditorReadsTheDecisionTablesButEvaluatesNone() throws Exception {
        HttpResponse<String> decisions = call("GET", "/engine-rest/decision-definition?latestVersion=true",
                "east.auditor", null);
        assertThat(decisions.statusCode()).isEqualTo(200);
        assertThat(decisions.body()).contains("困难职工类别认定", "最低生活保障标准（低保）", "职工医疗互助给付标准",
                "职工医疗互助审批层级");
        assertThat(call("POST", "/engine-rest/decision-definition/key/medicalAidApprovalLevel/evaluate", "east.auditor",
                "{\"variables\":{\"claimType\":{\"value\":\"INPATIENT\"},\"payout\":{\"value\":100}}}").statusCode())
                .isEqualTo(403);
    }

    private boolean authorized(String check, String user) throws Exception {
        HttpResponse<String> answer = call("GET", check, user, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode json = JSON.readTree(answer.body());
        return json.get("authorized").asBoolean();
    }

    private HttpResponse<String> call(String method, String path, String user, String json) throws Exception {
        String password = "admin".equals(user) ? "admin" : "demo";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
