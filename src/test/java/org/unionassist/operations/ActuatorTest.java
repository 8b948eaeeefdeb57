package org.unionassist.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.RestBodies;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator and a load balancer read under /actuator: open health probes, Prometheus metrics for
 * administrators only, the project's meters counting cases and refusals without naming anyone, and a node that is not
 * ready while its job executor is stopped. The job executor runs in this test, as shipped (no job-execution setting).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:union-assist-actuator-test;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"})
@ActiveProfiles("demo")
// Spring Boot's tests leave out the Prometheus registry unless asked
@AutoConfigureObservability
class ActuatorTest {

    private static final String CLERK = "eaststeel.clerk";
    private static final String HARDSHIP = "hardshipVerification";

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> call(String method, String path, String user, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (user != null) {
            request.header("Authorization", RestBodies.basic(user));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return call("GET", path, user, null);
    }

    private String scrape() throws Exception {
        HttpResponse<String> scraped = get("/actuator/prometheus", "admin");
        assertThat(scraped.statusCode()).as(scraped.body()).isEqualTo(200);
        return scraped.body();
    }

    /** The value of the first sample of this meter whose labels include all of these, or 0 if there is none. */
    private static double sample(String scraped, String meter, String... labels) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(meter) + "(?:\\{([^}]*)})? (\\S+)$").matcher(scraped);
        while (line.find()) {
            String found = line.group(1) == null ? "" : line.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= found.contains(label);
            }
            if (all) {
                return Double.parseDouble(line.group(2));
            }
        }
        return 0;
    }

    private JobExecutor jobExecutor() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    }

    @Test
    void theLoadBalancerReadsLivenessAndReadinessWithoutCredentials() throws Exception {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health"}) {
            HttpResponse<String> health = get(probe, null);
            assertThat(health.statusCode()).as(probe).isEqualTo(200);
            assertThat(health.body()).as(probe).contains("\"status\":\"UP\"")
                    .doesNotContain("components", "lockOwner");
        }
    }

    @Test
    void onlyAnAdministratorSeesTheHealthDetails() throws Exception {
        assertThat(get("/actuator/health", CLERK).body()).doesNotContain("components");
        HttpResponse<String> asAdmin = get("/actuator/health/readiness", "admin");
        assertThat(asAdmin.statusCode()).isEqualTo(200);
        assertThat(asAdmin.body()).contains("\"jobExecutor\"", "\"lockOwner\"", "\"db\"", "\"active\":true")
                .doesNotContain("switched off");
        assertThat(get("/actuator/health/db", null).statusCode()).isEqualTo(401);
    }

    @Test
    void prometheusNeedsAnAdministrator() throws Exception {
        HttpResponse<String> anonymous = get("/actuator/prometheus", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic"));
        assertThat(anonymous.body()).contains("\"type\":\"SIGNER_UNKNOWN\"", "\"code\":20027", "请先登录");

        HttpResponse<String> wrongPassword = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        // not admin: a failed login locks the user for a few seconds
                        "west.auditor:wrong".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(wrongPassword.statusCode()).isEqualTo(401);

        HttpResponse<String> clerk = get("/actuator/prometheus", CLERK);
        assertThat(clerk.statusCode()).isEqualTo(403);
        assertThat(clerk.body()).contains("\"type\":\"NOT_AN_OPERATOR\"", "\"code\":20061", "系统运维人员");
        assertThat(get("/actuator/metrics", CLERK).statusCode()).isEqualTo(403);
        assertThat(get("/actuator", null).statusCode()).isEqualTo(401);

        assertThat(scrape()).contains("http_server_requests_seconds", "jvm_memory_used_bytes", "hikaricp_connections");
    }

    @Test
    void aCaseIsCountedOnceWhenStartedAndWhenWithdrawnAndARefusalByItsCode() throws Exception {
        double before = sample(scrape(), "unionassist_cases_started_total", "programme=\"" + HARDSHIP + "\"");
        String idNumber = IdNumbers.next();
        HttpResponse<String> started = call("POST", "/engine-rest/process-definition/key/" + HARDSHIP + "/submit-form",
                CLERK, RestBodies.hardshipApplication(idNumber));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String caseId = started.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

        HttpResponse<String> refused = call("POST", "/engine-rest/process-definition/key/" + HARDSHIP + "/submit-form",
                CLERK, RestBodies.hardshipApplication("110105194912310021"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);

        String withdrawn = "programme=\"" + HARDSHIP + "\"";
        double finishedBefore = sample(scrape(), "unionassist_cases_finished_total", withdrawn, "outcome=\"completed\"",
                "endActivity=\"withdrawal\"");
        HttpResponse<String> withdrawal = call("POST", "/api/hardship-cases/" + caseId + "/withdrawal", CLERK,
                "{\"reason\":\"申请人主动放弃\"}");
        assertThat(withdrawal.statusCode()).as(withdrawal.body()).isEqualTo(200);

        String scraped = scrape();
        assertThat(sample(scraped, "unionassist_cases_started_total", "programme=\"" + HARDSHIP + "\""))
                .isEqualTo(before + 1);
        assertThat(sample(scraped, "unionassist_cases_finished_total", withdrawn, "outcome=\"completed\"",
                "endActivity=\"withdrawal\"")).isEqualTo(finishedBefore + 1);
        assertThat(sample(scraped, "unionassist_refusals_total", "programme=\"" + HARDSHIP + "\"", "code=\"20002\"",
                "type=\"INVALID_ID_NUMBER\"")).isGreaterThanOrEqualTo(1);
        assertThat(scraped).containsPattern("(?m)^unionassist_incidents_open(\\{[^}]*})? \\d")
                .containsPattern("(?m)^unionassist_jobs_without_retries(\\{[^}]*})? \\d")
                // -1 until the first scheduled verification (a minute after start by default)
                .containsPattern("(?m)^unionassist_audit_chain_intact(\\{[^}]*})? -?1")
                .containsPattern("(?m)^unionassist_audit_chain_unsealed(\\{[^}]*})? \\d");
        // nobody is named: not the applicant, not the clerk, not the case
        assertThat(scraped).doesNotContain(idNumber, "110105194912310021", "赵敏", "赵小敏", "6222020200112233445",
                CLERK, "eaststeel", caseId);
    }

    @Test
    void theJobExecutorsAcquisitionIsCounted() throws Exception {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(sample(scrape(), "unionassist_jobs_acquisition_attempts_total")).isGreaterThan(0));
        assertThat(scrape()).contains("unionassist_jobs_acquired_total", "unionassist_jobs_acquisition_lost_total",
                "unionassist_jobs_rejected_total");
    }

    @Test
    void aFailingStepIsCountedByProgrammeAndActivity() {
        engine.getRepositoryService().createDeployment().name("actuator-test")
                .addModelInstance("actuator-failing-step.bpmn", Bpmn.createExecutableProcess("actuatorFailingStep")
                        .startEvent().serviceTask("failingStep").camundaAsyncBefore()
                        .camundaExpression("${noSuchBean.run()}").endEvent().done())
                .deploy();
        engine.getRuntimeService().startProcessInstanceByKey("actuatorFailingStep");

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(sample(scrape(),
                "unionassist_jobs_failed_total", "programme=\"actuatorFailingStep\"", "activity=\"failingStep\""))
                .isGreaterThanOrEqualTo(1));
    }

    @Test
    void aNodeWhoseJobExecutorStoppedIsNotReady() throws Exception {
        JobExecutor executor = jobExecutor();
        assertThat(executor.isActive()).isTrue();
        executor.shutdown();
        try {
            HttpResponse<String> readiness = get("/actuator/health/readiness", null);
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
            assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        } finally {
            executor.start();
        }
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }
}
