package org.unionassist.medical;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.unionassist.casework.ShanghaiClock;

/**
 * How an enrolment list ends: confirmed by the district (memberships become active with their start dates and
 * waiting periods), or rejected / withdrawn (its pending memberships are cancelled, so the workers may be listed
 * again).
 */
@Component("enrolmentOutcome")
public class EnrolmentOutcome {

    private final Enrolments enrolments;
    private final ShanghaiClock clock;

    public EnrolmentOutcome(Enrolments enrolments, ShanghaiClock clock) {
        this.enrolments = enrolments;
        this.clock = clock;
    }

    public void confirmed(DelegateExecution execution) {
        Enrolment enrolment = enrolments.byProcessInstance(execution.getProcessInstanceId());
        enrolments.confirm(enrolment, clock.today());
        EnrolmentVariables.publish(execution, enrolment);
    }

    public void rejected(DelegateExecution execution) {
        close(execution, Enrolment.Status.REJECTED);
    }

    public void withdrawn(DelegateExecution execution) {
        close(execution, Enrolment.Status.WITHDRAWN);
    }

    private void close(DelegateExecution execution, Enrolment.Status outcome) {
        Enrolment enrolment = enrolments.byProcessInstance(execution.getProcessInstanceId());
        enrolments.close(enrolment, outcome);
    }
}
