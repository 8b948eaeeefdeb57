package org.unionassist.payment;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.PaymentDriver;
import org.unionassist.support.ProcessTest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clerks preparing batches at the same moment never put one disbursement in two open batches, and the bank's result
 * imported twice at the same moment pays each disbursement once: the database's keys hold, not only the code's checks.
 */
@ProcessTest
class ConcurrentPaymentBatchTest {

    static final int CLERKS = 4;

    @Autowired PaymentDriver payments;
    @Autowired CaseDriver driver;
    @Autowired Disbursements disbursements;
    @Autowired DisbursementRepository disbursementRows;
    @Autowired BankFiles bankFiles;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void onAPayDay() {
        CaseDriver.today(LocalDate.of(2026, 8, 3));
    }

    @AfterEach
    void resetClock() {
        CaseDriver.realTime();
    }

    @Test
    void batchesPreparedAtOnceShareNoDisbursementAndAResultImportedTwiceAtOncePaysOnce() throws Exception {
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(disbursements.payOnce(new PaymentOrder("test-" + UUID.randomUUID(), "medicalAidClaim",
                    "YL-TEST-" + i, "membership:" + i, "MEDICAL_CLAIM", "测试收款人", org.unionassist.support.IdNumbers.next(), "6222020200112233445",
                    new BigDecimal("100.00"), "eaststeel")).getId());
        }

        List<Object> outcomes = together(CLERKS, () -> payments.start("city.clerk"));

        List<ProcessInstance> started = outcomes.stream().filter(ProcessInstance.class::isInstance)
                .map(ProcessInstance.class::cast).toList();
        assertThat(started).as("at least one clerk's batch took them").isNotEmpty();
        assertThat(outcomes).filteredOn(Throwable.class::isInstance).allSatisfy(o -> assertThat(o)
                .isInstanceOfSatisfying(UnionAssistException.class, e -> assertThat(e.errorCode())
                        .isIn(PaymentError.BATCHED_CONCURRENTLY, PaymentError.NOTHING_TO_PAY)));
        for (Long id : mine) {
            assertThat(jdbc.queryForObject("select count(*) from ua_payment_line where open_disbursement_id = ?",
                    Integer.class, id)).as("open batches holding disbursement %d", id).isEqualTo(1);
        }
        ProcessInstance holder = started.stream()
                .filter(pi -> payments.lines(pi).stream().anyMatch(l -> l.getDisbursementId().equals(mine.get(0))))
                .findFirst().orElseThrow();
        for (ProcessInstance other : started) {
            if (other != holder) {
                driver.complete(other, "reviewBatch", "city.clerk", "withdraw", "与另一批次同时编制，撤销");
            }
        }
        driver.complete(holder, "reviewBatch", "city.clerk", "submit", null);
        driver.complete(holder, "approveBatch", "city.chair", "approve", "同意");
        String number = payments.batch(holder).number();
        byte[] answer = payments.bankResult(holder, Map.of());

        List<Object> imports = together(2, () -> bankFiles.importResult(number, "回单.xlsx", answer, "city.clerk"));

        assertThat(imports).allMatch(BankFiles.ImportSummary.class::isInstance);
        int lines = payments.lines(holder).size();
        assertThat(imports).extracting(o -> ((BankFiles.ImportSummary) o).newlyPaid())
                .containsExactlyInAnyOrder(lines, 0);
        for (Long id : mine) {
            assertThat(disbursementRows.findById(id)).get().extracting(Disbursement::getStatus).isEqualTo("PAID");
            assertThat(jdbc.queryForObject("select count(*) from ua_payment_line where paid_disbursement_id = ?",
                    Integer.class, id)).isEqualTo(1);
        }
        driver.complete(holder, "bankResult", "city.clerk", "submit", null);
    }

    /** Runs the same work on {@code n} threads released at once: each one's result, or what it threw. */
    private static List<Object> together(int n, Callable<Object> work) throws Exception {
        CyclicBarrier start = new CyclicBarrier(n);
        ExecutorService threads = Executors.newFixedThreadPool(n);
        List<Object> outcomes = new ArrayList<>();
        try {
            List<Future<Object>> done = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                done.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return work.call();
                }));
            }
            for (Future<Object> each : done) {
                try {
                    outcomes.add(each.get(120, TimeUnit.SECONDS));
                } catch (ExecutionException failed) {
                    outcomes.add(failed.getCause());
                }
            }
        } finally {
            threads.shutdownNow();
        }
        return outcomes;
    }
}
