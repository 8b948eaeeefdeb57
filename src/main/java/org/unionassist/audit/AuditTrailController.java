package org.unionassist.audit;

import org.unionassist.casework.CaseworkError;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.intervention.ManualIntervention;
import org.unionassist.casework.intervention.ManualInterventionTrail;
import org.unionassist.casework.signoff.AuditTrail;
import org.unionassist.casework.signoff.SignOff;

import java.util.List;

/**
 * The signed audit trail of a case, for auditors and the unions on the case's path, and beside it the manual
 * interventions in the case (timers fired by hand, variables changed, the instance modified or deleted). Who may read
 * either is decided by the engine: a caller who cannot see the case's history (no per-case grant) gets 404, as if it
 * did not exist.
 */
@RestController
@RequestMapping("/api/cases")
public class AuditTrailController {

    private final AuditTrail auditTrail;
    private final HistoryService historyService;
    private final ManualInterventionTrail interventions;

    public AuditTrailController(AuditTrail auditTrail, HistoryService historyService,
                                ManualInterventionTrail interventions) {
        this.auditTrail = auditTrail;
        this.historyService = historyService;
        this.interventions = interventions;
    }

    public record SignOffView(String decidedAt, String step, String actor, String union, String role,
                              String decision, String opinion, String category, String amount, Integer round,
                              String snapshot) {
        static SignOffView of(SignOff s) {
            return new SignOffView(s.getDecidedAt().toString(), s.getStepName(),
                    s.getActorName() + "（" + s.getActorId() + "）", s.getActorUnionName(), s.getActorRole(),
                    s.getDecisionLabel(), s.getOpinion(), s.getCategoryLabel(),
                    s.getAmount() == null ? null : s.getAmount().toPlainString(), s.getRound(), s.getSnapshot());
        }
    }

    public record InterventionView(String occurredAt, String operation, String operationType, String entityType,
                                   String property, String orgValue, String newValue, String detail,
                                   String annotation, String jobId, String activityId, String actor, String actorId,
                                   String caseNumber) {
        static InterventionView of(ManualIntervention i) {
            return new InterventionView(i.getOccurredAt().toString(), i.getOperationLabel(), i.getOperationType(),
                    i.getEntityType(), i.getProperty(), i.getOrgValue(), i.getNewValue(), i.getDetail(),
                    i.getAnnotation(), i.getJobId(), i.getActivityId(),
                    i.getActorName() + "（" + i.getActorId() + "）", i.getActorId(), i.getCaseNumber());
        }

        /**
         * The same intervention as the auditors' workspace shows it: the time in Beijing time to the second, the
         * object, property and values in Chinese; the engine's codes stay in operationType, jobId and activityId.
         */
        static InterventionView shown(ManualIntervention i, OperationTerms terms) {
            String entity = i.getEntityType();
            String property = i.getProperty();
            return new InterventionView(i.getOccurredAt().atZoneSameInstant(ShanghaiClock.ZONE)
                    .format(ShanghaiClock.SHOWN), i.getOperationLabel(), i.getOperationType(), terms.entity(entity),
                    terms.property(entity, property), terms.value(entity, property, i.getOrgValue()),
                    terms.value(entity, property, i.getNewValue()), OperationTerms.text(i.getDetail()),
                    OperationTerms.text(i.getAnnotation()), i.getJobId(), i.getActivityId(),
                    i.getActorName() + "（" + i.getActorId() + "）", i.getActorId(), i.getCaseNumber());
        }
    }

    @GetMapping("/{processInstanceId}/sign-offs")
    public List<SignOffView> signOffs(@PathVariable String processInstanceId) {
        requireVisible(processInstanceId);
        return auditTrail.ofCase(processInstanceId).stream().map(SignOffView::of).toList();
    }

    @GetMapping("/{processInstanceId}/interventions")
    public List<InterventionView> interventions(@PathVariable String processInstanceId) {
        requireVisible(processInstanceId);
        return interventions.ofCase(processInstanceId).stream().map(InterventionView::of).toList();
    }

    private void requireVisible(String processInstanceId) {
        HistoricProcessInstance visible = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        if (visible == null) {
            throw new UnionAssistException(CaseworkError.CASE_NOT_FOUND, "找不到该案件，或您无权查看");
        }
    }
}
