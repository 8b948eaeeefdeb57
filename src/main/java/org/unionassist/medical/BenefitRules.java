package org.unionassist.medical;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.unionassist.engine.EngineCommands;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Asks the DMN tables what a claim type pays (processes/medical-aid-benefit.dmn) and who approves a payout
 * (processes/medical-aid-approval-level.dmn). The tables are the one place a city tunes these rules.
 */
@Component
public class BenefitRules {

    public static final String BENEFIT_DECISION = "medicalAidBenefit";
    public static final String LEVEL_DECISION = "medicalAidApprovalLevel";

    private final DecisionService decisions;
    private final EngineCommands asEngine;

    public BenefitRules(DecisionService decisions, EngineCommands asEngine) {
        this.asEngine = asEngine;
        this.decisions = decisions;
    }

    public List<BenefitRule> of(ClaimType type) {
        DmnDecisionResult result = asEngine.call(() -> decisions.evaluateDecisionByKey(BENEFIT_DECISION)
                .variables(Variables.createVariables().putValue("claimType", type.code())).evaluate());
        return fromResult(result);
    }

    public ApprovalLevel approvalLevel(ClaimType type, BigDecimal payout) {
        DmnDecisionResult result = asEngine.call(() -> decisions.evaluateDecisionByKey(LEVEL_DECISION)
                .variables(Variables.createVariables().putValue("claimType", type.code()).putValue("payout", payout))
                .evaluate());
        return ApprovalLevel.fromCode(result.getSingleResult().getSingleEntry());
    }

    static List<BenefitRule> fromResult(DmnDecisionResult result) {
        return result.getResultList().stream().map(BenefitRules::rule).toList();
    }

    private static BenefitRule rule(Map<String, Object> row) {
        return new BenefitRule(decimal(row, "bandFrom"), decimal(row, "bandTo"), decimal(row, "rate"),
                decimal(row, "fixedAmount"), decimal(row, "yearlyLimit"));
    }

    private static BigDecimal decimal(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null || value.toString().isBlank() ? null : new BigDecimal(value.toString());
    }
}
