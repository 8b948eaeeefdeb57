package org.unionassist.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code jobExecutor} of the readiness group: a node whose job executor should run but does not
 * would leave timers and asynchronous steps to the other nodes, or to no one. UP while it runs, and UP when job
 * execution is switched off by configuration ({@code camunda.bpm.job-execution.enabled=false}); DOWN otherwise.
 * <p>
 * The bean name makes the contributor's name ({@code jobExecutor}, Spring Boot drops the suffix) and replaces the
 * starter's indicator of that name, which exists only while the job executor is enabled (a readiness group naming a
 * missing contributor would stop the app from starting).
 */
@Component("jobExecutorHealthIndicator")
public class JobExecutorHealth implements HealthIndicator {

    private final ProcessEngine engine;
    private final boolean enabled;

    /** As the starter decides whether to create the job executor: on unless the property says false. */
    public JobExecutorHealth(ProcessEngine engine,
                             @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
        this.engine = engine;
        this.enabled = enabled;
    }

    @Override
    public Health health() {
        JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        boolean active = executor != null && executor.isActive();
        Health.Builder health = active || !enabled ? Health.up() : Health.down();
        health.withDetail("active", active);
        if (executor != null) {
            health.withDetail("lockOwner", executor.getLockOwner());
        }
        if (!enabled) {
            health.withDetail("jobExecution", "switched off (camunda.bpm.job-execution.enabled=false)");
        }
        return health.build();
    }
}
