package org.unionassist.intake;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.unionassist.casework.PersonalData;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.register.CaseEntry;
import org.unionassist.casework.register.CaseEntryRepository;
import org.unionassist.casework.signoff.AuditTrail;
import org.unionassist.casework.signoff.Decision;
import org.unionassist.casework.signoff.SignOff;
import org.unionassist.casework.signoff.SignOffRepository;
import org.unionassist.engine.EngineCommands;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * Where an application a channel filed stands, for that channel only: the step it waits at and that step's due date,
 * or how it ended with the opinion of the decision that ended it. Read from the case register, the open tasks and
 * the audit trail; the applicant's name and ID number only masked (the engine keeps nothing else).
 */
@Service
public class ApplicationStatus {

    private final IntakeRequestRepository requests;
    private final CaseEntryRepository register;
    private final SignOffRepository signOffs;
    private final TaskService taskService;
    private final HistoryService historyService;
    private final EngineCommands asEngine;

    public ApplicationStatus(IntakeRequestRepository requests, CaseEntryRepository register, SignOffRepository signOffs,
                             TaskService taskService, HistoryService historyService, EngineCommands asEngine) {
        this.requests = requests;
        this.register = register;
        this.signOffs = signOffs;
        this.taskService = taskService;
        this.historyService = historyService;
        this.asEngine = asEngine;
    }

    public record Status(String caseNumber, String programme, String grassrootsUnion, String applicant,
                         String applicantIdNumber, OffsetDateTime filedAt, boolean ended, String currentStep,
                         OffsetDateTime dueDate, String outcome, String outcomeLabel, Decided decision) {
    }

    /** The sign-off that decided the case: at which step, what was decided, by which union and role, and why. */
    public record Decided(String step, String decision, String union, String role, String opinion,
                          OffsetDateTime decidedAt) {
    }

    /** The status of the channel's own application; another channel's, or an unknown number, is not found. */
    public Status of(String channelUserId, String caseNumber) {
        IntakeRequest request = requests.findByChannelIdAndCaseNumber(channelUserId, caseNumber)
                .orElseThrow(() -> new UnionAssistException(IntakeError.APPLICATION_NOT_FOUND,
                        "本渠道没有提交过案件号为 " + shown(caseNumber) + "的申请"));
        String pid = request.getProcessInstanceId();
        CaseEntry entry = register.findById(pid).orElseThrow();
        IntakeProgramme programme = IntakeProgramme.ofProcessKey(request.getProcessDefinitionKey()).orElseThrow();
        return asEngine.call(() -> {
            Date due = taskService.createTaskQuery().processInstanceId(pid).list().stream()
                    .map(Task::getDueDate).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
            String grassrootsUnion = stringVariable(pid, "grassrootsUnionName");
            String idNumber = stringVariable(pid, programme.applicantIdField());
            return new Status(entry.getCaseNumber(), entry.getProgrammeName(), grassrootsUnion,
                    entry.getApplicantMasked(),
                    idNumber == null ? null : PersonalData.maskIdNumber(idNumber), request.getReceivedAt(),
                    !entry.isRunning(), entry.isRunning() ? entry.getCurrentStep() : null,
                    entry.isRunning() && due != null ? due.toInstant().atOffset(request.getReceivedAt().getOffset()) : null,
                    entry.getOutcome() == null ? null : entry.getOutcome().code(),
                    entry.isRunning() ? null : entry.getOutcomeLabel(),
                    entry.isRunning() ? null : decidingSignOff(pid));
        });
    }

    /** The last decision a person signed (not the system's own steps, nor the channel's filing). */
    private Decided decidingSignOff(String pid) {
        List<SignOff> trail = signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(pid);
        for (int i = trail.size() - 1; i >= 0; i--) {
            SignOff s = trail.get(i);
            if (!AuditTrail.SYSTEM.equals(s.getActorId()) && !Decision.ONLINE_INTAKE.equals(s.getDecision())) {
                return new Decided(s.getStepName(), s.getDecisionLabel(), s.getActorUnionName(), s.getActorRole(),
                        s.getOpinion(), s.getDecidedAt());
            }
        }
        return null;
    }

    /** The engine's copy of a case variable (masked where personal), running or ended. */
    private String stringVariable(String pid, String name) {
        HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(pid).variableName(name).disableCustomObjectDeserialization().list().stream()
                .filter(v -> v.getValue() != null).findFirst().orElse(null);
        return variable == null ? null : variable.getValue().toString();
    }

    /** A case number as the channel sent it, only if it looks like one (the refusal repeats nothing else). */
    private static String shown(String caseNumber) {
        return caseNumber != null && caseNumber.matches("[A-Za-z0-9]{1,32}") ? caseNumber + " " : "";
    }
}
