package org.unionassist.education;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.unionassist.casework.Money;
import org.unionassist.engine.EngineCommands;

import java.math.BigDecimal;

/**
 * Asks {@code processes/education-grant-amount.dmn} what a student receives a year, by the household's standing and
 * the level of study, and why: the table is the one place a city tunes the amounts.
 */
@Component
public class GrantAmounts {

    public static final String DECISION = "educationGrantAmount";

    private final DecisionService decisions;
    private final EngineCommands engine;

    public GrantAmounts(DecisionService decisions, EngineCommands engine) {
        this.decisions = decisions;
        this.engine = engine;
    }

    public record Amount(BigDecimal yuan, String reason) {
    }

    public Amount of(Standing standing, GrantLevel level) {
        DmnDecisionResultEntries row = engine.call(() -> decisions.evaluateDecisionByKey(DECISION)
                .variables(Variables.createVariables().putValue("standing", standing.code())
                        .putValue("level", level.code()))
                .evaluate().getSingleResult());
        if (row == null) {
            throw new IllegalStateException("education-grant-amount.dmn has no row for " + standing + " × " + level);
        }
        BigDecimal yuan = Money.yuan(new BigDecimal(row.get("amount").toString()));
        return new Amount(yuan, row.get("reason") + " " + yuan.toPlainString() + " 元（就读" + level.label() + "）");
    }
}
