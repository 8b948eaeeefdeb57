package org.unionassist.casework;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unionassist.casework.intervention.ManualInterventionTrail;

import java.util.Map;

/**
 * The recorded way to end a public notice early (e.g. in a demo): an operator of camunda-admin fires the notice's
 * timer with a reason. The timer runs as that operator, so the case's interventions show the firing and the audit
 * trail shows the shortened notice, who ended it and why.
 */
@RestController
@RequestMapping("/api/cases")
public class PublicNoticeController {

    private final IdentityService identityService;
    private final ManagementService managementService;
    private final RuntimeService runtimeService;
    private final ManualInterventionTrail interventions;

    public PublicNoticeController(IdentityService identityService, ManagementService managementService,
                                  RuntimeService runtimeService, ManualInterventionTrail interventions) {
        this.interventions = interventions;
        this.identityService = identityService;
        this.managementService = managementService;
        this.runtimeService = runtimeService;
    }

    public record EarlyEndRequest(String reason) {
    }

    @PostMapping("/{processInstanceId}/public-notice/end-early")
    @Transactional
    public Map<String, Object> endEarly(@PathVariable String processInstanceId,
                                        @RequestBody(required = false) EarlyEndRequest request) {
        Authentication caller = Operators.require(identityService, "提前结束公示");
        String reason = request == null || request.reason() == null ? "" : request.reason().trim();
        if (reason.isEmpty()) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "请填写提前结束公示的原因");
        }
        Job timer = managementService.createJobQuery().processInstanceId(processInstanceId)
                .activityId(PublicNotice.TIMER).timers().singleResult();
        if (timer == null) {
            throw new UnionAssistException(CaseworkError.NOTICE_NOT_RUNNING, "该案件当前不在公示期，无法提前结束公示");
        }
        // both run as the operator, in one transaction: the reason is never left behind without the firing
        interventions.because(reason, () -> {
            runtimeService.setVariable(processInstanceId, PublicNotice.EARLY_END_REASON, reason);
            managementService.executeJob(timer.getId());
            return null;
        });
        return Map.of("processInstanceId", processInstanceId, "endedBy", caller.getUserId(), "reason", reason);
    }
}
