package org.unionassist.medical;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.unionassist.casework.PersonalDataInEngine;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.CaseUnions;

/**
 * Service step 自动审核并测算赔付 ({@code ${claimIntake}}): the automatic checks run before anyone reviews a claim
 * (listed on {@link MedicalClaims}; among them, a stay already claimed and not rejected or withdrawn is refused);
 * a claim that fails is refused with the reason and nothing is written (the whole start or completion rolls back).
 * A claim that passes is registered with its proposed payout and the union that gives the final approval. The ID,
 * card and diagnosis stay in the claim's row; the engine keeps masked copies ({@link PersonalDataInEngine}).
 */
@Component("claimIntake")
public class ClaimIntake implements JavaDelegate {

    static final String PROGRAMME = "职工医疗互助理赔";

    private final MedicalClaims claims;
    private final CaseUnions caseUnions;
    private final ShanghaiClock clock;
    private final PersonalDataInEngine personalData;

    public ClaimIntake(MedicalClaims claims, CaseUnions caseUnions, ShanghaiClock clock,
                       PersonalDataInEngine personalData) {
        this.claims = claims;
        this.caseUnions = caseUnions;
        this.clock = clock;
        this.personalData = personalData;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (CaseUnions.isOpen(execution)) {
            MedicalClaim earlier = claims.byProcessInstance(execution.getProcessInstanceId());
            personalData.restoreIn(execution, new PersonalDataInEngine.Originals().idNumber(earlier.getIdNumber())
                    .bankCard(earlier.getBankCard()).withheld(earlier.getDiagnosis()));
        }
        ClaimData data = ClaimData.from(execution, clock.today());
        CaseUnions.Path path = caseUnions.of(execution, PROGRAMME);
        MedicalClaim claim = claims.file(execution.getProcessInstanceId(), data, path.grassroots(), path.district(),
                path.city(), clock.today());
        caseUnions.open(execution, path, PROGRAMME, claim.getCaseNumber());
        ClaimVariables.publish(execution, claim);
        personalData.maskIn(execution);
    }
}
