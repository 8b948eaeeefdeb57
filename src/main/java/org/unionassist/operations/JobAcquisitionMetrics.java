package org.unionassist.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.camunda.bpm.engine.management.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The job executor's acquisition as Prometheus counters: attempts, jobs locked, jobs another node locked first, and
 * jobs this node locked but had no thread for. The job executor reports exactly these to the engine's metrics registry
 * ({@code JobExecutor.logAcquisitionAttempt} and its siblings), which the engine otherwise only writes to
 * {@code ACT_RU_METER_LOG} every 15 minutes; the registry here passes them on as they happen.
 * <p>
 * Why not wrap the job executor's {@code AcquireJobsCommandFactory}: the job executor drops its factory whenever it
 * stops, and builds the default one when it starts again, so a wrapper would silently stop counting after a restart.
 * Counts need the engine's metrics on ({@code camunda.bpm.metrics.enabled}, the default).
 */
@Component
public class JobAcquisitionMetrics extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(JobAcquisitionMetrics.class);

    private final MeterRegistry meters;

    public JobAcquisitionMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getMetricsRegistry() != null) {
            log.warn("The engine already has a metrics registry: job acquisition is not counted for Prometheus");
            return;
        }
        configuration.setMetricsRegistry(new PassingOn(Map.of(
                Metrics.JOB_ACQUISITION_ATTEMPT, counter("unionassist.jobs.acquisition.attempts",
                        "acquisition cycles that asked the database for jobs"),
                Metrics.JOB_ACQUIRED_SUCCESS, counter("unionassist.jobs.acquired",
                        "jobs this node locked for execution"),
                Metrics.JOB_ACQUIRED_FAILURE, counter("unionassist.jobs.acquisition.lost",
                        "jobs selected but locked by another node first"),
                Metrics.JOB_EXECUTION_REJECTED, counter("unionassist.jobs.rejected",
                        "locked jobs the job executor's thread pool had no room for"))));
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(meters);
    }

    /** The engine's own registry, which also counts the job executor's occurrences in Micrometer. */
    static final class PassingOn extends MetricsRegistry {

        private final Map<String, Counter> counters;

        PassingOn(Map<String, Counter> counters) {
            this.counters = counters;
        }

        @Override
        public void markOccurrence(String name, long times) {
            super.markOccurrence(name, times);
            Counter counter = counters.get(name);
            if (counter != null && times > 0) {
                counter.increment(times);
            }
        }
    }
}
