package org.unionassist.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.unionassist.engine.EngineCommands;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * What waits for an operator, across all nodes of the database: open incidents, and jobs whose retries are used up
 * (a timer or an asynchronous step that will not run again by itself). Each is one count query, read at most every
 * 30 seconds however often Prometheus scrapes, and past the caller's authorizations (the counts name nothing).
 */
@Component
public class StuckWorkGauges implements MeterBinder {

    static final Duration FRESH_FOR = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(StuckWorkGauges.class);

    // held here: a gauge keeps only a weak reference to what it reads
    private final Cached incidents;
    private final Cached jobsWithoutRetries;

    public StuckWorkGauges(ProcessEngine engine, EngineCommands asEngine) {
        this.incidents = new Cached("open incidents",
                () -> asEngine.call(() -> engine.getRuntimeService().createIncidentQuery().count()));
        this.jobsWithoutRetries = new Cached("jobs without retries",
                () -> asEngine.call(() -> engine.getManagementService().createJobQuery().noRetriesLeft().count()));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("unionassist.incidents.open", incidents, Cached::value)
                .description("open incidents (all nodes), refreshed at most every 30 s").register(registry);
        Gauge.builder("unionassist.jobs.without.retries", jobsWithoutRetries, Cached::value)
                .description("jobs whose retries are used up (all nodes), refreshed at most every 30 s").register(registry);
    }

    /** A count read again only once the last reading is older than {@link #FRESH_FOR}. */
    static final class Cached {

        private final String what;
        private final LongSupplier count;
        private double value = Double.NaN;
        private long readAt;
        private boolean read;

        Cached(String what, LongSupplier count) {
            this.what = what;
            this.count = count;
        }

        synchronized double value() {
            long now = System.nanoTime();
            if (!read || now - readAt >= FRESH_FOR.toNanos()) {
                readAt = now;
                read = true;
                try {
                    value = count.getAsLong();
                } catch (RuntimeException e) {
                    // keep the last reading; the database's own health is in the readiness probe
                    log.warn("Could not count {} for the metrics", what, e);
                }
            }
            return value;
        }
    }
}
