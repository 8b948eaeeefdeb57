package org.unionassist.medical;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.unionassist.casework.signoff.SignOff;
import org.unionassist.casework.signoff.SignOffRepository;
import org.unionassist.payment.Disbursement;
import org.unionassist.payment.DisbursementRepository;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.MedicalAidDriver;
import org.unionassist.support.RestBodies;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.unionassist.support.MedicalAidDriver.documentsChecked;
import static org.unionassist.support.MedicalAidDriver.inpatientClaim;

/**
 * The payment of an approved claim fails because the payment table refuses the row: the district chair's approval
 * stays, the payment step is tried as often as {@code union-assist.jobs.retry-cycle} says (R3/PT5M), then an operator
 * reads a Chinese incident in Cockpit that names the step and the cause without personal data, removes the cause,
 * retries as Cockpit does, and the member is paid once; the operator's retry is in the case's interventions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:union-assist-payout-incident;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("demo")
class PayoutIncidentTest {

    private static final String REFUSAL = "ua_payout_refused";
    private static final String CARD = "6222020200112233445";
    private static final Duration INTERVAL = Duration.ofMinutes(5);

    @LocalServerPort int port;
    @Autowired CaseDriver driver;
    @Autowired MedicalAidDriver medical;
    @Autowired SignOffRepository signOffs;
    @Autowired DisbursementRepository disbursements;
    @Autowired MembershipRepository memberships;
    @Autowired HistoryService history;
    @Autowired JdbcTemplate db;
    @Autowired ObjectMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void cleanUp() {
        CaseDriver.realTime();
        db.execute("alter table ua_disbursement drop constraint if exists " + REFUSAL);
    }

    @Test
    void aPaymentThatKeepsFailingBecomesAChineseIncidentAndIsPaidOnceAfterTheOperatorsRetry() throws Exception {
        String member = IdNumbers.next();
        medical.enrolAndConfirm("eaststeel", "east", LocalDate.of(2026, 1, 5), "张伟", member);
        CaseDriver.today(LocalDate.of(2026, 3, 20));
        ProcessInstance pi = medical.fileClaim("eaststeel.clerk", inpatientClaim(member, 12000));
        driver.complete(pi, "documentCheck", "eaststeel.clerk", documentsChecked());
        // the payment table refuses this case's row, as a constraint or a broken table would
        db.execute("alter table ua_disbursement add constraint " + REFUSAL
                + " check (process_instance_id <> '" + pi.getId() + "')");

        driver.complete(pi, "claimDistrictApproval", "east.chair", "approve", "同意赔付");

        assertThat(pi).isWaitingAt(MedicalAidDriver.SETTLEMENT);
        assertThat(signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(pi.getId())).extracting(SignOff::getStepId)
                .as("the approval is kept").containsExactly("documentCheck", "claimDistrictApproval");

        List<Integer> retriesLeft = new ArrayList<>();
        for (int attempt = 1; attempt <= 3; attempt++) {
            Instant now = ClockUtil.getCurrentTime().toInstant();
            assertThatThrownBy(() -> medical.settle(pi)).isInstanceOf(RuntimeException.class);
            Job job = medical.settlement(pi);
            retriesLeft.add(job.getRetries());
            assertThat(job.getDuedate().toInstant()).as("attempt %d is followed by a wait of 5 minutes", attempt)
                    .isEqualTo(now.plus(INTERVAL));
            assertThat(job.getExceptionMessage()).startsWith("数据库拒绝写入（违反约束）：");
            ClockUtil.setCurrentTime(job.getDuedate());
        }
        assertThat(retriesLeft).containsExactly(2, 1, 0);
        assertThat(disbursements.findByProcessInstanceId(pi.getId())).isEmpty();
        assertThat(memberships.findByIdNumberAndPlanYearAndStatus(member, 2026, Membership.Status.ACTIVE)
                .orElseThrow().getApprovedTotal()).as("each failed attempt rolled back").isEqualByComparingTo("0.00");

        List<Map<String, Object>> incidents = read("/engine-rest/incident?processInstanceId=" + pi.getId(), "admin");
        assertThat(incidents).singleElement().satisfies(incident -> {
            assertThat(incident).containsEntry("incidentType", "failedJob")
                    .containsEntry("activityId", MedicalAidDriver.SETTLEMENT)
                    .containsEntry("configuration", medical.settlement(pi).getId());
            assertThat((String) incident.get("incidentMessage"))
                    .startsWith("步骤「核定赔付并生成付款」执行 3 次后仍失败：数据库拒绝写入（违反约束）：")
                    .containsIgnoringCase(REFUSAL).doesNotContain("SQL statement")
                    .endsWith("，请排除原因后在 Cockpit 中重试");
        });
        assertNoPersonalDataInWhatTheEngineKept(pi, member);

        // the operator removes the cause and, in Cockpit, increments the job's retries (PUT /job/{id}/retries)
        db.execute("alter table ua_disbursement drop constraint " + REFUSAL);
        String jobId = medical.settlement(pi).getId();
        HttpResponse<String> retried = call("PUT", "/engine-rest/job/" + jobId + "/retries", "admin", "{\"retries\":1}");
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(204);
        assertThat(read("/engine-rest/incident?processInstanceId=" + pi.getId(), "admin")).as("resolved").isEmpty();
        medical.settle(pi);

        assertThat(pi).isEnded().hasPassed(MedicalAidDriver.SETTLEMENT);
        assertThat(disbursements.findAll()).filteredOn(d -> d.getProcessInstanceId().equals(pi.getId()))
                .singleElement().extracting(Disbursement::getAmount).satisfies(amount ->
                        assertThat(amount).isEqualByComparingTo("3200.00"));
        assertThat(memberships.findByIdNumberAndPlanYearAndStatus(member, 2026, Membership.Status.ACTIVE)
                .orElseThrow().getApprovedTotal()).isEqualByComparingTo("3200.00");
        assertThat(signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(pi.getId())).extracting(SignOff::getStepId)
                .containsExactly("documentCheck", "claimDistrictApproval", "settleClaim");
        assertThat(history.createHistoricIncidentQuery().processInstanceId(pi.getId()).resolved().count()).isOne();
        assertThat(read("/api/cases/" + pi.getId() + "/interventions", "east.auditor")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("operationType", "SetJobRetries")
                        .containsEntry("operation", "设置作业重试次数").containsEntry("orgValue", "0")
                        .containsEntry("newValue", "1").containsEntry("jobId", jobId)
                        .containsEntry("activityId", MedicalAidDriver.SETTLEMENT).containsEntry("actorId", "admin"));
    }

    /** The job's message and stack trace, the job log and the incident, through the API and in the tables. */
    private void assertNoPersonalDataInWhatTheEngineKept(ProcessInstance pi, String member) {
        List<String> kept = new ArrayList<>();
        Job job = medical.settlement(pi);
        kept.add(job.getExceptionMessage());
        String stacktrace = driver.management().getJobExceptionStacktrace(job.getId());
        assertThat(stacktrace).as("still says where it failed").contains("Caused by: ", "ClaimOutcome.approved");
        kept.add(stacktrace);
        List<HistoricJobLog> failures = history.createHistoricJobLogQuery().jobId(job.getId()).failureLog().list();
        assertThat(failures).hasSize(3);
        for (HistoricJobLog failure : failures) {
            kept.add(failure.getJobExceptionMessage());
            kept.add(history.getHistoricJobLogExceptionStacktrace(failure.getId()));
        }
        kept.addAll(db.queryForList("select INCIDENT_MSG_ from ACT_HI_INCIDENT where PROC_INST_ID_ = ?", String.class,
                pi.getId()));
        db.queryForList("select b.BYTES_ from ACT_GE_BYTEARRAY b where b.ID_ in (select EXCEPTION_STACK_ID_ from "
                        + "ACT_RU_JOB where PROCESS_INSTANCE_ID_ = ?) or b.ID_ in (select JOB_EXCEPTION_STACK_ID_ from "
                        + "ACT_HI_JOB_LOG where PROCESS_INSTANCE_ID_ = ?)", byte[].class, pi.getId(), pi.getId())
                .forEach(bytes -> kept.add(new String(bytes, StandardCharsets.UTF_8)));
        assertThat(kept).hasSizeGreaterThanOrEqualTo(10).allSatisfy(text -> assertThat(text).isNotNull()
                .doesNotContain(member).doesNotContain(CARD).doesNotContain("张伟").doesNotContain("急性阑尾炎"));
    }

    private List<Map<String, Object>> read(String path, String user) throws Exception {
        HttpResponse<String> response = call("GET", path, user, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readValue(response.body(), new TypeReference<>() { });
    }

    private HttpResponse<String> call(String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", RestBodies.basic(user))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
