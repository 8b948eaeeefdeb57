package org.unionassist.education;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.EducationGrantDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.ProcessTest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionassist.support.EducationGrantDriver.temporaryHardship;

/**
 * The district's last place, approved by the city for two applications at the same moment: one approval takes it,
 * the other is refused as the quota is used up and its task stays open.
 */
@ProcessTest
class ConcurrentQuotaTest {

    @Autowired EducationGrantDriver education;
    @Autowired CaseDriver driver;
    @Autowired GrantQuotas quotas;
    @Autowired GrantQuotaRepository quotaRows;
    @Autowired EducationGrantRepository grants;

    /** A grant year of the tests that count the quota (see {@link EducationGrantDriver#OWN_YEAR}). */
    static final java.time.LocalDate IN_WINDOW = EducationGrantDriver.IN_OWN_YEAR;
    static final int YEAR = EducationGrantDriver.OWN_YEAR;

    @BeforeEach
    void inTheWindow() {
        CaseDriver.today(IN_WINDOW);
    }

    @AfterEach
    void resetClock() {
        CaseDriver.realTime();
    }

    @Test
    void twoCityApprovalsOfTheLastPlaceAtTheSameMomentGrantItOnce() throws Exception {
        ProcessInstance first = education.awaitingDistrict("eaststeel",
                temporaryHardship(IdNumbers.next(), IdNumbers.next(), "undergraduate"));
        ProcessInstance second = education.awaitingDistrict("eaststreet",
                temporaryHardship(IdNumbers.next(), IdNumbers.next(), "highSchool"));
        approveInOneSitting("east", first, second);
        driver.fireTimer(first);
        driver.fireTimer(second);

        // one place left for the year, whatever other tests on the same database were granted before
        int grantedBefore = quotaRows.findById(new GrantQuota.Key(YEAR, "east")).map(GrantQuota::getGranted).orElse(0);
        quotas.set(YEAR, "east", grantedBefore + 1, "city.clerk");

        Map<String, ProcessInstance> byTask = new HashMap<>();
        for (ProcessInstance pi : List.of(first, second)) {
            byTask.put(education.task(pi, "cityApproval").getId(), pi);
        }
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService chairs = Executors.newFixedThreadPool(2);
        List<String> approved = new ArrayList<>();
        List<Throwable> refusals = new ArrayList<>();
        try {
            Map<String, Future<String>> done = new HashMap<>();
            for (String taskId : byTask.keySet()) {
                done.put(taskId, chairs.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    driver.asDo("city.chair", () -> driver.tasks().complete(taskId,
                            CaseDriver.decisionOf("approve", "同意")));
                    return taskId;
                }));
            }
            for (Future<String> each : done.values()) {
                try {
                    approved.add(each.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException refused) {
                    refusals.add(refused.getCause());
                }
            }
        } finally {
            chairs.shutdownNow();
        }

        assertThat(approved).hasSize(1);
        assertThat(refusals).singleElement().isInstanceOfSatisfying(UnionAssistException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(EducationError.QUOTA_EXHAUSTED);
            assertThat(e.getMessage()).contains("东城区总工会" + YEAR + "年金秋助学名额共" + (grantedBefore + 1) + "个");
        });

        GrantQuota quota = quotaRows.findById(new GrantQuota.Key(YEAR, "east")).orElseThrow();
        assertThat(quota.getGranted()).isEqualTo(grantedBefore + 1);
        assertThat(quota.remaining()).isZero();

        String winnerTask = approved.get(0);
        String loserTask = byTask.keySet().stream().filter(t -> !t.equals(winnerTask)).findFirst().orElseThrow();
        assertThat(driver.tasks().createTaskQuery().taskId(winnerTask).singleResult()).as("completed").isNull();
        Task stillOpen = driver.tasks().createTaskQuery().taskId(loserTask).singleResult();
        assertThat(stillOpen).as("refused task still open").isNotNull();
        assertThat(stillOpen.getTaskDefinitionKey()).isEqualTo("cityApproval");
        assertThat(grants.findByProcessInstanceId(byTask.get(winnerTask).getId()).orElseThrow().getStatus())
                .isEqualTo(EducationGrant.Status.GRANTED);
        assertThat(grants.findByProcessInstanceId(byTask.get(loserTask).getId()).orElseThrow().getStatus())
                .isEqualTo(EducationGrant.Status.AWAITING_CITY);
    }

    /** Convenes the district's sitting and approves these applications; any other waiting one is returned. */
    private void approveInOneSitting(String district, ProcessInstance... mine) {
        ProcessInstance sitting = education.convene(district);
        Map<String, String[]> decisions = new HashMap<>();
        for (Map<String, Object> row : education.agenda(sitting)) {
            decisions.put((String) row.get("caseNumber"), new String[]{"return", "本次会议不研究"});
        }
        for (ProcessInstance pi : mine) {
            assertThat(decisions).containsKey(education.caseNumber(pi));
            decisions.put(education.caseNumber(pi), new String[]{"approve", "同意"});
        }
        education.decide(sitting, district, decisions);
    }
}
