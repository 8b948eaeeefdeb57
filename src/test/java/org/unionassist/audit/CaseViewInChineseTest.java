package org.unionassist.audit;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionassist.casework.CaseDossier;
import org.unionassist.casework.PublicNoticeController;
import org.unionassist.medical.MedicalAidProperties;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.MedicalAidDriver;
import org.unionassist.support.ProcessTest;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor reads a case in Chinese: the engine's operation log and the manual interventions with Chinese objects,
 * properties and values, times to the second in Beijing time and the reason an operator gave; amounts a signer saw
 * in yuan to the fen; the household the case itself applied with; the medical cover in the forms' terms.
 */
@ProcessTest
class CaseViewInChineseTest {

    private static final String REASON = "演示：提前结束公示";
    private static final String SHOWN_TIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}";
    /** Chinese somewhere in it, or only figures (a count, a time). */
    private static final String READABLE = "(?s).*\\p{IsHan}.*|[\\d.:\\- ]+";

    @Autowired CaseDriver driver;
    @Autowired MedicalAidDriver medical;
    @Autowired AuditWorkspaceController workspace;
    @Autowired PublicNoticeController publicNotice;
    @Autowired MedicalAidProperties medicalAid;

    @AfterEach
    void resetClock() {
        CaseDriver.realTime();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> viewOf(ProcessInstance pi) {
        return driver.as("east.auditor", () -> workspace.caseView(pi.getId()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNoticeEndedEarlyReadsInChineseWithItsReasonInTheLogAndTheInterventions() throws Exception {
        String applicantId = IdNumbers.next();
        ProcessInstance pi = driver.caseOnPublicNotice("eaststeel", applicantId);
        driver.asDo("admin", () -> publicNotice.endEarly(pi.getId(), new PublicNoticeController.EarlyEndRequest(REASON)));
        String districtCheck = driver.task(pi, "districtCheck").getId();
        driver.asDo("admin", () -> driver.tasks().setAssignee(districtCheck, "east.chair"));

        Map<String, Object> view = viewOf(pi);

        List<CaseHistory.Operation> operations = (List<CaseHistory.Operation>) view.get("operations");
        assertThat(operations).isNotEmpty().allSatisfy(o -> {
            assertThat(o.at()).matches(SHOWN_TIME);
            assertThat(o.operation()).matches(READABLE);
            assertThat(o.entity()).matches(READABLE);
            for (String shown : new String[] {o.property(), o.orgValue(), o.newValue()}) {
                assertThat(shown == null || shown.matches(READABLE)).as(o.toString()).isTrue();
            }
        });
        assertThat(operations).extracting(CaseHistory.Operation::property).doesNotContain("assignee", "delete")
                .contains("办理人", "删除");
        assertThat(operations).filteredOn(o -> "办理人".equals(o.property()))
                .anySatisfy(o -> assertThat(o.newValue()).endsWith("（east.chair）").matches("\\p{IsHan}+（east.chair）"));
        assertThat(operations).filteredOn(o -> "删除".equals(o.property()))
                .allSatisfy(o -> assertThat(o.newValue()).isEqualTo("是"));
        assertThat(operations).filteredOn(o -> o.operation().startsWith("手动执行作业"))
                .singleElement().satisfies(o -> assertThat(o.annotation()).isEqualTo(REASON));

        List<AuditTrailController.InterventionView> interventions =
                (List<AuditTrailController.InterventionView>) view.get("interventions");
        assertThat(interventions).hasSize(2).allSatisfy(i -> {
            assertThat(i.occurredAt()).matches(SHOWN_TIME);
            assertThat(i.entityType()).matches(READABLE);
            assertThat(i.annotation()).as("原因").isEqualTo(REASON);
            assertThat(i.detail() == null || i.detail().matches(READABLE)).isTrue();
        });
        assertThat(interventions.get(0)).satisfies(i -> {
            assertThat(i.entityType()).isEqualTo("流程变量");
            assertThat(i.property()).isEqualTo("提前结束公示原因");
            assertThat(i.newValue()).isEqualTo(REASON);
        });
        assertThat(interventions.get(1).detail()).matches("原定到期时间：" + SHOWN_TIME);
        assertThat(view.toString()).doesNotContain(applicantId).doesNotContain("王建国");

        try (Workbook file = new XSSFWorkbook(new ByteArrayInputStream(
                new CaseTrailWorkbook(view, "导出人：东城区经审委员").write().bytes()))) {
            List<String> log = cells(file.getSheet("操作日志"));
            assertThat(log).doesNotContain("assignee", "delete", "Task", "true").contains("办理人", "删除", REASON);
            List<String> interventionSheet = cells(file.getSheet("人工干预"));
            assertThat(interventionSheet).doesNotContain("Variable", "Job", "noticeEarlyEndReason")
                    .contains("流程变量", "提前结束公示原因", REASON);
            assertThat(interventionSheet).filteredOn(c -> c.matches("\\d{4}-.*")).allMatch(c -> c.matches(SHOWN_TIME));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void whatASignerSawShowsAmountsToTheFenAndCountsAsTheyAre() {
        ProcessInstance claim = medical.paidInpatientClaim("eaststeel", "east", "张伟", IdNumbers.next(), 12000);
        ProcessInstance hardship = driver.caseOnPublicNotice("eaststeel", IdNumbers.next());

        List<Map<String, String>> claimSeen = seen(viewOf(claim));
        assertThat(claimSeen).filteredOn(r -> r.get("item").startsWith("拟赔付金额")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("value")).isEqualTo("3200.00"));
        List<Map<String, String>> hardshipSeen = seen(viewOf(hardship));
        assertThat(hardshipSeen).filteredOn(r -> r.get("item").contains("人口")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("value")).isEqualTo("3"));
        assertThat(hardshipSeen).filteredOn(r -> r.get("item").contains("可支配收入")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("value")).isEqualTo("30000.00"));
        assertThat(hardshipSeen).filteredOn(r -> r.get("item").contains("刚性支出")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("value")).isEqualTo("6000.00"));
        List<Map<String, String>> all = new ArrayList<>(claimSeen);
        all.addAll(hardshipSeen);
        assertThat(all).extracting(r -> r.get("value")).noneMatch(v -> v.matches("-?\\d+\\.\\d"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> seen(Map<String, Object> view) {
        return ((List<Map<String, Object>>) view.get("signOffs")).stream()
                .flatMap(s -> ((List<Map<String, String>>) s.get("seen")).stream()).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aHardshipCaseShowsTheHouseholdItsOwnApplicationGaveNotALaterOnes() {
        String sameId = IdNumbers.next();
        ProcessInstance first = driver.apply("eaststeel.clerk", CaseDriver.deepHardshipApplication(sameId));
        driver.complete(first, "homeVisit", "eaststeel.clerk", CaseDriver.visitOf("submit", null, "入户核实"));
        driver.complete(first, "grassrootsReview", "eaststeel.chair", "reject", "家庭收入明显高于申报");
        VariableMap later = CaseDriver.deepHardshipApplication(sameId).putValue("applicantName", "赵建华")
                .putValue("householdSize", 2)
                .putValueTyped("householdMembers", SpinValues.jsonValue(
                        "[{\"memberName\":\"钱桂兰\",\"memberRelation\":\"配偶\",\"memberIdNumber\":\"\"}]").create());
        ProcessInstance second = driver.apply("eaststeel.clerk", later);

        List<CaseDossier.Section> dossier = (List<CaseDossier.Section>) viewOf(first).get("dossier");
        assertThat(dossier).extracting(CaseDossier.Section::title).containsExactly("家庭成员（3 人）");
        List<List<String>> members = dossier.get(0).rows();
        assertThat(members).extracting(m -> m.get(0) + " " + m.get(1))
                .containsExactly("王** 本人", "李** 配偶", "王** 子女");
        assertThat(members.get(0).get(2)).contains("*").hasSize(18).doesNotContain(sameId.substring(6, 14));
        assertThat(members.subList(1, 3)).extracting(m -> m.get(2)).containsOnly("未填");
        assertThat(dossier.toString()).doesNotContain("赵").doesNotContain("钱");

        List<List<String>> secondMembers = ((List<CaseDossier.Section>) viewOf(second).get("dossier")).get(0).rows();
        assertThat(secondMembers).extracting(m -> m.get(0) + " " + m.get(1)).containsExactly("赵** 本人", "钱** 配偶");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aClaimsMembershipShowsTheStartAndTheEndOfTheWaitingPeriodAsTheFormsDo() {
        ProcessInstance pi = medical.paidInpatientClaim("eaststeel", "east", "张伟", IdNumbers.next(), 12000);

        List<CaseDossier.Section> dossier = (List<CaseDossier.Section>) viewOf(pi).get("dossier");
        Map<String, String> facts = new java.util.HashMap<>();
        dossier.get(0).rows().forEach(r -> facts.put(r.get(0), r.get(1)));
        assertThat(facts).doesNotContainKey("保障起始日").containsKeys("参保起始日", "免责期至");
        LocalDate since = LocalDate.parse(facts.get("参保起始日"));
        assertThat(LocalDate.parse(facts.get("免责期至")))
                .isEqualTo(since.plusDays(medicalAid.waitingPeriodDays() - 1L));
    }

    private static List<String> cells(Sheet sheet) {
        List<String> cells = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                cells.add(cell.toString());
            }
        }
        return cells;
    }
}
