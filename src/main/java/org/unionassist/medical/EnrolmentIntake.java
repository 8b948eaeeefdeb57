package org.unionassist.medical;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.unionassist.casework.Money;
import org.unionassist.casework.PersonalDataInEngine;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.CaseUnions;

/**
 * Service step 登记参保名单 ({@code ${enrolmentIntake}}): reads the list (entered, pasted or uploaded), validates every
 * worker and registers the memberships as pending; after a correction it replaces the list. The ID numbers stay in
 * the membership rows; the engine keeps masked copies ({@link PersonalDataInEngine}).
 */
@Component("enrolmentIntake")
public class EnrolmentIntake implements JavaDelegate {

    static final String PROGRAMME = "职工医疗互助参保";

    private final Enrolments enrolments;
    private final CaseUnions caseUnions;
    private final ShanghaiClock clock;
    private final PersonalDataInEngine personalData;

    public EnrolmentIntake(Enrolments enrolments, CaseUnions caseUnions, ShanghaiClock clock,
                           PersonalDataInEngine personalData) {
        this.enrolments = enrolments;
        this.caseUnions = caseUnions;
        this.clock = clock;
        this.personalData = personalData;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (CaseUnions.isOpen(execution)) {
            var originals = new PersonalDataInEngine.Originals();
            enrolments.byProcessInstance(execution.getProcessInstanceId()).getMemberships()
                    .forEach(m -> originals.idNumber(m.getIdNumber()));
            personalData.restoreIn(execution, originals);
        }
        int planYear = Money.countFromVariable(execution.getVariable("planYear"), "保障年度", 2000);
        CaseUnions.Path path = caseUnions.of(execution, PROGRAMME);
        Enrolment enrolment = enrolments.register(execution.getProcessInstanceId(), planYear,
                Roster.from(execution), path.grassroots(), path.district(), path.city(), clock.today());
        caseUnions.open(execution, path, PROGRAMME, enrolment.getCaseNumber());
        EnrolmentVariables.publish(execution, enrolment);
        personalData.maskIn(execution);
    }
}
