package org.unionassist.medical;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.unionassist.casework.signoff.CasePolicy;
import org.unionassist.casework.signoff.Decision;
import org.unionassist.casework.signoff.SignedValues;
import org.unionassist.casework.signoff.StepRules;

import java.util.Map;

/** What an enrolment sign-off adds to the shared protection of unions and number: the fee total is the signed amount. */
@Component
public class EnrolmentRecords extends CasePolicy<Enrolment> {

    public static final String PROCESS = "medicalAidEnrolment";

    private final Enrolments enrolments;

    public EnrolmentRecords(Enrolments enrolments) {
        super(PROCESS);
        this.enrolments = enrolments;
    }

    @Override
    protected Enrolment load(DelegateTask task) {
        return enrolments.byProcessInstance(task.getProcessInstanceId());
    }

    @Override
    protected SignedValues apply(DelegateTask task, Enrolment e, Decision decision, StepRules step) {
        return new SignedValues(null, null, e.getFeeTotal(), null);
    }

    @Override
    protected Map<String, Object> snapshot(DelegateTask task, Enrolment e) {
        return EnrolmentVariables.snapshot(e);
    }
}
