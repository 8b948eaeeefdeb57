package org.unionassist.medical;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The payout rules of domain.md §2 with the real DMN tables from processes/, including its worked examples. */
class ClaimPayoutTest {

    static final BigDecimal CAP = new BigDecimal("30200.00");
    static final BigDecimal NOTHING = BigDecimal.ZERO;
    static DmnEngine dmn;
    static DmnDecision benefit;
    static DmnDecision level;

    @BeforeAll
    static void parseTables() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = new FileInputStream("processes/medical-aid-benefit.dmn")) {
            benefit = dmn.parseDecision("medicalAidBenefit", in);
        }
        try (InputStream in = new FileInputStream("processes/medical-aid-approval-level.dmn")) {
            level = dmn.parseDecision("medicalAidApprovalLevel", in);
        }
    }

    static List<BenefitRule> rules(ClaimType type) {
        return BenefitRules.fromResult(dmn.evaluateDecision(benefit,
                Variables.createVariables().putValue("claimType", type.code())));
    }

    static PayoutBreakdown payout(ClaimType type, String selfPaid, String paidThisYear, String paidOfType) {
        return ClaimPayout.compute(type, new BigDecimal(selfPaid), rules(type), new BigDecimal(paidThisYear),
                new BigDecimal(paidOfType), CAP);
    }

    // 3,333.33: 100 + 333.33 × 15% = 149.9995, rounded half-up once at the end to 150.00
    @ParameterizedTest(name = "inpatient self-paid {0} pays {1}")
    @CsvSource({"1800, 0.00", "2000, 0.00", "2500, 50.00", "5000, 450.00", "12000, 3200.00", "20000, 7200.00",
            "10000, 2200.00", "2000.01, 0.00", "2000.05, 0.01", "3333.33, 150.00"})
    void inpatientBandsMatchTheWorkedExamples(String selfPaid, String expected) {
        assertThat(payout(ClaimType.INPATIENT, selfPaid, "0", "0").payout()).isEqualByComparingTo(expected);
    }

    @Test
    void theBreakdownShowsEachBandSoAMemberCanCheckItByHand() {
        PayoutBreakdown b = payout(ClaimType.INPATIENT, "5000", "0", "0");
        assertThat(b.lines()).containsExactly("住院，个人自付 5000.00 元",
                "2000.00–3000.00 元部分 1000.00 × 10% = 100.00",
                "3000.00–4000.00 元部分 1000.00 × 15% = 150.00",
                "4000.00–5000.00 元部分 1000.00 × 20% = 200.00",
                "合计 100.00 + 150.00 + 200.00 = 450.00 元",
                "拟赔付 450.00 元");
        assertThat(payout(ClaimType.INPATIENT, "1800", "0", "0").lines()).contains("个人自付未达到起付标准，不予给付");
    }

    @Test
    void criticalIllnessPaysAFixedAmountWhateverItCost() {
        assertThat(payout(ClaimType.CRITICAL_MILD, "100", "0", "0").payout()).isEqualByComparingTo("3000.00");
        assertThat(payout(ClaimType.CRITICAL_SEVERE, "100000", "0", "0").payout()).isEqualByComparingTo("10000.00");
    }

    @Test
    void specialOutpatientPaysHalfUpToItsYearlyLimit() {
        assertThat(payout(ClaimType.SPECIAL_OUTPATIENT, "3000", "0", "0").payout()).isEqualByComparingTo("1500.00");
        assertThat(payout(ClaimType.SPECIAL_OUTPATIENT, "6000", "0", "0").payout()).isEqualByComparingTo("2000.00");
        PayoutBreakdown later = payout(ClaimType.SPECIAL_OUTPATIENT, "3000", "1500", "1500");
        assertThat(later.payout()).isEqualByComparingTo("500.00");
        assertThat(later.capped()).isTrue();
        assertThat(later.lines()).contains("门诊特殊病年度限额 2000.00 元，本年度已赔付 1500.00 元，本次按剩余额度 500.00 元给付");
    }

    @Test
    void theAnnualCapCutsAPayoutToWhatRemainsAndThenToNothing() {
        assertThat(payout(ClaimType.CRITICAL_SEVERE, "0", "25000", "0").payout()).isEqualByComparingTo("5200.00");
        assertThat(payout(ClaimType.INPATIENT, "20000", "30200", "0").payout()).isEqualByComparingTo("0.00");
        assertThat(payout(ClaimType.INPATIENT, "20000", "0", "0").capped()).isFalse();
    }

    @ParameterizedTest(name = "{0} paying {1} is approved by {2}")
    @CsvSource({"inpatient, 5000.00, district", "inpatient, 5000.01, city", "specialOutpatient, 2000, district",
            "criticalMild, 3000, city", "criticalSevere, 10000, city", "inpatient, 0, district"})
    void districtApprovesUpTo5000AndTheCityEverythingElse(String type, String payout, String expected) {
        Object result = dmn.evaluateDecision(level, Variables.createVariables().putValue("claimType", type)
                .putValue("payout", new BigDecimal(payout))).getSingleResult().getSingleEntry();
        assertThat(result).isEqualTo(expected);
    }
}
