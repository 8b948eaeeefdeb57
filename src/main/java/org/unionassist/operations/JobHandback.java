package org.unionassist.operations;

import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * A node that is stopped hands its jobs back instead of leaving them locked for the engine's lock time (five
 * minutes), during which no other node would run them. Without this, Spring stops the job executor's thread pool
 * before the engine: jobs the node has already claimed but not yet started are dropped with their locks held, and
 * jobs it claims meanwhile are rejected with their locks held.
 *
 * <p>First thing when the context closes: the job executor stops claiming jobs; the jobs it is running finish, and
 * those it had claimed but not started are unlocked by the engine's own job runnables (they unlock when the executor
 * is no longer active). Once the pool is idle, or after {@code union-assist.operations.job-handback-timeout}, any job
 * still locked by this node is unlocked in the database, so that another node takes it at its next acquisition; a job
 * still running here then fails to commit and runs again there.
 */
@Component
public class JobHandback {

    private static final Logger log = LoggerFactory.getLogger(JobHandback.class);

    private final ObjectProvider<JobExecutor> jobExecutor;
    private final ObjectProvider<TaskExecutor> pool;
    private final JdbcTemplate db;
    private final Duration timeout;

    public JobHandback(ObjectProvider<JobExecutor> jobExecutor,
                       @Qualifier("camundaTaskExecutor") ObjectProvider<TaskExecutor> pool, DataSource dataSource,
                       @Value("${union-assist.operations.job-handback-timeout:20s}") Duration timeout) {
        this.jobExecutor = jobExecutor;
        this.pool = pool;
        this.db = new JdbcTemplate(dataSource);
        this.timeout = timeout;
    }

    @EventListener(ContextClosedEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void handBack() {
        JobExecutor executor = jobExecutor.getIfAvailable();
        if (executor == null || !executor.isActive()) {
            return;
        }
        String owner = executor.getLockOwner();
        executor.shutdown();
        boolean idle = awaitIdle();
        int unlocked = db.update("update ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null, REV_ = REV_ + 1"
                + " where LOCK_OWNER_ = ?", owner);
        log.info("Job executor stopped for shutdown: {}; {} job(s) still locked by this node handed back",
                idle ? "its running jobs finished" : "jobs still running after " + timeout, unlocked);
    }

    /** Waits until the job threads have run or unlocked every job this node had claimed. */
    private boolean awaitIdle() {
        if (!(pool.getIfAvailable() instanceof ThreadPoolTaskExecutor taskExecutor)) {
            return true;
        }
        ThreadPoolExecutor threads = taskExecutor.getThreadPoolExecutor();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (threads.getActiveCount() > 0 || !threads.getQueue().isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
