package org.unionassist.benchmark;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.ProcessTest;

import java.util.Arrays;

import static org.unionassist.support.CaseDriver.decisionOf;

/**
 * Measures, does not assert: how long the engine, DMN, JPA and audit trail take to carry hardship cases from
 * application to filing (14 human steps each), on the in-memory database. Run with {@code mvn -Pbenchmark test};
 * figures go to standard output and docs/benchmarks.md records what was measured.
 */
@Tag("benchmark")
@ProcessTest
class HardshipThroughputBenchmarkTest {

    private static final int WARM_UP = 20;
    private static final int CASES = 200;

    @Autowired CaseDriver driver;

    @Test
    void carryCasesFromApplicationToFiling() {
        for (int i = 0; i < WARM_UP; i++) {
            fileOne();
        }
        long[] millis = new long[CASES];
        long start = System.nanoTime();
        for (int i = 0; i < CASES; i++) {
            long t0 = System.nanoTime();
            fileOne();
            millis[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(millis);
        System.out.printf("BENCHMARK hardship cases filed: %d in %.1f s = %.1f cases/s, %.0f sign-offs/s; "
                        + "per case p50 %d ms, p95 %d ms, max %d ms%n",
                CASES, seconds, CASES / seconds, CASES * 14 / seconds,
                millis[CASES / 2], millis[(int) (CASES * 0.95)], millis[CASES - 1]);
    }

    private void fileOne() {
        ProcessInstance pi = driver.caseAtDistrict("eaststeel", IdNumbers.next());
        driver.complete(pi, "districtCheck", "east.clerk", decisionOf("submit", null).putValue("civilAffairsCheck", "consistent"));
        driver.complete(pi, "districtApproval", "east.chair", "approve", null);
        driver.complete(pi, "cityReview", "city.clerk", "submit", null);
        driver.complete(pi, "cityApproval", "city.chair", "approve", null);
    }
}
