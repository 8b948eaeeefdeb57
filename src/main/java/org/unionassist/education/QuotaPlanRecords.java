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
 * Sign-offs of a year's quota list: the city and the year are protected; a step that declares {@code checks=quotaList}
 * passes only with a place count for every district, none below what is already granted (the clerk's draft and the
 * chair's approval alike). The snapshot keeps the list the signer saw.
 */
@Component
public class QuotaPlanRecords extends CaseRecordPolicy<QuotaPlan> {

    private final QuotaPlanRepository plans;
    private final QuotaPlans quotaPlans;

    public QuotaPlanRecords(QuotaPlanRepository plans, QuotaPlans quotaPlans) {
        super(QuotaPlans.PROCESS);
        this.plans = plans;
        this.quotaPlans = quotaPlans;
    }

    @Override
    protected QuotaPlan load(DelegateTask task) {
        return plans.findByProcessInstanceId(task.getProcessInstanceId()).orElseThrow();
    }

    @Override
    protected Map<String, Function<QuotaPlan, Object>> protectedVariables() {
        return Map.of("cityUnion", QuotaPlan::getCityUnionId, "quotaYear", QuotaPlan::getGrantYear,
                "caseNumber", QuotaPlan::number);
    }

    @Override
    protected String caseNumber(QuotaPlan plan) {
        return plan.number();
    }

    @Override
    public Map<String, StepCheck<QuotaPlan>> checks() {
        return Map.of("quotaList", (task, plan, decision) -> {
            if (decision == Decision.SUBMIT || decision == Decision.APPROVE) {
                quotaPlans.check(task, plan.getGrantYear());
            }
        });
    }

    @Override
    protected SignedValues apply(DelegateTask task, QuotaPlan plan, Decision decision, StepRules step) {
        return SignedValues.none();
    }

    @Override
    protected Map<String, Object> snapshot(DelegateTask task, QuotaPlan plan) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("quotaNumber", plan.number());
        s.put("quotaYear", plan.getGrantYear());
        s.put("quotas", String.valueOf(task.getVariable(QuotaPlans.LIST)));
        return s;
    }
}
