package org.unionassist.medical;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.unionassist.casework.signoff.CaseRecordPolicy;
import org.unionassist.casework.signoff.Decision;
import org.unionassist.casework.signoff.SignedValues;
import org.unionassist.casework.signoff.StepRules;

import java.util.Map;

/** What an enrolment sign-off adds: the unions and list number are protected; the fee total is the signed amount. */
@Component
public class EnrolmentRecords implements CaseRecordPolicy {

    public static final String PROCESS = "medicalAidEnrolment";

    private final Enrolments enrolments;

    public EnrolmentRecords(Enrolments enrolments) {
        this.enrolments = enrolments;
    }

    @Override
    public boolean appliesTo(String processDefinitionKey) {
        return PROCESS.equals(processDefinitionKey);
    }

    @Override
    public void verifyUntouched(DelegateTask task) {
        Enrolment e = enrolments.byProcessInstance(task.getProcessInstanceId());
        CaseRecordPolicy.requireUnchanged(task, Map.of("grassrootsUnion", e.getGrassrootsUnionId(),
                "districtUnion", e.getDistrictUnionId(), "caseNumber", e.getCaseNumber()),
                "参保名单的归属单位和编号不能在办理时直接修改");
    }

    @Override
    public SignedValues beforeSignOff(DelegateTask task, Decision decision, StepRules step) {
        Enrolment e = enrolments.byProcessInstance(task.getProcessInstanceId());
        return new SignedValues(null, null, e.getFeeTotal(), null);
    }

    @Override
    public Map<String, Object> snapshot(DelegateTask task) {
        return EnrolmentVariables.snapshot(enrolments.byProcessInstance(task.getProcessInstanceId()));
    }

    @Override
    public String caseNumber(DelegateTask task) {
        return (String) task.getVariable("caseNumber");
    }
}
