package org.unionassist.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.unionassist.UnionAssistApplication;
import org.unionassist.support.TestDatabases;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node stopped while its job executor is busy: the jobs it is running finish, and every job it had claimed is
 * handed back unlocked, none left locked for the engine's five-minute lock time. The app runs in this JVM with a
 * small job pool, a model of slow asynchronous steps deployed by the test, and Spring's shutdown phase shorter than
 * the queued work (without the hand-back, Spring then drops the queued jobs with their locks held).
 */
class GracefulShutdownTest {

    private static final int INSTANCES = 12;
    private static final String DATABASE = "jdbc:h2:mem:union-assist-graceful-shutdown;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";

    /** The slow step: counts the runs that began and the runs that ended normally. */
    public static final class SlowStep {
        public final AtomicInteger began = new AtomicInteger();
        public final AtomicInteger ended = new AtomicInteger();

        public void run() throws InterruptedException {
            began.incrementAndGet();
            Thread.sleep(700);
            ended.incrementAndGet();
        }
    }

    @Test
    void aStoppedNodeFinishesItsRunningJobsAndHandsBackTheRest() throws Exception {
        SlowStep step = new SlowStep();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(UnionAssistApplication.class)
                .profiles("demo")
                .initializers(context -> context.getBeanFactory().registerSingleton("slowStep", step))
                .run("--server.port=0",
                        "--spring.datasource.url=" + DATABASE,
                        "--camunda.bpm.generate-unique-process-engine-name=true",
                        "--camunda.bpm.generate-unique-process-application-name=true",
                        "--spring.jmx.enabled=false",
                        // a small pool with a queue, so that claimed jobs wait in it when the node stops
                        "--camunda.bpm.job-execution.core-pool-size=2",
                        "--camunda.bpm.job-execution.max-pool-size=2",
                        "--camunda.bpm.job-execution.queue-capacity=4",
                        "--camunda.bpm.job-execution.max-jobs-per-acquisition=3",
                        "--camunda.bpm.job-execution.max-wait=500",
                        // Spring's own wait for the pool ends before the queued jobs could all run
                        "--spring.lifecycle.timeout-per-shutdown-phase=2s",
                        "--union-assist.operations.job-handback-timeout=10s",
                        "--spring.autoconfigure.exclude=org.camunda.community.process_test_coverage.spring_test"
                                + ".platform7.ProcessEngineCoverageConfiguration");
        JdbcTemplate db = new JdbcTemplate(TestDatabases.sameAs(DATABASE));
        try {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            BpmnModelInstance model = Bpmn.createExecutableProcess("slowSteps").name("慢步骤（测试）")
                    .camundaHistoryTimeToLive(1)
                    .startEvent().serviceTask("slow").camundaAsyncBefore().camundaExpression("${slowStep.run()}")
                    .endEvent().done();
            engine.getRepositoryService().createDeployment().name("graceful-shutdown-test")
                    .addModelInstance("slow-steps.bpmn", model).deploy();
            for (int i = 0; i < INSTANCES; i++) {
                engine.getRuntimeService().startProcessInstanceByKey("slowSteps");
            }
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (step.began.get() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(step.began.get()).as("the job executor has started the slow steps").isGreaterThanOrEqualTo(2);
            assertThat(db.queryForObject("select count(*) from ACT_RU_JOB where LOCK_OWNER_ is not null",
                    Integer.class)).as("jobs claimed by the node when it is stopped").isGreaterThan(step.began.get()
                    - step.ended.get());
        } finally {
            app.close();
        }

        assertThat(step.ended.get()).as("every step begun ran to its end").isEqualTo(step.began.get());
        assertThat(db.queryForObject("select count(*) from ACT_RU_JOB where LOCK_OWNER_ is not null"
                + " or LOCK_EXP_TIME_ is not null", Integer.class)).as("jobs left locked").isZero();
        int done = db.queryForObject("select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = 'slowSteps'"
                + " and END_TIME_ is not null", Integer.class);
        int waiting = db.queryForObject("select count(*) from ACT_RU_JOB where PROCESS_DEF_KEY_ = 'slowSteps'", Integer.class);
        assertThat(done).as("cases whose step ran").isEqualTo(step.ended.get());
        assertThat(waiting).as("jobs not yet begun are left to another node, not run while stopping").isPositive();
        assertThat(done + waiting).as("every case either done or waiting for its job").isEqualTo(INSTANCES);
    }
}
