package org.unionassist.education;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.register.CaseEntryRepository;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.EducationGrantDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.ProcessTest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionassist.support.EducationGrantDriver.temporaryHardship;

/**
 * Two grassroots unions of different districts file the same student for the same year at the same moment: one
 * application is registered, the other is refused as already applied, and it leaves nothing behind.
 */
@ProcessTest
class ConcurrentGrantFilingTest {

    @Autowired EducationGrantDriver education;
    @Autowired EducationGrantRepository grants;
    @Autowired CaseEntryRepository register;
    @Autowired HistoryService history;
    @Autowired RuntimeService runtime;

    @BeforeEach
    void inTheWindow() {
        CaseDriver.today(EducationGrantDriver.IN_WINDOW);
    }

    @AfterEach
    void resetClock() {
        CaseDriver.realTime();
    }

    @Test
    void theSameStudentFiledByTwoUnionsAtTheSameMomentIsRegisteredOnce() throws Exception {
        String student = IdNumbers.next();
        String eastWorker = IdNumbers.next();
        String westWorker = IdNumbers.next();
        long instancesBefore = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(EducationGrantDriver.GRANT).count();
        long registeredBefore = register.count();

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService clerks = Executors.newFixedThreadPool(2);
        List<ProcessInstance> filed = new ArrayList<>();
        List<Throwable> refusals = new ArrayList<>();
        try {
            List<Future<ProcessInstance>> filings = new ArrayList<>();
            filings.add(clerks.submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                return education.file("eaststeel.clerk", temporaryHardship(student, eastWorker, "undergraduate"));
            }));
            filings.add(clerks.submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                return education.file("westtextile.clerk", temporaryHardship(student, westWorker, "undergraduate"));
            }));
            for (Future<ProcessInstance> filing : filings) {
                try {
                    filed.add(filing.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException refused) {
                    refusals.add(refused.getCause());
                }
            }
        } finally {
            clerks.shutdownNow();
        }

        assertThat(refusals).singleElement().isInstanceOfSatisfying(UnionAssistException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(EducationError.ALREADY_APPLIED);
            assertThat(e.getMessage()).contains("2026年度已有金秋助学申请").doesNotContain(student);
        });
        assertThat(filed).hasSize(1);
        ProcessInstance winner = filed.get(0);

        List<EducationGrant> rows = grants.findAll().stream()
                .filter(g -> student.equals(g.getStudentIdNumber())).toList();
        assertThat(rows).singleElement().satisfies(g -> {
            assertThat(g.getProcessInstanceId()).isEqualTo(winner.getId());
            assertThat(g.getGrantYear()).isEqualTo(2026);
            assertThat(g.getStatus()).isEqualTo(EducationGrant.Status.GRASSROOTS_CHECK);
            assertThat(g.getCaseNumber()).startsWith("JX2026");
        });
        assertThat(grants.findByStudentYearKey(EducationGrant.keyOf(student, 2026))).isPresent();

        // nothing half-written: one process instance (running), one register entry, no other grant row of the worker
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(EducationGrantDriver.GRANT)
                .count()).isEqualTo(instancesBefore + 1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(winner.getId()).count()).isEqualTo(1);
        assertThat(register.count()).isEqualTo(registeredBefore + 1);
        assertThat(register.findById(winner.getId())).isPresent();
        String loserWorker = rows.get(0).getWorkerIdNumber().equals(eastWorker) ? westWorker : eastWorker;
        assertThat(grants.findAll()).noneMatch(g -> loserWorker.equals(g.getWorkerIdNumber()));
    }
}
