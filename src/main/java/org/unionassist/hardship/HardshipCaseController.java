package org.unionassist.hardship;

import org.unionassist.casework.CaseworkError;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.organisation.Members;
import org.unionassist.organisation.Role;

import java.util.Map;

/** The grassroots side withdraws an application until the district has decided. */
@RestController
@RequestMapping("/api/hardship-cases")
public class HardshipCaseController {

    public static final String WITHDRAWAL_MESSAGE = "hardshipWithdrawal";

    private final HardshipCases cases;
    private final Members members;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;

    public HardshipCaseController(HardshipCases cases, Members members, RuntimeService runtimeService,
                                  IdentityService identityService) {
        this.cases = cases;
        this.members = members;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    public record WithdrawalRequest(String reason) {
    }

    @PostMapping("/{processInstanceId}/withdrawal")
    @Transactional
    public Map<String, Object> withdraw(@PathVariable String processInstanceId, @RequestBody WithdrawalRequest request) {
        Authentication caller = identityService.getCurrentAuthentication();
        if (caller == null) {
            throw new UnionAssistException(CaseworkError.NOT_AUTHORIZED, "请登录后再撤回申请");
        }
        HardshipCase c = cases.byProcessInstance(processInstanceId);
        String union = c.getGrassrootsUnionId();
        boolean grassrootsSide = members.inRole(caller.getUserId(), Role.CLERK, union).isPresent()
                || members.inRole(caller.getUserId(), Role.CHAIR, union).isPresent();
        if (!grassrootsSide) {
            throw new UnionAssistException(CaseworkError.NOT_AUTHORIZED, "只有受理该申请的基层工会经办人或主席可以撤回申请");
        }
        c.requireWithdrawable();
        // our own checks above replace the engine's instance-update right, which caseworkers deliberately lack
        identityService.clearAuthentication();
        try {
            runtimeService.createMessageCorrelation(WITHDRAWAL_MESSAGE)
                    .processInstanceId(processInstanceId)
                    .setVariable("withdrawalRequestedBy", caller.getUserId())
                    .setVariable("withdrawalReason", request.reason())
                    .correlateWithResult();
        } finally {
            identityService.setAuthentication(caller);
        }
        return Map.of("caseNumber", c.getCaseNumber(), "status", c.getStatus().name(),
                "statusLabel", c.getStatus().label());
    }
}
