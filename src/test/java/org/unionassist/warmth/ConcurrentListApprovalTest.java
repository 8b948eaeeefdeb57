package org.unionassist.warmth;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.ProcessTest;
import org.unionassist.support.WarmthDriver;
import org.unionassist.support.WarmthDriver.Share;

import java.math.BigDecimal;
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

/**
 * Two unions' lists approved by the district at the same moment, when the district's allocation (revised down by the
 * city after it was passed on) holds only one of them: the ledger takes one, refuses the other, and no union, district
 * or campaign goes over what it was allocated. Runs on H2 and on PostgreSQL.
 */
@ProcessTest
class ConcurrentListApprovalTest {

    @Autowired WarmthDriver warmth;
    @Autowired CaseDriver driver;
    @Autowired WarmthCampaigns campaigns;
    @Autowired Ledger ledger;
    @Autowired RecipientListRepository lists;
    @Autowired TransactionTemplate transactions;

    @BeforeEach
    void today() {
        CaseDriver.today(WarmthCampaignProcessTest.TODAY);
    }

    @AfterEach
    void realTime() {
        CaseDriver.realTime();
    }

    @Test
    void twoListsApprovedAtTheSameMomentNeverTakeTheDistrictOverItsAllocation() throws Exception {
        ProcessInstance campaign = warmth.approvedCampaign("100000", 1000, WarmthCampaignProcessTest.LISTS_DUE,
                WarmthCampaignProcessTest.VISITS_DUE);
        long id = ((Number) driver.runtime().getVariable(campaign.getId(), "campaignId")).longValue();
        warmth.allocateDistricts(campaign, Map.of("east", new Share("10000", 40)));
        warmth.allocateUnions(campaign, "east", Map.of("eaststeel", new Share("5000", 20),
                "eaststreet", new Share("5000", 20)));
        // the city takes 2,000 back from the district: nothing is committed yet, so it may
        transactions.executeWithoutResult(s -> campaigns.revise(campaigns.byId(id), "east", new BigDecimal("8000"), 40,
                "city.clerk"));

        Map<String, ProcessInstance> byTask = new HashMap<>();
        for (String union : List.of("eaststeel", "eaststreet")) {
            ProcessInstance list = warmth.listOf(campaign, union);
            List<Map<String, Object>> ten = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ten.add(WarmthDriver.person("一线职工" + i, IdNumbers.next(), "frontLine", ""));
            }
            warmth.submitList(list, union, ten, "");
            byTask.put(driver.task(list, "approveList").getId(), list);
        }

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService chairs = Executors.newFixedThreadPool(2);
        List<String> approved = new ArrayList<>();
        List<Throwable> refusals = new ArrayList<>();
        try {
            Map<String, Future<String>> done = new HashMap<>();
            for (Map.Entry<String, ProcessInstance> each : byTask.entrySet()) {
                var approval = warmth.approval(each.getValue(), f -> new String[] {"remove"});
                done.put(each.getKey(), chairs.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    driver.asDo("east.chair", () -> driver.tasks().complete(each.getKey(), approval));
                    return each.getKey();
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
        assertThat(refusals).singleElement().isInstanceOfSatisfying(UnionAssistException.class,
                e -> assertThat(e.errorCode()).isEqualTo(WarmthError.OVER_ALLOCATION));
        Ledger.Balance district = ledger.balance(id, "east");
        assertThat(district.committed()).isEqualByComparingTo("5000.00");
        assertThat(district.available()).isEqualByComparingTo("3000.00");
        assertThat(ledger.balance(id, "city").available()).isEqualByComparingTo("95000.00");
        String loser = byTask.keySet().stream().filter(t -> !t.equals(approved.get(0))).findFirst().orElseThrow();
        Task stillOpen = driver.tasks().createTaskQuery().taskId(loser).singleResult();
        assertThat(stillOpen).as("the refused approval stays open").isNotNull();
        assertThat(lists.findByProcessInstanceId(byTask.get(loser).getId()).orElseThrow().getStatus())
                .isEqualTo(RecipientList.Status.SUBMITTED);
    }
}
