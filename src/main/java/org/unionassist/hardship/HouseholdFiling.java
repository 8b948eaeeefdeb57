package org.unionassist.hardship;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.unionassist.engine.EngineCommands;
import org.unionassist.casework.DueDates;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.signoff.AuditTrail;
import org.unionassist.casework.signoff.Decision;
import org.unionassist.casework.signoff.SignedValues;
import org.unionassist.casework.CaseAccess;

import java.time.LocalDate;

/**
 * Service step 建档 ({@code ${householdFiling}}): opens the household file with the approved category, effective
 * from the day of city approval, closes the application as filed, and schedules the first annual re-check.
 */
@Component("householdFiling")
public class HouseholdFiling implements JavaDelegate {

    public static final String RECHECK_PROCESS = "hardshipFileRecheck";

    private final HardshipCases cases;
    private final EngineCommands asEngine;
    private final HouseholdFiles files;
    private final ShanghaiClock clock;
    private final AuditTrail auditTrail;
    private final RuntimeService runtimeService;
    private final CaseAccess caseAccess;

    public HouseholdFiling(HardshipCases cases, HouseholdFiles files, ShanghaiClock clock, AuditTrail auditTrail,
                           RuntimeService runtimeService, CaseAccess caseAccess, EngineCommands asEngine) {
        this.asEngine = asEngine;
        this.cases = cases;
        this.files = files;
        this.clock = clock;
        this.auditTrail = auditTrail;
        this.runtimeService = runtimeService;
        this.caseAccess = caseAccess;
    }

    @Override
    public void execute(DelegateExecution execution) {
        HardshipCase approved = cases.byProcessInstance(execution.getProcessInstanceId());
        LocalDate today = clock.today();
        HouseholdFile file = files.open(approved, today);
        cases.close(approved, CaseStatus.FILED, today, "市总工会审批通过，已建档");
        execution.setVariable("fileNumber", file.getFileNumber());
        execution.setVariable("fileEffectiveDate", file.getEffectiveDate().toString());
        CaseVariables.publish(execution, approved);
        auditTrail.recordEvent(execution, HardshipDecisions.FILE, "建档，档案号" + file.getFileNumber() + "，自"
                        + file.getEffectiveDate() + "起生效", AuditTrail.SYSTEM,
                new SignedValues(file.getCategory().name(), file.getCategory().label(), null, null),
                CaseVariables.snapshot(approved));
        scheduleRecheck(approved, file);
    }

    private void scheduleRecheck(HardshipCase approved, HouseholdFile file) {
        String pid = asEngine.call(() -> runtimeService.startProcessInstanceByKey(RECHECK_PROCESS,
                file.getFileNumber(),
                Variables.createVariables()
                        .putValue("fileId", file.getId())
                        .putValue("fileNumber", file.getFileNumber())
                        .putValue("applicantName", approved.getHousehold().getHeadName())
                        .putValue("grassrootsUnion", approved.getGrassrootsUnionId())
                        .putValue("programme", "困难职工档案年度复核")
                        .putValue("recheckDueAt", DueDates.startOf(file.getNextRecheckOn())))
                .getProcessInstanceId());
        caseAccess.openCase(pid, approved.getGrassrootsUnionId());
    }
}
