package org.unionassist.medical;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionassist.payment.Disbursement;
import org.unionassist.payment.DisbursementRepository;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.MedicalAidDriver;
import org.unionassist.support.ProcessTest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionassist.support.MedicalAidDriver.documentsChecked;
import static org.unionassist.support.MedicalAidDriver.inpatientClaim;

/**
 * Two claims of one member, each proposing 27,200.00 before the other is approved, are approved by two city chairs
 * at the same moment and their payment steps run at the same moment: together they never exceed the 30,200.00
 * annual cap.
 */
@ProcessTest
class ConcurrentApprovalTest {

    @Autowired CaseDriver driver;
    @Autowired MedicalAidDriver medical;
    @Autowired DisbursementRepository disbursements;
    @Autowired MembershipRepository memberships;

    @AfterEach
    void resetClock() {
        CaseDriver.realTime();
    }

    @Test
    void twoApprovalsAtTheSameMomentNeverExceedTheAnnualCapTogether() throws Exception {
        String member = IdNumbers.next();
        medical.enrolAndConfirm("eaststeel", "east", LocalDate.of(2026, 1, 5), "李强", member);
        CaseDriver.today(LocalDate.of(2026, 3, 20));
        // two different stays: the same stay cannot be claimed twice
        ProcessInstance first = atCityApproval(MedicalAidDriver.inpatientClaim(member, 60000));
        ProcessInstance second = atCityApproval(MedicalAidDriver.claimForm(member, "inpatient",
                LocalDate.of(2026, 3, 12), LocalDate.of(2026, 3, 18), 120000, 60000, 60000));
        assertThat(driver.runtime().getVariable(first.getId(), "proposedPayout")).isEqualTo("27200.00");
        assertThat(driver.runtime().getVariable(second.getId(), "proposedPayout")).isEqualTo("27200.00");

        atTheSameMoment(List.of(first, second), pi -> {
            String taskId = driver.task(pi, "claimCityApproval").getId();
            return () -> driver.asDo("city.chair", () -> driver.tasks().complete(taskId,
                    CaseDriver.decisionOf("approve", "同意")));
        });
        // both approvals are committed; their payment steps then run at the same moment, as on two nodes
        atTheSameMoment(List.of(first, second), pi -> {
            String jobId = medical.settlement(pi).getId();
            return () -> driver.management().executeJob(jobId);
        });

        List<BigDecimal> paid = List.of(first, second).stream()
                .map(pi -> disbursements.findByProcessInstanceId(pi.getId()).map(Disbursement::getAmount).orElseThrow())
                .toList();
        assertThat(paid.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("30200.00");
        assertThat(paid).usingElementComparator(BigDecimal::compareTo)
                .containsExactlyInAnyOrder(new BigDecimal("27200.00"), new BigDecimal("3000.00"));
        assertThat(memberships.findByIdNumberAndPlanYearAndStatus(member, 2026, Membership.Status.ACTIVE)
                .orElseThrow().getApprovedTotal()).isEqualByComparingTo("30200.00");
    }

    /** Prepares one action per case, then runs them on two threads released together. */
    private static void atTheSameMoment(List<ProcessInstance> cases, Function<ProcessInstance, Runnable> action)
            throws Exception {
        List<Runnable> actions = cases.stream().map(action).toList();
        CyclicBarrier together = new CyclicBarrier(actions.size());
        ExecutorService threads = Executors.newFixedThreadPool(actions.size());
        try {
            List<Future<Object>> done = actions.stream().map(a -> threads.<Object>submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                a.run();
                return null;
            })).toList();
            for (Future<Object> each : done) {
                each.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private ProcessInstance atCityApproval(VariableMap claim) {
        ProcessInstance pi = medical.fileClaim("eaststeel.clerk", claim);
        driver.complete(pi, "documentCheck", "eaststeel.clerk", documentsChecked());
        driver.complete(pi, "claimDistrictApproval", "east.chair", "approve", null);
        driver.complete(pi, "cityMedicalReview", "city.clerk", "submit", null);
        return pi;
    }
}
