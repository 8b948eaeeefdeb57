package org.unionassist.medical;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.organisation.CaseAccess;
import org.unionassist.organisation.CaseUnions;

/**
 * Service step 自动审核并测算赔付 ({@code ${claimIntake}}): the automatic checks run before anyone reviews a claim;
 * a claim that fails is refused with the reason and nothing is written (the whole start or completion rolls back).
 * A claim that passes is registered with its proposed payout and the union that gives the final approval.
 */
@Component("claimIntake")
public class ClaimIntake implements JavaDelegate {

    static final String PROGRAMME = "职工医疗互助理赔";

    private final MedicalClaims claims;
    private final CaseUnions caseUnions;
    private final CaseAccess caseAccess;
    private final ShanghaiClock clock;

    public ClaimIntake(MedicalClaims claims, CaseUnions caseUnions, CaseAccess caseAccess, ShanghaiClock clock) {
        this.claims = claims;
        this.caseUnions = caseUnions;
        this.caseAccess = caseAccess;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ClaimData data = ClaimData.from(execution, clock.today());
        boolean firstTime = !execution.hasVariable("grassrootsUnion");
        CaseUnions.Path path = firstTime
                ? caseUnions.ofCaseworker((String) execution.getVariable("initiator"), PROGRAMME)
                : caseUnions.of((String) execution.getVariable("grassrootsUnion"));
        MedicalClaim claim = claims.file(execution.getProcessInstanceId(), data, path.grassroots(), path.district(),
                path.city(), clock.today());
        if (firstTime) {
            caseAccess.openCase(execution.getProcessInstanceId(), path.grassroots().getId());
            execution.setProcessBusinessKey(claim.getClaimNumber());
            path.publish(execution, PROGRAMME);
        }
        ClaimVariables.publish(execution, claim);
    }
}
