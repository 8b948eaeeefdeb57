package org.unionassist.education;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.unionassist.casework.FormValues;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.signoff.CasePolicy;
import org.unionassist.casework.signoff.Decision;
import org.unionassist.casework.signoff.SignedValues;
import org.unionassist.casework.signoff.StepRules;

import java.util.Map;
import java.util.function.Function;

/**
 * What a 金秋助学 sign-off adds: the amount and standing change only through the grant record (the unions and number
 * are protected by {@link CasePolicy}); and the steps' named checks, which also move the application on:
 * <ul>
 *   <li>{@code firstCheck} (基层工会初审): a temporary-hardship application passes only with the chair's confirmation;
 *   passed, it waits for the district's collective decision; returned, for the clerk's supplement;</li>
 *   <li>{@code objection} (公示期间): an objection sends the application to the district's re-check;</li>
 *   <li>{@code recheck} (异议复查): an objection found groundless sends it on to the city;</li>
 *   <li>{@code quota} (市总工会审批): an approval takes one of the district's places for the year, or is refused.</li>
 * </ul>
 */
@Component
public class GrantRecords extends CasePolicy<EducationGrant> {

    public static final String PROCESS = "educationGrant";

    private final EducationGrants grants;
    private final GrantQuotas quotas;

    public GrantRecords(EducationGrants grants, GrantQuotas quotas) {
        super(PROCESS);
        this.grants = grants;
        this.quotas = quotas;
    }

    @Override
    protected EducationGrant load(DelegateTask task) {
        return grants.byProcessInstance(task.getProcessInstanceId());
    }

    @Override
    protected Map<String, Function<EducationGrant, Object>> alsoProtected() {
        return Map.of("grantAmount", g -> g.getAmount().toPlainString(),
                "temporaryHardship", g -> g.getStanding().temporary());
    }

    @Override
    public Map<String, StepCheck<EducationGrant>> checks() {
        return Map.of(
                "firstCheck", (task, g, decision) -> {
                    if (decision == Decision.SUBMIT && g.getStanding().temporary()
                            && !FormValues.flag(task, "temporaryHardshipConfirmed")) {
                        throw new UnionAssistException(EducationError.TEMPORARY_HARDSHIP_NOT_CONFIRMED,
                                "该家庭没有在档的困难职工档案，按临时困难资助须由基层工会主席核实并勾选确认临时困难情况属实");
                    }
                    if (decision == Decision.SUBMIT) {
                        g.moveTo(EducationGrant.Status.AWAITING_DISTRICT);
                    } else if (decision == Decision.RETURN) {
                        g.moveTo(EducationGrant.Status.RETURNED);
                    }
                },
                "objection", (task, g, decision) -> g.moveTo(EducationGrant.Status.OBJECTION),
                "recheck", (task, g, decision) -> {
                    if (decision == Decision.APPROVE) {
                        g.moveTo(EducationGrant.Status.AWAITING_CITY);
                    }
                },
                "quota", (task, g, decision) -> {
                    if (decision == Decision.APPROVE) {
                        quotas.takePlace(g);
                        g.moveTo(EducationGrant.Status.GRANTED);
                    }
                });
    }

    @Override
    protected SignedValues apply(DelegateTask task, EducationGrant g, Decision decision, StepRules step) {
        return values(g, null);
    }

    static SignedValues values(EducationGrant g, Integer round) {
        return new SignedValues(g.getStanding().code(), g.getStanding().label(), g.getAmount(), round);
    }

    @Override
    protected Map<String, Object> snapshot(DelegateTask task, EducationGrant g) {
        return GrantVariables.snapshot(g);
    }
}
