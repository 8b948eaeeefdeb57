package org.unionassist.hardship;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evaluates processes/hardship-category.dmn with the standalone DMN engine, inputs built exactly as
 * {@link HardshipCategorisation} builds them. Per-capita figures are produced through {@link HouseholdFigures}
 * (household of one, no rigid expenditure: annual income = 12 × per-capita).
 */
class HardshipCategoryDecisionTest {

    private static final LocalDate ON = LocalDate.of(2026, 3, 10);

    private static DmnEngine engine;
    private static DmnDecision hardshipCategory;

    @BeforeAll
    static void parseTheRealTable() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = new FileInputStream("processes/hardship-category.dmn")) {
            List<DmnDecision> decisions = engine.parseDecisions(in);
            hardshipCategory = decisions.stream()
                    .filter(d -> HardshipCategorisation.DECISION_KEY.equals(d.getKey()))
                    .findFirst()
                    .orElseThrow();
        }
        assertThat(hardshipCategory.getRequiredDecisions())
                .extracting(DmnDecision::getKey)
                .containsExactly("minimumLivingStandard");
    }

    /** A household with nothing excluding it, cause "none", no illness cost. */
    private static Household household() {
        return new Household();
    }

    private static final class Household {
        BigDecimal annualIncome = new BigDecimal("30000.00");
        BigDecimal rigidExpenditure = BigDecimal.ZERO;
        BigDecimal illnessAccidentCost = BigDecimal.ZERO;
        int size = 1;
        String cause = "none";
        boolean multipleHomes;
        boolean business;
        boolean car;
        boolean privateSchool;
        boolean migrant;
        int months = 0;

        /** per-capita monthly income for a household of one without rigid expenditure */
        Household perCapita(String amount) {
            annualIncome = new BigDecimal(amount).multiply(BigDecimal.valueOf(12));
            return this;
        }

        Household illnessCost(String amount) {
            illnessAccidentCost = new BigDecimal(amount);
            return this;
        }

        Household cause(String c) {
            cause = c;
            return this;
        }

        HouseholdFigures figures() {
            return new HouseholdFigures(annualIncome, rigidExpenditure, illnessAccidentCost, size, cause,
                    multipleHomes, business, car, privateSchool, migrant, months);
        }
    }

    private static DmnDecisionResultEntries evaluate(Household h) {
        VariableMap inputs = HardshipCategorisation.inputs(h.figures(), ON);
        DmnDecisionResult result = engine.evaluateDecision(hardshipCategory, inputs);
        assertThat(result).as("FIRST hit policy: exactly one row").hasSize(1);
        return result.getSingleResult();
    }

    private static String category(Household h) {
        return evaluate(h).getEntry("category");
    }

    // ---- exclusions, each tested on a household that would otherwise be DEEP

    @Test
    void theReferenceHouseholdWithoutExclusionsIsDeep() {
        assertThat(category(household().perCapita("500"))).isEqualTo("DEEP");
    }

    @Test
    void owningMultipleHomesMakesAHouseholdIneligible() {
        Household h = household().perCapita("500");
        h.multipleHomes = true;
        DmnDecisionResultEntries row = evaluate(h);
        assertThat((String) row.getEntry("category")).isEqualTo("INELIGIBLE");
        assertThat((String) row.getEntry("categoryReason")).contains("住房");
    }

    @Test
    void owningABusinessOrEmployingOthersMakesAHouseholdIneligible() {
        Household h = household().perCapita("500");
        h.business = true;
        DmnDecisionResultEntries row = evaluate(h);
        assertThat((String) row.getEntry("category")).isEqualTo("INELIGIBLE");
        assertThat((String) row.getEntry("categoryReason")).contains("商铺");
    }

    @Test
    void aPrivateCarNotUsedForWorkMakesAHouseholdIneligible() {
        Household h = household().perCapita("500");
        h.car = true;
        DmnDecisionResultEntries row = evaluate(h);
        assertThat((String) row.getEntry("category")).isEqualTo("INELIGIBLE");
        assertThat((String) row.getEntry("categoryReason")).contains("私家车");
    }

    @Test
    void aChildAtAFeePayingPrivateSchoolOrStudyingAbroadMakesAHouseholdIneligible() {
        Household h = household().perCapita("500");
        h.privateSchool = true;
        DmnDecisionResultEntries row = evaluate(h);
        assertThat((String) row.getEntry("category")).isEqualTo("INELIGIBLE");
        assertThat((String) row.getEntry("categoryReason")).contains("留学");
    }

    @Test
    void aMigrantWorkerWithElevenMonthsLocalEmploymentIsIneligible() {
        Household h = household().perCapita("500");
        h.migrant = true;
        h.months = 11;
        DmnDecisionResultEntries row = evaluate(h);
        assertThat((String) row.getEntry("category")).isEqualTo("INELIGIBLE");
        assertThat((String) row.getEntry("categoryReason")).contains("农民工");
    }

    @Test
    void aMigrantWorkerWithTwelveMonthsLocalEmploymentIsNotExcluded() {
        Household h = household().perCapita("500");
        h.migrant = true;
        h.months = 12;
        assertThat(category(h)).isEqualTo("DEEP");
    }

    @Test
    void fewLocalMonthsDoNotExcludeSomeoneWhoIsNotAMigrantWorker() {
        Household h = household().perCapita("500");
        h.months = 0;
        assertThat(category(h)).isEqualTo("DEEP");
    }

    @Test
    void anExclusionWinsOverLowIncome() {
        Household h = household().perCapita("500");
        h.multipleHomes = true;
        h.cause = "workInjury";
        h.illnessAccidentCost = new BigDecimal("6000.00");
        assertThat(category(h)).isEqualTo("INELIGIBLE");
    }

    // ---- income bands against the 低保 standard of 1000

    @Test
    void perCapitaJustBelowTheStandardIsDeep() {
        DmnDecisionResultEntries row = evaluate(household().perCapita("999.99"));
        assertThat((String) row.getEntry("category")).isEqualTo("DEEP");
        assertThat((String) row.getEntry("categoryReason")).contains("低保标准");
    }

    @Test
    void perCapitaExactlyAtTheStandardIsRelativeNotDeep() {
        assertThat(category(household().perCapita("1000.00"))).isEqualTo("RELATIVE");
    }

    @Test
    void perCapitaJustBelowTwiceTheStandardIsRelative() {
        DmnDecisionResultEntries row = evaluate(household().perCapita("1999.99"));
        assertThat((String) row.getEntry("category")).isEqualTo("RELATIVE");
        assertThat((String) row.getEntry("categoryReason")).contains("2倍");
    }

    @Test
    void perCapitaExactlyTwiceTheStandardWithoutAccidentIsIneligible() {
        Household h = household().perCapita("2000.00").illnessCost("1000.00");
        DmnDecisionResultEntries row = evaluate(h);
        assertThat((String) row.getEntry("category")).isEqualTo("INELIGIBLE");
        assertThat((String) row.getEntry("categoryReason")).contains("不低于");
    }

    @Test
    void perCapitaComputedFromAWholeHouseholdIsCompared() {
        Household h = household();
        h.annualIncome = new BigDecimal("30000");
        h.rigidExpenditure = new BigDecimal("6000");
        h.size = 2; // (30000 - 6000) / 12 / 2 = 1000.00
        assertThat(category(h)).isEqualTo("RELATIVE");
    }

    // ---- accidents

    @Test
    void aWorkInjuryAboveTwiceTheStandardIsAnAccident() {
        DmnDecisionResultEntries row = evaluate(household().perCapita("2500").cause("workInjury"));
        assertThat((String) row.getEntry("category")).isEqualTo("ACCIDENT");
        assertThat((String) row.getEntry("categoryReason")).contains("工伤");
    }

    @Test
    void everyListedAccidentCauseIsAnAccident() {
        for (String cause : List.of("disaster", "accident", "epidemic", "workInjury", "deathOnDuty")) {
            assertThat(category(household().perCapita("2500").cause(cause))).as(cause).isEqualTo("ACCIDENT");
        }
    }

    @Test
    void anUnlistedCauseAboveTwiceTheStandardIsIneligible() {
        assertThat(category(household().perCapita("2500").cause("illness"))).isEqualTo("INELIGIBLE");
    }

    @Test
    void illnessCostAboveEightyPercentOfIncomeIsAnAccident() {
        // annual income 30000; 81% = 24300
        DmnDecisionResultEntries row = evaluate(household().perCapita("2500").illnessCost("24300.00"));
        assertThat((String) row.getEntry("category")).isEqualTo("ACCIDENT");
        assertThat((String) row.getEntry("categoryReason")).contains("80%");
    }

    @Test
    void illnessCostOfExactlyEightyPercentOfIncomeIsNotAnAccident() {
        // annual income 30000; 80% = 24000
        assertThat(category(household().perCapita("2500").illnessCost("24000.00"))).isEqualTo("INELIGIBLE");
    }

    @Test
    void illnessCostOneFenAboveEightyPercentIsAnAccident() {
        assertThat(category(household().perCapita("2500").illnessCost("24000.01"))).isEqualTo("ACCIDENT");
    }

    @Test
    void lowIncomeIsCategorisedByIncomeEvenWithAnAccidentCause() {
        assertThat(category(household().perCapita("500").cause("disaster"))).isEqualTo("DEEP");
        assertThat(category(household().perCapita("1500").cause("disaster"))).isEqualTo("RELATIVE");
    }

    // ---- outputs

    @Test
    void theAppliedStandardIsOneThousandYuan() {
        Object standard = evaluate(household().perCapita("1500")).getEntry("minimumLivingStandard");
        assertThat(standard).isNotNull();
        assertThat(new BigDecimal(standard.toString())).isEqualByComparingTo("1000");
    }

    @Test
    void everyOutcomeCarriesAChineseReasonAndTheStandard() {
        List<Household> cases = List.of(
                household().perCapita("500"),
                household().perCapita("1500"),
                household().perCapita("2500").cause("accident"),
                household().perCapita("2500").illnessCost("29000"),
                household().perCapita("2500"));
        for (Household h : cases) {
            DmnDecisionResultEntries row = evaluate(h);
            String category = row.getEntry("category");
            assertThat(HardshipCategory.fromCode(category)).isNotNull();
            assertThat((String) row.getEntry("categoryReason")).as(category)
                    .isNotBlank()
                    .matches(".*[\\u4e00-\\u9fff].*");
            assertThat(new BigDecimal(row.getEntry("minimumLivingStandard").toString()))
                    .isEqualByComparingTo("1000");
        }
    }
}
