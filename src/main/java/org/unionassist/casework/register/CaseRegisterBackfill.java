package org.unionassist.casework.register;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.engine.EngineCommands;

import javax.sql.DataSource;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * On start, fills the register in for the cases it does not know yet — those of an installation upgraded from a
 * release before the register (V13) — from the engine's history: the same facts the skeleton records as a case moves
 * (number, unions, applicant, last amount set, outcome at its end event). Batches of {@value #BATCH}, each in a
 * transaction of its own; a second node starting at the same moment finds the rows already there and stops.
 */
@Component
class CaseRegisterBackfill {

    private static final Logger log = LoggerFactory.getLogger(CaseRegisterBackfill.class);
    static final int BATCH = 500;
    private static final String MISSING = "select p.ID_ from ACT_HI_PROCINST p where not exists "
            + "(select 1 from ua_case c where c.process_instance_id = p.ID_) order by p.START_TIME_";

    private final CaseRegister register;
    private final EngineCommands asEngine;
    private final CaseEntryRepository entries;
    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final TaskService taskService;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    CaseRegisterBackfill(CaseRegister register, CaseEntryRepository entries, HistoryService historyService,
                         RepositoryService repositoryService, TaskService taskService, DataSource dataSource,
                         TransactionTemplate transactions, EngineCommands asEngine) {
        this.asEngine = asEngine;
        this.register = register;
        this.entries = entries;
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.taskService = taskService;
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setMaxRows(BATCH);
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void fillIn() {
        if (!register.enabled()) {
            return;
        }
        int filled = 0;
        while (true) {
            List<String> missing = jdbc.queryForList(MISSING, String.class);
            if (missing.isEmpty()) {
                break;
            }
            try {
                transactions.executeWithoutResult(tx -> asEngine.run(() -> missing.forEach(this::fillIn)));
            } catch (DataIntegrityViolationException e) {
                log.info("Case register: another node is filling in the same cases; leaving it to that node");
                break;
            }
            filled += missing.size();
        }
        if (filled > 0) {
            log.info("Case register: filled in {} cases from the engine's history", filled);
        }
    }

    private void fillIn(String pid) {
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(pid).singleResult();
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(instance.getProcessDefinitionId());
        Process process = CaseRegister.processOf(model, instance.getProcessDefinitionId());
        CaseEntry entry = new CaseEntry(pid, process.getId(), process.getName() == null ? process.getId()
                : process.getName(), shanghai(instance.getStartTime()));
        Map<String, Object> variables = historyService.createHistoricVariableInstanceQuery().processInstanceId(pid)
                .variableNameIn(CaseRegister.GRASSROOTS, CaseRegister.APPLICANT).list().stream()
                .filter(v -> v.getValue() != null)
                .collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue,
                        (a, b) -> a));
        register.describe(entry, process, instance.getBusinessKey(), variables.get(CaseRegister.GRASSROOTS),
                variables.get(CaseRegister.APPLICANT));
        if (instance.getEndTime() == null) {
            taskService.createTaskQuery().processInstanceId(pid).list().stream().map(Task::getName)
                    .findFirst().ifPresent(entry::waitsAt);
        } else if (HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(instance.getState())) {
            entry.ended(CaseOutcome.CANCELLED, CaseRegister.CANCELLED_LABEL, shanghai(instance.getEndTime()));
        } else {
            CaseRegister.endedAt(entry, model, instance.getEndActivityId(), shanghai(instance.getEndTime()));
        }
        entries.save(entry);
    }

    private static OffsetDateTime shanghai(Date at) {
        return at.toInstant().atZone(ShanghaiClock.ZONE).toOffsetDateTime();
    }
}
