package org.unionassist.education;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.unionassist.casework.CaseUnions;
import org.unionassist.casework.PersonalDataInEngine;
import org.unionassist.casework.ShanghaiClock;

/**
 * Service step 受理并测算资助金额 ({@code ${grantIntake}}): window, eligibility, the household's standing from the hardship
 * files and the amount from the table ({@link EducationGrants}); refused with the reason, and then nothing is written.
 * The ID numbers and card stay in the grant's row; the engine keeps masked copies.
 */
@Component("grantIntake")
public class GrantIntake implements JavaDelegate {

    static final String PROGRAMME = "金秋助学";

    private final EducationGrants grants;
    private final CaseUnions caseUnions;
    private final ShanghaiClock clock;
    private final PersonalDataInEngine personalData;

    public GrantIntake(EducationGrants grants, CaseUnions caseUnions, ShanghaiClock clock,
                       PersonalDataInEngine personalData) {
        this.grants = grants;
        this.caseUnions = caseUnions;
        this.clock = clock;
        this.personalData = personalData;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (CaseUnions.isOpen(execution)) {
            EducationGrant earlier = grants.byProcessInstance(execution.getProcessInstanceId());
            personalData.restoreIn(execution, new PersonalDataInEngine.Originals()
                    .idNumber(earlier.getStudentIdNumber()).idNumber(earlier.getWorkerIdNumber())
                    .bankCard(earlier.getBankCard()));
        }
        GrantApplication application = GrantApplication.from(execution, clock.today());
        CaseUnions.Path path = caseUnions.of(execution, PROGRAMME);
        EducationGrant grant = grants.file(execution.getProcessInstanceId(), application, path, clock.today());
        caseUnions.open(execution, path, PROGRAMME, grant.getCaseNumber());
        GrantVariables.publish(execution, grant);
        personalData.maskIn(execution);
    }
}
