package org.unionassist.audit;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.MedicalAidDriver;
import org.unionassist.support.ProcessTest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The auditors' statistics over real cases: what a district's cases added to its year (by month, programme and union,
 * approvals, rejections and money), how long each step took, and which open steps are past their due date. Other
 * tests share the database, so every count is compared with the figures before this test's cases.
 */
@ProcessTest
class AuditStatisticsTest {

    @Autowired CaseDriver driver;
    @Autowired MedicalAidDriver medical;
    @Autowired AuditWorkspaceController workspace;

    @AfterEach
    void resetClock() {
        CaseDriver.realTime();
    }

    private Map<String, Object> statistics(String auditor, int year, String union) {
        return driver.as(auditor, () -> workspace.statistics(year, union));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(Map<String, Object> stats, String list, String key, Object value) {
        return ((List<Map<String, Object>>) stats.get(list)).stream().filter(r -> value.equals(r.get(key)))
                .findFirst().orElse(Map.of("cases", 0L, "approved", 0L, "rejected", 0L, "amount", "0.00"));
    }

    @SuppressWarnings("unchecked")
    private static long count(Map<String, Object> stats, String figure) {
        return ((Number) ((Map<String, Object>) stats.get("totals")).get(figure)).longValue();
    }

    @SuppressWarnings("unchecked")
    private static BigDecimal money(Map<String, Object> stats) {
        return new BigDecimal((String) ((Map<String, Object>) stats.get("totals")).get("amount"));
    }

    private static long figure(Map<String, Object> row, String figure) {
        return ((Number) row.get(figure)).longValue();
    }

    @Test
    void aDistrictsYearCountsItsCasesOutcomesAndMoneyByMonthProgrammeAndUnion() {
        Map<String, Object> before = statistics("east.auditor", 2026, "east");

        String member = IdNumbers.next();
        medical.paidInpatientClaim("eaststeel", "east", "张伟", member, 12000);
        ProcessInstance hardship = driver.apply("eaststreet.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
        driver.complete(hardship, "homeVisit", "eaststreet.clerk", CaseDriver.visitOf("submit", null, "入户核实"));
        driver.complete(hardship, "grassrootsReview", "eaststreet.chair", "reject", "家庭收入明显高于申报");
        rejectedInWest();

        Map<String, Object> after = statistics("east.auditor", 2026, "east");
        assertThat(after.get("union")).isEqualTo(Map.of("id", "east", "name", "东城区总工会", "level", "DISTRICT"));
        assertThat(count(after, "cases") - count(before, "cases")).as("the enrolment, the claim, the application")
                .isEqualTo(3);
        assertThat(count(after, "approved") - count(before, "approved")).as("enrolment and claim").isEqualTo(2);
        assertThat(count(after, "rejected") - count(before, "rejected")).isEqualTo(1);
        assertThat(money(after).subtract(money(before))).as("the claim's payout and the enrolment's fee of 36.00")
                .isEqualByComparingTo("3236.00");

        Map<String, Object> march = row(after, "byMonth", "month", 3);
        Map<String, Object> marchBefore = row(before, "byMonth", "month", 3);
        assertThat(figure(march, "cases") - figure(marchBefore, "cases")).isEqualTo(2);
        assertThat(figure(march, "rejected") - figure(marchBefore, "rejected")).isEqualTo(1);
        assertThat((List<?>) after.get("byMonth")).hasSize(12);

        Map<String, Object> claims = row(after, "byProgramme", "programme", "职工医疗互助理赔");
        assertThat(new BigDecimal((String) claims.get("amount"))
                .subtract(new BigDecimal((String) row(before, "byProgramme", "programme", "职工医疗互助理赔").get("amount"))))
                .isEqualByComparingTo("3200.00");
        assertThat(figure(row(after, "byUnion", "union", "东城区东华街道工会"), "rejected")
                - figure(row(before, "byUnion", "union", "东城区东华街道工会"), "rejected")).isEqualTo(1);
        assertThat(row(after, "byUnion", "union", "西城纺织厂工会")).as("another district's union")
                .containsEntry("cases", 0L);

        Map<String, Object> city = statistics("city.auditor", 2026, null);
        assertThat(city.get("union")).isEqualTo(Map.of("id", "city", "name", "示范市总工会", "level", "CITY"));
        assertThat(figure(row(city, "byUnion", "union", "东城区总工会"), "cases")).isEqualTo(count(after, "cases"));
        assertThat(figure(row(city, "byUnion", "union", "西城区总工会"), "rejected")).isGreaterThanOrEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachStepShowsItsTimeAndTheOpenStepsPastTheirDueDateAreListed() {
        CaseDriver.today(LocalDate.of(2026, 2, 2));
        ProcessInstance late = driver.apply("eaststeel.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
        ProcessInstance visited = driver.apply("eaststeel.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
        CaseDriver.today(LocalDate.of(2026, 4, 1));
        driver.complete(visited, "homeVisit", "eaststeel.clerk", CaseDriver.visitOf("submit", null, "入户核实"));
        CaseDriver.today(LocalDate.of(2026, 4, 2));

        Map<String, Object> stats = statistics("eaststeel.auditor", 2026, "eaststeel");
        List<AuditStatistics.Step> steps = (List<AuditStatistics.Step>) stats.get("steps");
        AuditStatistics.Step homeVisit = steps.stream()
                .filter(s -> s.programme().equals("困难职工认定") && s.step().equals("入户调查")).findFirst().orElseThrow();
        assertThat(homeVisit.completed()).isGreaterThanOrEqualTo(1);
        assertThat(homeVisit.maxHours()).as("two months at the home visit").isGreaterThanOrEqualTo(new BigDecimal("1000"));
        assertThat(homeVisit.overdue()).isGreaterThanOrEqualTo(1);

        List<AuditStatistics.OverdueStep> overdue = (List<AuditStatistics.OverdueStep>) stats.get("overdueOpen");
        assertThat(overdue).filteredOn(o -> o.processInstanceId().equals(late.getId())).singleElement()
                .satisfies(o -> {
                    assertThat(o.step()).isEqualTo("入户调查");
                    assertThat(o.caseNumber()).startsWith("KN");
                    assertThat(o.union()).isEqualTo("东城钢铁厂工会");
                    assertThat(o.dueDate()).isBefore(LocalDate.of(2026, 4, 2));
                    assertThat(o.daysOverdue()).isPositive();
                });
        assertThat((Long) stats.get("overdueOpenCount")).isGreaterThanOrEqualTo(overdue.size());
        assertThat(overdue).as("the steps of the other grassroots unions are not this auditor's")
                .allMatch(o -> "东城钢铁厂工会".equals(o.union()));
    }

    @Test
    void anAuditorReadsOnlyTheStatisticsOfTheirJurisdiction() {
        assertThatThrownBy(() -> statistics("westtextile.auditor", 2026, "east"))
                .isInstanceOf(UnionAssistException.class).hasMessageContaining("无权查看该单位的统计");
        assertThatThrownBy(() -> statistics("east.auditor", 2026, "west"))
                .isInstanceOf(UnionAssistException.class).hasMessageContaining("无权查看该单位的统计");
        assertThatThrownBy(() -> statistics("east.clerk", 2026, "east"))
                .isInstanceOf(UnionAssistException.class).hasMessageContaining("仅供经费审查委员");
        assertThatThrownBy(() -> statistics("east.auditor", 1999, "east"))
                .isInstanceOf(UnionAssistException.class).hasMessageContaining("统计年度");
        assertThatThrownBy(() -> statistics("city.auditor", 2026, "nowhere"))
                .isInstanceOf(UnionAssistException.class).hasMessageContaining("未知的单位");
        assertThat(statistics("eaststeel.auditor", 2026, null).get("union"))
                .isEqualTo(Map.of("id", "eaststeel", "name", "东城钢铁厂工会", "level", "GRASSROOTS"));
    }

    private void rejectedInWest() {
        ProcessInstance pi = driver.apply("westtextile.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
        driver.complete(pi, "homeVisit", "westtextile.clerk", CaseDriver.visitOf("submit", null, "入户核实"));
        driver.complete(pi, "grassrootsReview", "westtextile.chair", "reject", "家庭收入明显高于申报");
    }
}
