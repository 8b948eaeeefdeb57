package org.unionassist.education;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.unionassist.casework.signoff.CaseRecordPolicy;
import org.unionassist.casework.signoff.Decision;
import org.unionassist.casework.signoff.SignedValues;
import org.unionassist.casework.signoff.StepRules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The chair's sign-off of a district sitting: the district and the sitting's number are protected; the decisions
 * for each application are checked and sent by the step after it ({@link DistrictSittings#decide}), in the same
 * transaction, so a refused list leaves the task open and nothing sent.
 */
@Component
public class SittingRecords extends CaseRecordPolicy<DistrictSitting> {

    private final DistrictSittingRepository sittings;
    private final EducationGrantRepository grants;

    public SittingRecords(DistrictSittingRepository sittings, EducationGrantRepository grants) {
        super(DistrictSittings.PROCESS);
        this.sittings = sittings;
        this.grants = grants;
    }

    @Override
    protected DistrictSitting load(DelegateTask task) {
        return sittings.findByProcessInstanceId(task.getProcessInstanceId()).orElseThrow();
    }

    @Override
    protected Map<String, Function<DistrictSitting, Object>> protectedVariables() {
        return Map.of("districtUnion", DistrictSitting::getDistrictUnionId, "caseNumber", DistrictSitting::number);
    }

    @Override
    protected String caseNumber(DistrictSitting sitting) {
        return sitting.number();
    }

    @Override
    protected SignedValues apply(DelegateTask task, DistrictSitting sitting, Decision decision, StepRules step) {
        return SignedValues.none();
    }

    @Override
    protected Map<String, Object> snapshot(DelegateTask task, DistrictSitting sitting) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("sittingNumber", sitting.number());
        s.put("districtUnionId", sitting.getDistrictUnionId());
        s.put("convenedBy", sitting.getConvenedBy());
        s.put("convenedOn", sitting.getConvenedOn().toString());
        s.put("meetingDate", String.valueOf(task.getVariable("meetingDate")));
        s.put("attendees", String.valueOf(task.getVariable("attendees")));
        s.put("agenda", grants.findBySittingIdOrderById(sitting.getId()).stream()
                .map(EducationGrant::getCaseNumber).toList());
        return s;
    }
}
