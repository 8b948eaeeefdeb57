package org.unionassist.intake;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionassist.intake.IntakeClient.CHANNEL;
import static org.unionassist.intake.IntakeClient.json;

/**
 * A channel's system that sends one application 20 times at once (a retry storm after a timeout): every request is
 * answered with the same case, and there is one case. The database's unique key decides, on H2 and PostgreSQL.
 */
@IntakeApiTestConfig
class ConcurrentIntakeTest {

    private static final int REQUESTS = 20;

    @LocalServerPort int port;
    @Autowired HistoryService history;
    @Autowired IntakeRequestRepository requests;

    @Test
    void theSameApplicationSentTwentyTimesAtOnceIsOneCase() throws Exception {
        IntakeClient api = new IntakeClient(port);
        String key = UUID.randomUUID().toString();
        String body = IntakeClient.body(CaseDriver.deepHardshipApplication(IdNumbers.next()));
        long casesBefore = history.createHistoricProcessInstanceQuery().processDefinitionKey(CaseDriver.PROCESS)
                .startedBy(CHANNEL).count();

        CyclicBarrier together = new CyclicBarrier(REQUESTS);
        ExecutorService senders = Executors.newFixedThreadPool(REQUESTS);
        List<HttpResponse<String>> answers = new ArrayList<>();
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                sent.add(senders.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return api.file(CHANNEL, "hardship-applications", key, body);
                }));
            }
            for (Future<HttpResponse<String>> answer : sent) {
                answers.add(answer.get(120, TimeUnit.SECONDS));
            }
        } finally {
            senders.shutdownNow();
        }

        assertThat(answers).extracting(HttpResponse::statusCode).as(answers.stream().map(HttpResponse::body).toList()
                .toString()).containsOnly(200, 201).filteredOn(status -> status == 201).hasSize(1);
        List<String> caseNumbers = new ArrayList<>();
        for (HttpResponse<String> answer : answers) {
            JsonNode receipt = json(answer);
            caseNumbers.add(receipt.get("caseNumber").asText());
        }
        assertThat(caseNumbers).hasSize(REQUESTS).containsOnly(caseNumbers.get(0));
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(CaseDriver.PROCESS)
                .startedBy(CHANNEL).count()).isEqualTo(casesBefore + 1);
        assertThat(requests.findAll()).filteredOn(r -> r.getIdempotencyKey().equals(key)).hasSize(1);
    }
}
