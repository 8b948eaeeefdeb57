package org.unionassist.medical;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.MedicalAidDriver;
import org.unionassist.support.ProcessTest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionassist.support.MedicalAidDriver.inpatientClaim;

/** The same stay filed twice at the same moment (a double click, two clerks): one claim is registered, one refused. */
@ProcessTest
class ConcurrentFilingTest {

    @Autowired MedicalAidDriver medical;
    @Autowired MedicalClaimRepository claims;

    @AfterEach
    void resetClock() {
        CaseDriver.realTime();
    }

    @Test
    void theSameStayFiledTwiceAtTheSameMomentIsRegisteredOnce() throws Exception {
        String member = IdNumbers.next();
        medical.enrolAndConfirm("eaststeel", "east", LocalDate.of(2026, 1, 5), "王磊", member);
        CaseDriver.today(LocalDate.of(2026, 3, 20));

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService clerks = Executors.newFixedThreadPool(2);
        List<Throwable> refusals = new ArrayList<>();
        try {
            List<Future<Object>> filings = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                filings.add(clerks.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return medical.fileClaim("eaststeel.clerk", inpatientClaim(member, 12000));
                }));
            }
            for (Future<Object> filing : filings) {
                try {
                    filing.get(60, TimeUnit.SECONDS);
                } catch (ExecutionException refused) {
                    refusals.add(refused.getCause());
                }
            }
        } finally {
            clerks.shutdownNow();
        }

        assertThat(claims.findAll()).filteredOn(c -> c.getIdNumber().equals(member)).hasSize(1);
        assertThat(refusals).singleElement().isInstanceOfSatisfying(UnionAssistException.class,
                e -> assertThat(e.errorCode()).isEqualTo(MedicalError.OVERLAPPING_STAY));
    }
}
