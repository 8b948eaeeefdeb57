package org.unionassist.audit;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unionassist.support.MedicalAidDriver;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.register.CaseEntry;
import org.unionassist.casework.register.CaseEntryRepository;
import org.unionassist.casework.register.CaseOutcome;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.ProcessTest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * The auditors' workspace over the real processes: the register follows every case, the search finds what the
 * caller's jurisdiction holds and nothing else, and one case shows its signed timeline, the engine's history, the
 * diagram with the path taken, and its records.
 */
@ProcessTest
class AuditorWorkspaceTest {

    @Autowired CaseDriver driver;
    @Autowired AuditWorkspaceController workspace;
    @Autowired CaseEntryRepository register;
    @Autowired MedicalAidDriver medical;
    @Autowired AuthorizationService authorizations;

    @AfterEach
    void resetClock() {
        CaseDriver.realTime();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> search(String auditor, String caseNumber) {
        return driver.as(auditor, () -> workspace.cases(null, null, null, null, null, null, caseNumber, null, null,
                null, 0, 20));
    }

    private ProcessInstance rejectedAtGrassroots(String union) {
        ProcessInstance pi = driver.apply(union + ".clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
        driver.complete(pi, "homeVisit", union + ".clerk", CaseDriver.visitOf("submit", null, "入户核实"));
        driver.complete(pi, "grassrootsReview", union + ".chair", "reject", "家庭收入明显高于申报");
        return pi;
    }

    @Test
    void theRegisterFollowsACaseFromItsFilingToItsEndInThePogrammesOwnWords() {
        ProcessInstance pi = driver.apply("eaststeel.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
        CaseEntry open = register.findById(pi.getId()).orElseThrow();
        assertThat(open.isRunning()).isTrue();
        assertThat(open.getProgrammeName()).isEqualTo("困难职工认定");
        assertThat(open.getCaseNumber()).startsWith("KN");
        assertThat(open.getGrassrootsUnionId()).isEqualTo("eaststeel");
        assertThat(open.getDistrictUnionId()).isEqualTo("east");
        assertThat(open.getCityUnionId()).isEqualTo("city");
        assertThat(open.getApplicantMasked()).startsWith("王").contains("*");
        assertThat(open.getCurrentStep()).isEqualTo("入户调查");

        driver.complete(pi, "homeVisit", "eaststeel.clerk", CaseDriver.visitOf("submit", null, "入户核实"));
        driver.complete(pi, "grassrootsReview", "eaststeel.chair", "reject", "家庭收入明显高于申报");

        assertThat(pi).isEnded();
        CaseEntry ended = register.findById(pi.getId()).orElseThrow();
        assertThat(ended.isRunning()).isFalse();
        assertThat(ended.getOutcome()).isEqualTo(CaseOutcome.REJECTED);
        assertThat(ended.getOutcomeLabel()).isEqualTo("不予认定");
        assertThat(ended.getEndedAt()).isNotNull();
        assertThat(ended.getCurrentStep()).isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDistrictAuditorFindsItsGrassrootsCasesAndNoOtherDistricts() {
        ProcessInstance east = rejectedAtGrassroots("eaststeel");
        ProcessInstance west = rejectedAtGrassroots("westtextile");
        String eastNumber = register.findById(east.getId()).orElseThrow().getCaseNumber();
        String westNumber = register.findById(west.getId()).orElseThrow().getCaseNumber();

        Map<String, Object> found = search("east.auditor", eastNumber);
        assertThat(found.get("total")).isEqualTo(1L);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) found.get("rows");
        assertThat(rows.get(0)).containsEntry("caseNumber", eastNumber).containsEntry("state", "已办结")
                .containsEntry("outcome", "不予认定").containsEntry("grassrootsUnion", "东城钢铁厂工会");
        assertThat(((Map<String, Long>) found.get("byOutcome"))).containsEntry("rejected", 1L);
        assertThat(search("east.auditor", westNumber).get("total")).isEqualTo(0L);
        assertThat(search("city.auditor", westNumber).get("total")).isEqualTo(1L);
        assertThat(search("westtextile.auditor", eastNumber).get("total")).isEqualTo(0L);

        assertThatThrownBy(() -> driver.as("east.auditor", () -> workspace.cases(null, "westtextile", null, null,
                null, null, null, null, null, null, 0, 20)))
                .isInstanceOf(UnionAssistException.class).hasMessageContaining("无权查看该单位");
        assertThatThrownBy(() -> search("eaststeel.clerk", eastNumber))
                .isInstanceOf(UnionAssistException.class).hasMessageContaining("仅供经费审查委员");
    }

    @Test
    void aCaseNumberTypedInPartFindsExactlyTheNumbersThatStartWithIt() {
        ProcessInstance pi = rejectedAtGrassroots("eaststeel");
        String number = register.findById(pi.getId()).orElseThrow().getCaseNumber();

        for (int length = 2; length <= number.length(); length++) {
            String prefix = number.substring(0, length);
            Map<String, Object> found = search("east.auditor", prefix);
            long expected = register.findAll().stream().filter(e -> "east".equals(e.getDistrictUnionId())
                    && e.getCaseNumber() != null && e.getCaseNumber().startsWith(prefix)).count();
            assertThat(found.get("total")).as(prefix).isEqualTo(expected);
        }
        assertThat(search("east.auditor", number.toLowerCase()).get("total")).as("typed in lower case").isEqualTo(1L);
        assertThat(search("east.auditor", " " + number + " ").get("total")).as("spaces around").isEqualTo(1L);
        assertThat(search("east.auditor", number + "0").get("total")).as("one digit too many").isEqualTo(0L);
        assertThat(search("east.auditor", number.substring(0, 4) + "%").get("total")).as("a wildcard is a character")
                .isEqualTo(0L);
        assertThat(search("east.auditor", number.substring(0, 2) + "-").get("total")).isEqualTo(0L);
    }

    @Test
    @SuppressWarnings("unchecked")
    void pagesNeverOverlapAndTheTotalIsTheSumOfTheCounts() {
        for (int i = 0; i < 3; i++) {
            rejectedAtGrassroots("eaststreet");
        }
        Map<String, Object> all = driver.as("east.auditor", () -> workspace.cases(null, "eaststreet", null, null,
                null, null, null, null, null, null, 0, 100));
        long total = (Long) all.get("total");
        assertThat(total).isGreaterThanOrEqualTo(3L);
        assertThat(((Map<String, Long>) all.get("byState")).values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(total);
        List<Object> paged = new java.util.ArrayList<>();
        for (int page = 0; page * 2 < total; page++) {
            int p = page;
            Map<String, Object> one = driver.as("east.auditor", () -> workspace.cases(null, "eaststreet", null, null,
                    null, null, null, null, null, null, p, 2));
            assertThat(one.get("total")).isEqualTo(total);
            ((List<Map<String, Object>>) one.get("rows")).forEach(r -> paged.add(r.get("processInstanceId")));
        }
        assertThat(paged).doesNotHaveDuplicates()
                .containsExactlyElementsOf(((List<Map<String, Object>>) all.get("rows")).stream()
                        .map(r -> r.get("processInstanceId")).toList());
        Map<String, Object> beyond = driver.as("east.auditor", () -> workspace.cases(null, "eaststreet", null, null,
                null, null, null, null, null, null, 1_000_000, 100));
        assertThat((List<?>) beyond.get("rows")).isEmpty();
        assertThat(beyond.get("total")).isEqualTo(total);
    }

    @Test
    @SuppressWarnings("unchecked")
    void filtersCombineAndThePagesAreCutByTheDatabase() {
        ProcessInstance first = rejectedAtGrassroots("eaststreet");
        ProcessInstance second = rejectedAtGrassroots("eaststreet");
        ProcessInstance running = driver.apply("eaststreet.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));

        Map<String, Object> byUnion = driver.as("east.auditor", () -> workspace.cases("hardshipVerification",
                "eaststreet", "ENDED", "rejected", null, null, null, null, null, null, 0, 1));
        assertThat((Long) byUnion.get("total")).isGreaterThanOrEqualTo(2L);
        assertThat((List<?>) byUnion.get("rows")).hasSize(1);
        assertThat((Integer) byUnion.get("pages")).isGreaterThanOrEqualTo(2);

        Map<String, Object> stillRunning = driver.as("east.auditor", () -> workspace.cases(null, "eaststreet",
                "RUNNING", null, null, null, register.findById(running.getId()).orElseThrow().getCaseNumber(),
                null, null, null, 0, 20));
        assertThat(stillRunning.get("total")).isEqualTo(1L);

        String applicant = "王建国";
        Map<String, Object> byName = driver.as("east.auditor", () -> workspace.cases(null, null, null, null, null,
                null, null, applicant, null, null, 0, 100));
        assertThat((List<Map<String, Object>>) byName.get("rows")).extracting(r -> r.get("processInstanceId"))
                .contains(first.getId(), second.getId());
        assertThat(driver.as("east.auditor", () -> workspace.cases(null, null, null, null, null, null, null,
                "王五", null, null, 0, 100)).get("total")).isEqualTo(0L);

        assertThatThrownBy(() -> driver.as("east.auditor", () -> workspace.cases(null, null, null, null, null, null,
                null, null, new BigDecimal("500"), new BigDecimal("100"), 0, 20)))
                .isInstanceOf(UnionAssistException.class).hasMessageContaining("最低金额不能高于最高金额");
        assertThatThrownBy(() -> driver.as("east.auditor", () -> workspace.cases(null, null, null, null, null, null,
                null, null, null, null, 0, 1000)))
                .isInstanceOf(UnionAssistException.class).hasMessageContaining("每页条数");
    }

    @Test
    @SuppressWarnings("unchecked")
    void oneCaseShowsItsSignedTimelineTheEnginesHistoryAndTheDiagramWithThePathTaken() {
        ProcessInstance pi = rejectedAtGrassroots("eaststeel");

        Map<String, Object> view = driver.as("east.auditor", () -> workspace.caseView(pi.getId()));
        List<Map<String, Object>> signOffs = (List<Map<String, Object>>) view.get("signOffs");
        assertThat(signOffs).extracting(s -> s.get("step")).contains("入户调查", "基层工会初审");
        Map<String, Object> rejection = signOffs.stream().filter(s -> "基层工会初审".equals(s.get("step")))
                .findFirst().orElseThrow();
        assertThat(rejection.get("opinion")).isEqualTo("家庭收入明显高于申报");
        assertThat(rejection.get("union")).isEqualTo("东城钢铁厂工会");
        List<Map<String, String>> seen = (List<Map<String, String>>) rejection.get("seen");
        assertThat(seen).extracting(r -> r.get("item")).allMatch(item -> item.matches(".*\\p{IsHan}.*"));
        assertThat(seen.toString()).doesNotContain("身份证号码：1").as("names masked").doesNotContain("王建国")
                .contains("王**");
        assertThat(seen).filteredOn(r -> r.get("item").equals("致困原因")).extracting(r -> r.get("value"))
                .allMatch(v -> v.matches("\\p{IsHan}.*"));

        List<CaseHistory.Activity> activities = (List<CaseHistory.Activity>) view.get("activities");
        assertThat(activities).extracting(CaseHistory.Activity::name).contains("入户调查", "不予认定");
        assertThat(activities).extracting(CaseHistory.Activity::type).doesNotContain("其他");
        assertThat((List<?>) view.get("operations")).isNotEmpty();

        String svg = driver.as("east.auditor", () -> workspace.diagram(pi.getId()).getBody());
        assertThat(svg).startsWith("<svg").contains("data-element-id=\"homeVisit\"");
        assertThat(svg).contains("class=\"element visited\" data-element-id=\"homeVisit\"")
                .contains("class=\"element visited\" data-element-id=\"caseRejected\"")
                .contains("class=\"element idle\" data-element-id=\"householdFiled\"")
                .contains("class=\"flow taken\"");

        // inside the jurisdiction, but without the case's grant (the engine's per-case right): not shown either
        authorizations.createAuthorizationQuery().resourceId(pi.getId()).groupIdIn("east-auditor").list()
                .forEach(a -> authorizations.deleteAuthorization(a.getId()));
        assertThatThrownBy(() -> driver.as("east.auditor", () -> workspace.caseView(pi.getId())))
                .isInstanceOf(UnionAssistException.class).hasMessageContaining("找不到该案件");
        assertThat(driver.as("city.auditor", () -> workspace.caseView(pi.getId()))).containsKey("signOffs");

        for (String outsider : new String[] {"westtextile.auditor", "west.auditor", "eaststreet.auditor"}) {
            assertThatThrownBy(() -> driver.as(outsider, () -> workspace.caseView(pi.getId())))
                    .as(outsider).isInstanceOf(UnionAssistException.class).hasMessageContaining("找不到该案件");
            assertThatThrownBy(() -> driver.as(outsider, () -> workspace.diagram(pi.getId())))
                    .as(outsider).isInstanceOf(UnionAssistException.class);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRunningCaseShowsWhereItWaits() {
        ProcessInstance pi = driver.apply("eaststeel.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
        Map<String, Object> view = driver.as("eaststeel.auditor", () -> workspace.caseView(pi.getId()));
        assertThat((List<Object>) view.get("waitingAt")).containsExactly("入户调查");
        String svg = driver.as("eaststeel.auditor", () -> workspace.diagram(pi.getId()).getBody());
        assertThat(svg).contains("class=\"element waiting\" data-element-id=\"homeVisit\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPaidClaimShowsItsAmountTheMembershipItDrewOnAndItsDisbursementMasked() {
        String member = IdNumbers.next();
        ProcessInstance pi = medical.paidInpatientClaim("eaststeel", "east", "张伟", member, 12000);

        CaseEntry entry = register.findById(pi.getId()).orElseThrow();
        assertThat(entry.getAmount()).isEqualByComparingTo("3200.00");
        assertThat(entry.getOutcome()).isEqualTo(CaseOutcome.APPROVED);
        assertThat(entry.getApplicantMasked()).isEqualTo("张*");
        Map<String, Object> found = driver.as("east.auditor", () -> workspace.cases("medicalAidClaim", null, null,
                null, null, null, null, null, new BigDecimal("3000"), new BigDecimal("3200.00"), 0, 100));
        assertThat((List<Map<String, Object>>) found.get("rows")).extracting(r -> r.get("processInstanceId"))
                .contains(pi.getId());
        assertThat(driver.as("east.auditor", () -> workspace.cases("medicalAidClaim", null, null, null, null, null,
                entry.getCaseNumber(), null, new BigDecimal("3200.01"), null, 0, 100)).get("total")).isEqualTo(0L);

        Map<String, Object> view = driver.as("east.auditor", () -> workspace.caseView(pi.getId()));
        List<org.unionassist.casework.CaseDossier.Section> dossier =
                (List<org.unionassist.casework.CaseDossier.Section>) view.get("dossier");
        assertThat(dossier).extracting(org.unionassist.casework.CaseDossier.Section::title)
                .containsExactly("医疗互助会员 2026 年度");
        assertThat(dossier.get(0).rows()).contains(List.of("参保人", "张*"), List.of("会员状态", "有效"));
        List<Map<String, Object>> paid = (List<Map<String, Object>>) view.get("disbursements");
        assertThat(paid).singleElement().satisfies(d -> {
            assertThat(d.get("amount")).isEqualTo("3200.00");
            assertThat(d.get("payee")).isEqualTo("张*");
            assertThat(d.get("status")).isEqualTo("待支付");
        });
        assertThat(view.toString()).doesNotContain(member).doesNotContain("6222020200112233445")
                .doesNotContain("张伟");
        assertThat(view.toString()).as("the checklist in the forms' words").doesNotContain("docInvoices");
        List<Map<String, Object>> signOffs = (List<Map<String, Object>>) view.get("signOffs");
        assertThat(signOffs).flatExtracting(s -> (List<Map<String, String>>) s.get("seen"))
                .extracting(r -> r.get("item")).allMatch(item -> item.matches(".*\\p{IsHan}.*"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aHardshipCaseShowsTheHouseholdItFiledMasked() {
        ProcessInstance pi = rejectedAtGrassroots("eaststeel");
        Map<String, Object> view = driver.as("city.auditor", () -> workspace.caseView(pi.getId()));
        List<org.unionassist.casework.CaseDossier.Section> dossier =
                (List<org.unionassist.casework.CaseDossier.Section>) view.get("dossier");
        assertThat(dossier).extracting(org.unionassist.casework.CaseDossier.Section::title)
                .containsExactly("家庭成员（3 人）");
        assertThat(dossier.get(0).rows().get(0)).containsExactly("王**", "本人",
                dossier.get(0).rows().get(0).get(2));
        assertThat(dossier.get(0).rows().get(0).get(2)).contains("*").hasSize(18);
    }
}
