package org.unionassist.warmth;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.signoff.SignOff;
import org.unionassist.casework.signoff.SignOffRepository;
import org.unionassist.payment.Disbursement;
import org.unionassist.payment.DisbursementRepository;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.ProcessTest;
import org.unionassist.support.WarmthDriver;
import org.unionassist.support.WarmthDriver.Share;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.unionassist.support.WarmthDriver.delivered;
import static org.unionassist.support.WarmthDriver.person;
import static org.unionassist.support.WarmthDriver.unreached;

/**
 * A send-warmth campaign from the plan to its close, through the real BPMN, forms' variables, ledger and payment
 * module: the figures of the worked campaign (2,800,000 yuan for 13,000 people) at every level.
 */
@ProcessTest
class WarmthCampaignProcessTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 10);
    static final LocalDate LISTS_DUE = LocalDate.of(2026, 12, 31);
    static final LocalDate VISITS_DUE = LocalDate.of(2027, 1, 31);
    /** 陈建国, a demo household with an open deep-hardship file (DemoHouseholds). */
    static final String FILED = "110101197503150019";
    static final String CARD = "6222020200112233445";

    @Autowired WarmthDriver warmth;
    @Autowired CaseDriver driver;
    @Autowired WarmthLists lists;
    @Autowired WarmthCampaigns campaigns;
    @Autowired WarmthExports exports;
    @Autowired Ledger ledger;
    @Autowired Recipients recipients;
    @Autowired RecipientListRepository listRows;
    @Autowired DisbursementRepository disbursements;
    @Autowired SignOffRepository signOffs;
    @Autowired TransactionTemplate transactions;
    @Autowired org.camunda.bpm.engine.HistoryService history;

    @BeforeEach
    void today() {
        CaseDriver.today(TODAY);
    }

    @AfterEach
    void realTime() {
        CaseDriver.realTime();
    }

    private ProcessInstance allocatedCampaign() {
        ProcessInstance campaign = warmth.approvedCampaign("2800000", 13000, LISTS_DUE, VISITS_DUE);
        warmth.allocateDistricts(campaign, Map.of("east", new Share("1500000", 7000), "west", new Share("1300000", 6000)));
        warmth.allocateUnions(campaign, "east", Map.of("eaststeel", new Share("800000", 3800),
                "eaststreet", new Share("700000", 3200)));
        warmth.allocateUnions(campaign, "west", Map.of("westtextile", new Share("700000", 3200),
                "westhospital", new Share("600000", 2800)));
        return campaign;
    }

    private long campaignId(ProcessInstance campaign) {
        return ((Number) driver.runtime().getVariable(campaign.getId(), "campaignId")).longValue();
    }

    private RecipientList list(ProcessInstance listProcess) {
        return listRows.findByProcessInstanceId(listProcess.getId()).orElseThrow();
    }

    @Test
    void theWorkedCampaignIsPlannedApprovedAndAllocatedToBothDistrictsAndTheirUnions() {
        ProcessInstance campaign = allocatedCampaign();
        long id = campaignId(campaign);

        Map<String, Ledger.Balance> balances = ledger.balances(id);
        assertThat(balances.get("city").allocated()).isEqualByComparingTo("2800000.00");
        assertThat(balances.get("city").recipientsAllocated()).isEqualTo(13000);
        assertThat(balances.get("city").allocatedOnward()).isEqualByComparingTo("2800000.00");
        assertThat(balances.get("east").allocated()).isEqualByComparingTo("1500000.00");
        assertThat(balances.get("east").allocatedOnward()).isEqualByComparingTo("1500000.00");
        assertThat(balances.get("westhospital").allocated()).isEqualByComparingTo("600000.00");
        assertThat(balances.get("westhospital").recipientsAllocated()).isEqualTo(2800);
        // one list process per grassroots union, started by the campaign; recipients are never instances
        for (String union : List.of("eaststeel", "eaststreet", "westtextile", "westhospital")) {
            ProcessInstance list = warmth.listOf(campaign, union);
            assertThat(list).as(union).isNotNull();
            assertThat(driver.task(list, "fillList").getDueDate()).isNotNull();
        }
        assertThat(signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(campaign.getId())).extracting(SignOff::getStepId)
                .contains("fillPlan", "approvePlan", "allocateDistricts", "allocateUnions");
    }

    @Test
    void aPlanWithWrongFieldsIsRefusedInChineseNamingEachAndNothingIsDrafted() {
        assertThatThrownBy(() -> warmth.draft(WarmthDriver.plan("0", 0, LocalDate.of(2026, 12, 1), LISTS_DUE)))
                .isInstanceOf(UnionAssistException.class)
                .hasMessageContaining("活动总预算应大于0")
                .hasMessageContaining("计划慰问人数")
                .hasMessageContaining("名单报送截止日期不能早于今天");
    }

    @Test
    void theChairReturnsThePlanWithAnOpinionAndRejectsItTheSecondTime() {
        ProcessInstance campaign = warmth.draft(WarmthDriver.plan("100000", 100, LISTS_DUE, VISITS_DUE));
        driver.complete(campaign, "fillPlan", "city.clerk", CaseDriver.decisionOf("submit", null));
        assertThatThrownBy(() -> driver.complete(campaign, "approvePlan", "city.chair", "return", ""))
                .isInstanceOf(UnionAssistException.class);
        driver.complete(campaign, "approvePlan", "city.chair", "return", "模范职工标准偏高，请调整");
        driver.complete(campaign, "fillPlan", "city.clerk", CaseDriver.decisionOf("submit", "已调整"));
        driver.complete(campaign, "approvePlan", "city.chair", "reject", "本年度改为统一安排");
        HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery()
                .processInstanceId(campaign.getId()).singleResult();
        assertThat(ended.getEndActivityId()).isEqualTo("planRejected");
    }

    @Test
    void anAllocationOverTheBudgetIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance campaign = warmth.approvedCampaign("2800000", 13000, LISTS_DUE, VISITS_DUE);
        assertThatThrownBy(() -> warmth.allocateDistricts(campaign,
                Map.of("east", new Share("2000000", 7000), "west", new Share("1000000", 6000))))
                .isInstanceOf(UnionAssistException.class)
                .hasMessageContaining("分配合计3000000.00元，超出示范市总工会可分配经费2800000.00元")
                .satisfies(e -> assertThat(((UnionAssistException) e).errorCode()).isEqualTo(WarmthError.OVER_BUDGET));
        assertThat(driver.task(campaign, "allocateDistricts")).isNotNull();
        assertThat(ledger.balance(campaignId(campaign), "east").allocated()).isEqualByComparingTo("0");
    }

    @Test
    void theStandardsOfDomainMdGiveEachGroupItsAmount() {
        ProcessInstance campaign = allocatedCampaign();
        ProcessInstance list = warmth.listOf(campaign, "westtextile");
        warmth.submitList(list, "westtextile", List.of(
                person("周丽华", "110102197705040025", "hardship", CARD),
                person("王强", IdNumbers.next(), "frontLine", ""),
                person("李劳模", IdNumbers.next(), "modelWorker", CARD),
                person("骑手张", IdNumbers.next(), "newEmployment", "")), "");
        Map<String, BigDecimal[]> amounts = new java.util.HashMap<>();
        recipients.of(list(list).getId()).forEach(r -> amounts.put(r.group().code(), new BigDecimal[] {r.cash(), r.goods()}));
        assertThat(amounts.get("hardship")[0]).isEqualByComparingTo("1000.00");
        assertThat(amounts.get("frontLine")[1]).isEqualByComparingTo("500.00");
        assertThat(amounts.get("frontLine")[0]).isEqualByComparingTo("0.00");
        assertThat(amounts.get("modelWorker")[0]).isEqualByComparingTo("800.00");
        assertThat(amounts.get("newEmployment")[1]).isEqualByComparingTo("300.00");
    }

    @Test
    void aTypedRowWithAnInvalidIdNumberIsRefusedAndNothingOfTheListIsKept() {
        ProcessInstance campaign = allocatedCampaign();
        ProcessInstance list = warmth.listOf(campaign, "westhospital");
        assertThatThrownBy(() -> warmth.submitList(list, "westhospital", List.of(
                person("王强", IdNumbers.next(), "frontLine", ""),
                person("错号", "110105199001011234", "frontLine", "")), ""))
                .isInstanceOf(UnionAssistException.class)
                .hasMessageContaining("逐个录入第2人");
        assertThat(recipients.of(list(list).getId())).isEmpty();
        assertThat(driver.task(list, "fillList")).isNotNull();
    }

    /**
     * The done-when path: lists uploaded from Excel, one ID on two unions' lists flagged on both, resolved by the
     * district; a file of visits with one person not reached, whose money goes back; the phone-back sample; one
     * payment per cash recipient; the settlement at every level; the campaign closed.
     */
    @Test
    void listsFromExcelAreCheckedApprovedVisitedPaidAndSettledAtEveryLevel() throws IOException {
        ProcessInstance campaign = allocatedCampaign();
        long id = campaignId(campaign);
        String shared = IdNumbers.next();
        String invalid = "110105199001011234";
        ProcessInstance steel = warmth.listOf(campaign, "eaststeel");
        ProcessInstance street = warmth.listOf(campaign, "eaststreet");
        upload(steel, List.of(
                List.of("姓名", "身份证号", "慰问对象类别", "银行卡号", "现金", "物资折价"),
                List.of("陈建国", FILED, "困难职工家庭", CARD),
                List.of("王一线", shared, "一线及节日值守职工"),
                List.of("李劳模", IdNumbers.next(), "劳动模范", CARD),
                List.of("错号人", invalid, "一线及节日值守职工"),
                List.of("张骑手", IdNumbers.next(), "新就业形态劳动者", "", "", "350")));
        upload(street, List.of(
                List.of("王一线", shared, "一线及节日值守职工"),
                List.of("赵新", IdNumbers.next(), "新就业形态劳动者")));
        warmth.submitList(steel, "eaststeel", List.of(), "");
        warmth.submitList(street, "eaststreet", List.of(), "");

        // the approver sees each finding with its rows: the duplicate on both lists, the invalid ID, the amount
        List<Map<String, Object>> findings = warmth.rows(steel.getId(), "listFindings");
        assertThat(findings).extracting(f -> f.get("line") + ":" + f.get("kinds")).containsExactly(
                "2:重复", "4:身份证号无效", "5:金额与标准不符");
        assertThat(findings.get(0).get("detail").toString()).contains("东城区东华街道工会名单第1行");
        assertThat(findings.get(0).get("idNumber").toString()).doesNotContain(shared);
        assertThat(warmth.rows(street.getId(), "listFindings")).extracting(f -> f.get("kinds")).containsExactly("重复");

        // keeping a duplicate needs a justification; an invalid ID cannot be kept
        assertThatThrownBy(() -> warmth.approveList(steel, "east", f -> new String[] {"keep", ""}))
                .isInstanceOf(UnionAssistException.class)
                .hasMessageContaining("第2行").hasMessageContaining("保留须说明理由")
                .hasMessageContaining("第4行").hasMessageContaining("不能保留");
        warmth.approveList(steel, "east", f -> switch ((Integer) f.get("line")) {
            case 2 -> new String[] {"keep", "在钢铁厂值守，同时为街道困难户，两处慰问经区总工会研究同意"};
            case 4 -> new String[] {"remove"};
            default -> new String[] {"keep", "张骑手为外卖骑手，节日期间值守，物资标准上调50元"};
        });
        warmth.approveList(street, "east", f -> new String[] {"keep", "同上，区总工会研究同意"});
        RecipientList steelList = list(steel);
        // 陈建国 1,200 + 王一线 500 + 李劳模 800 + 张骑手 350 = 2,850
        Ledger.Balance steelBalance = ledger.balance(id, "eaststeel");
        assertThat(steelBalance.committed()).isEqualByComparingTo("2850.00");
        assertThat(ledger.balance(id, "east").committed()).isEqualByComparingTo("3650.00");
        assertThat(signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(steel.getId())).filteredOn(s -> "approveList".equals(s.getStepId()))
                .singleElement().satisfies(s -> assertThat(s.getAmount()).isEqualByComparingTo("2850.00"));

        // visits from a file: line 3 (李劳模) not reached
        CaseDriver.today(LocalDate.of(2026, 12, 28));
        lists.importDeliveries(steelList, "visits.xlsx", workbook(List.of(
                List.of("序号", "姓名", "发放结果", "慰问日期", "慰问品", "发放现金", "慰问人", "凭证类型", "凭证编号"),
                List.of("1", "陈建国", "已送达", "2026-12-20", "米、油", "", "东钢经办人", "签字", ""),
                List.of("2", "王一线", "已送达", "2026-12-21", "慰问品", "", "东钢经办人", "照片", "IMG-0021"),
                List.of("3", "李劳模", "未联系上", "", "", "", "东钢经办人"),
                List.of("5", "张骑手", "已送达", "2026-12-22", "慰问品", "", "东钢经办人", "按手印", ""))));
        warmth.recordVisits(steel, "eaststeel", List.of());
        assertThat(ledger.balance(id, "eaststeel").spent()).isEqualByComparingTo("2050.00");
        assertThat(ledger.balance(id, "eaststeel").committed()).isEqualByComparingTo("0.00");
        assertThat(ledger.balance(id, "eaststeel").available()).isEqualByComparingTo("797950.00");
        assertThat(warmth.rows(steel.getId(), "phoneBackSample")).hasSize(3);

        // the other list: one typed visit each
        warmth.recordVisits(street, "eaststreet", List.of(delivered(1, LocalDate.of(2026, 12, 20), "街道经办人"),
                delivered(2, LocalDate.of(2026, 12, 20), "街道经办人")));
        warmth.phoneBack(steel, "east");
        warmth.phoneBack(street, "east");

        // exactly one disbursement per cash recipient: 陈建国's 1,000 (李劳模 was not reached)
        List<Disbursement> paid = disbursements.findAll().stream()
                .filter(d -> d.getProcessInstanceId().equals(steel.getId())).toList();
        assertThat(paid).singleElement().satisfies(d -> {
            assertThat(d.getAmount()).isEqualByComparingTo("1000.00");
            assertThat(d.getPayeeName()).isEqualTo("陈建国");
        });

        warmth.settleList(steel, "eaststeel");
        warmth.settleList(street, "eaststreet");
        List<WarmthReports.Line> east = exports.lines(campaigns.byId(id), "east");
        assertThat(east).filteredOn(l -> l.unitId().equals("eaststeel") && l.group() == RecipientGroup.FRONT_LINE)
                .singleElement().satisfies(l -> {
                    assertThat(l.visited()).isEqualTo(1);
                    assertThat(l.goods()).isEqualByComparingTo("500.00");
                });
        assertThat(east).filteredOn(l -> l.unitId().equals("east") && l.group() == null).singleElement()
                .satisfies(l -> {
                    assertThat(l.listed()).isEqualTo(6);
                    assertThat(l.visited()).isEqualTo(5);
                    assertThat(l.unreached()).isEqualTo(1);
                    assertThat(l.account().spent()).isEqualByComparingTo("2850.00");
                });

        // west lists are never submitted (one has rows uploaded): waived when their deadline timer fires, and a
        // waived list's rows count nowhere
        upload(warmth.listOf(campaign, "westtextile"), List.of(List.of("孙未报", IdNumbers.next(), "一线及节日值守职工")));
        // one fired by hand before its deadline, the other when the deadline has passed; the trail says which
        String early = warmth.listOf(campaign, "westhospital").getId();
        driver.fireTimer(warmth.listOf(campaign, "westhospital"));
        CaseDriver.today(LocalDate.of(2027, 1, 2));
        driver.fireTimer(warmth.listOf(campaign, "westtextile"));
        assertThat(signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(early)).extracting(SignOff::getOpinion)
                .anyMatch(o -> o != null && o.contains("名单报送截止日期为2026-12-31") && o.contains("提前执行截止"));
        warmth.settleDistrict(campaign, "east");
        warmth.settleDistrict(campaign, "west");
        List<WarmthReports.Line> city = exports.lines(campaigns.byId(id), "city");
        assertThat(city).filteredOn(l -> l.unitId().equals("city") && l.group() == null).singleElement()
                .satisfies(l -> {
                    assertThat(l.visited()).isEqualTo(5);
                    assertThat(l.account().spent()).isEqualByComparingTo("2850.00");
                    assertThat(l.account().available()).isEqualByComparingTo("2797150.00");
                });
        assertThat(city).filteredOn(l -> l.unitId().equals("west") && l.group() == null).singleElement()
                .satisfies(l -> assertThat(l.listed()).isZero());
        assertThat(exports.lines(campaigns.byId(id), "west")).filteredOn(l -> l.group() == null
                && l.unitId().equals("westtextile")).singleElement()
                .satisfies(l -> assertThat(l.asRow().get("group")).isEqualTo("合计（逾期未报，视为放弃）"));
        driver.complete(campaign, "citySettlement", "city.clerk", "submit", null);
        assertThat(campaigns.byId(id).getStatus()).isEqualTo(Campaign.Status.CLOSED);
        assertThat(listRows.findByCampaignIdOrderById(id)).extracting(RecipientList::getStatus)
                .containsExactlyInAnyOrder(RecipientList.Status.SETTLED, RecipientList.Status.SETTLED,
                        RecipientList.Status.WAIVED, RecipientList.Status.WAIVED);
        assertThat(signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(historicList(campaign, "westtextile")))
                .filteredOn(o -> o.getDecision() == WarmthDecisions.WAIVED).singleElement()
                .satisfies(o -> assertThat(o.getOpinion()).contains("名单报送截止日期（2026-12-31）已过"));

        // the settlement's Excel at each level
        for (String union : List.of("city", "east", "eaststeel")) {
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
                    exports.settlement(campaigns.byId(id), union, "测试")))) {
                assertThat(book.getSheetAt(0).getRow(2).getCell(0).getStringCellValue()).isNotBlank();
            }
        }
    }

    /** The README's walk-through: its two example lists give the findings and the total it describes. */
    @Test
    void theReadmesExampleListsGiveTheFindingsItDescribes() throws IOException {
        ProcessInstance campaign = allocatedCampaign();
        ProcessInstance steel = warmth.listOf(campaign, "eaststeel");
        ProcessInstance street = warmth.listOf(campaign, "eaststreet");
        Map<String, Object> imported = importExample(steel, "warmth-list-eaststeel.xlsx");
        assertThat(imported).containsEntry("imported", 5).containsEntry("flagged", 1L);
        importExample(street, "warmth-list-eaststreet.xlsx");
        warmth.submitList(steel, "eaststeel", List.of(), "");
        warmth.submitList(street, "eaststreet", List.of(), "");
        assertThat(warmth.rows(steel.getId(), "listFindings")).extracting(f -> f.get("name") + ":" + f.get("kinds"))
                .containsExactly("王海:重复", "张骑手:金额与标准不符", "赵错号:身份证号无效");
        assertThat(warmth.rows(street.getId(), "listFindings")).extracting(f -> f.get("name") + ":" + f.get("kinds"))
                .containsExactly("王海:重复");
        warmth.approveList(steel, "east", f -> "赵错号".equals(f.get("name")) ? new String[] {"remove"}
                : new String[] {"keep", "区总工会研究同意"});
        assertThat(ledger.balance(campaignId(campaign), "eaststeel").committed()).isEqualByComparingTo("2850.00");
    }

    /**
     * Another union uploads a person already on a list awaiting its approver: the approver's form shows the duplicate
     * at once (not only once the other list is submitted), and the form's rows, which carry the line number as text
     * and no record number, resolve it.
     */
    @Test
    void aDuplicateUploadedToAnotherUnionsOpenListIsShownToTheWaitingApproverAndResolvedByLine() throws IOException {
        ProcessInstance campaign = allocatedCampaign();
        String shared = IdNumbers.next();
        ProcessInstance steel = warmth.listOf(campaign, "eaststeel");
        ProcessInstance street = warmth.listOf(campaign, "eaststreet");
        warmth.submitList(steel, "eaststeel", List.of(person("王一线", shared, "frontLine", ""),
                person("李值守", IdNumbers.next(), "frontLine", "")), "");
        assertThat(warmth.rows(steel.getId(), "listFindings")).isEmpty();

        upload(street, List.of(List.of("姓名", "身份证号", "慰问对象类别"), List.of("王一线", shared, "一线及节日值守职工")));
        assertThat(list(street).getStatus()).isEqualTo(RecipientList.Status.OPEN);
        List<Map<String, Object>> shown = warmth.rows(steel.getId(), "listFindings");
        assertThat(shown).extracting(f -> f.get("line") + ":" + f.get("kinds")).containsExactly("1:重复");
        assertThat(shown.get(0).get("detail").toString()).contains("东城区东华街道工会名单第1行");

        // as Tasklist submits the form: the line as text, no record number
        List<Map<String, Object>> fromTheForm = shown.stream().map(f -> {
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("line", String.valueOf(f.get("line")));
            row.put("name", f.get("name"));
            row.put("kinds", f.get("kinds"));
            row.put("action", "keep");
            row.put("justification", "");
            return row;
        }).toList();
        assertThatThrownBy(() -> driver.complete(steel, "approveList", "east.chair", WarmthDriver.withList(
                CaseDriver.decisionOf("approve", "同意"), "listFindings", fromTheForm)))
                .isInstanceOf(UnionAssistException.class).hasMessageContaining("第1行（王一线，重复）：保留须说明理由");
        fromTheForm.get(0).put("justification", "两处均在节日值守，区总工会研究同意");
        driver.complete(steel, "approveList", "east.chair", WarmthDriver.withList(
                CaseDriver.decisionOf("approve", "同意"), "listFindings", fromTheForm));
        assertThat(list(steel).getStatus()).isEqualTo(RecipientList.Status.APPROVED);
        assertThat(recipients.of(list(steel).getId())).filteredOn(r -> r.lineNo() == 1).singleElement()
                .satisfies(r -> assertThat(r.justification()).isEqualTo("两处均在节日值守，区总工会研究同意"));
        assertThat(ledger.balance(campaignId(campaign), "eaststeel").committed()).isEqualByComparingTo("1000.00");
    }

    private Map<String, Object> importExample(ProcessInstance listProcess, String file) throws IOException {
        try (var content = java.nio.file.Files.newInputStream(java.nio.file.Path.of("docs", "examples", file))) {
            return transactions.execute(s -> lists.importFile(list(listProcess), file, content));
        }
    }

    private String historicList(ProcessInstance campaign, String union) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(WarmthDriver.LIST)
                .superProcessInstanceId(campaign.getId()).variableValueEquals("grassrootsUnion", union)
                .singleResult().getId();
    }

    @Test
    void aListOverItsAllocationCannotBeApprovedAndIsReturned() {
        ProcessInstance campaign = warmth.approvedCampaign("100000", 100, LISTS_DUE, VISITS_DUE);
        warmth.allocateDistricts(campaign, Map.of("east", new Share("100000", 100)));
        warmth.allocateUnions(campaign, "east", Map.of("eaststeel", new Share("1000", 5)));
        ProcessInstance list = warmth.listOf(campaign, "eaststeel");
        warmth.submitList(list, "eaststeel", List.of(person("甲", IdNumbers.next(), "frontLine", ""),
                person("乙", IdNumbers.next(), "frontLine", ""), person("丙", IdNumbers.next(), "frontLine", "")), "");
        assertThatThrownBy(() -> warmth.approveList(list, "east", f -> new String[] {"remove"}))
                .isInstanceOf(UnionAssistException.class)
                .hasMessageContaining("名单合计1500.00元，超出东城钢铁厂工会可用经费1000.00元")
                .satisfies(e -> assertThat(((UnionAssistException) e).errorCode()).isEqualTo(WarmthError.OVER_ALLOCATION));
        driver.complete(list, "approveList", "east.chair", "return", "超出分配，请压减");
        assertThat(list(list).getStatus()).isEqualTo(RecipientList.Status.OPEN);
        warmth.submitList(list, "eaststeel", List.of(), "3");
        warmth.approveList(list, "east", f -> new String[] {"remove"});
        assertThat(ledger.balance(campaignId(campaign), "eaststeel").available()).isEqualByComparingTo("0.00");
    }

    @Test
    void anAllocationIsRevisedButNeverBelowWhatIsCommitted() {
        ProcessInstance campaign = warmth.approvedCampaign("100000", 100, LISTS_DUE, VISITS_DUE);
        long id = campaignId(campaign);
        warmth.allocateDistricts(campaign, Map.of("east", new Share("100000", 100)));
        warmth.allocateUnions(campaign, "east", Map.of("eaststeel", new Share("5000", 10)));
        ProcessInstance list = warmth.listOf(campaign, "eaststeel");
        warmth.submitList(list, "eaststeel", List.of(person("甲", IdNumbers.next(), "frontLine", ""),
                person("乙", IdNumbers.next(), "frontLine", "")), "");
        warmth.approveList(list, "east", f -> new String[] {"remove"});
        Campaign c = campaigns.byId(id);
        assertThatThrownBy(() -> transactions.executeWithoutResult(s ->
                campaigns.revise(c, "eaststeel", new BigDecimal("999.00"), 10, "east.clerk")))
                .isInstanceOf(UnionAssistException.class).hasMessageContaining("已占用和支出1000.00元")
                .satisfies(e -> assertThat(((UnionAssistException) e).errorCode()).isEqualTo(WarmthError.BELOW_COMMITTED));
        transactions.executeWithoutResult(s -> campaigns.revise(c, "eaststeel", new BigDecimal("1000.00"), 2, "east.clerk"));
        assertThat(ledger.balance(id, "eaststeel").allocated()).isEqualByComparingTo("1000.00");
        assertThat(ledger.balance(id, "east").allocatedOnward()).isEqualByComparingTo("1000.00");
    }

    @Test
    void visitsCannotBeClosedWhileSomeoneHasNoOutcome() {
        ProcessInstance campaign = warmth.approvedCampaign("100000", 100, LISTS_DUE, VISITS_DUE);
        warmth.allocateDistricts(campaign, Map.of("west", new Share("100000", 100)));
        warmth.allocateUnions(campaign, "west", Map.of("westhospital", new Share("5000", 10)));
        ProcessInstance list = warmth.listOf(campaign, "westhospital");
        warmth.submitList(list, "westhospital", List.of(person("甲", IdNumbers.next(), "frontLine", ""),
                person("乙", IdNumbers.next(), "frontLine", "")), "");
        warmth.approveList(list, "west", f -> new String[] {"remove"});
        assertThatThrownBy(() -> warmth.recordVisits(list, "westhospital",
                List.of(delivered(1, LocalDate.of(2026, 12, 9), "医院经办人"))))
                .isInstanceOf(UnionAssistException.class).hasMessageContaining("还有1人未登记慰问结果");
        assertThat(recipients.count(list(list).getId(), Recipient.Status.LISTED)).isEqualTo(2);
        warmth.recordVisits(list, "westhospital", List.of(delivered(1, LocalDate.of(2026, 12, 9), "医院经办人"),
                unreached(2, "医院经办人")));
        assertThat(ledger.balance(campaignId(campaign), "westhospital").available()).isEqualByComparingTo("4500.00");
    }

    @Test
    void aDistrictCannotPassOnMoreThanItGotAndAListReturnedLateGetsItsCorrectionDaysAndAPhoneBackNeedsANote() {
        ProcessInstance campaign = warmth.approvedCampaign("100000", 100, LISTS_DUE, VISITS_DUE);
        warmth.allocateDistricts(campaign, Map.of("west", new Share("10000", 10)));
        assertThatThrownBy(() -> warmth.allocateUnions(campaign, "west", Map.of("westtextile", new Share("8000", 5),
                "westhospital", new Share("3000", 5))))
                .isInstanceOf(UnionAssistException.class).hasMessageContaining("超出西城区总工会可分配经费10000.00元");
        warmth.allocateUnions(campaign, "west", Map.of("westtextile", new Share("8000", 5)));
        ProcessInstance list = warmth.listOf(campaign, "westtextile");
        assertThat(warmth.listOf(campaign, "westhospital")).as("no money, no list").isNull();
        warmth.submitList(list, "westtextile", List.of(person("甲", IdNumbers.next(), "frontLine", ""),
                person("乙", IdNumbers.next(), "frontLine", "")), "");

        // returned on 4 January, after the 31 December deadline: five working days to correct it
        CaseDriver.today(LocalDate.of(2027, 1, 4));
        driver.complete(list, "approveList", "west.chair", "return", "请补充值守证明");
        assertThat(driver.task(list, "fillList").getDueDate().toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai"))
                .toLocalDate()).isEqualTo(LocalDate.of(2027, 1, 11));
        warmth.submitList(list, "westtextile", List.of(), "");
        warmth.approveList(list, "west", f -> new String[] {"remove"});
        warmth.recordVisits(list, "westtextile", List.of(delivered(1, LocalDate.of(2027, 1, 4), "纺织厂经办人"),
                delivered(2, LocalDate.of(2027, 1, 4), "纺织厂经办人")));

        List<Map<String, Object>> sample = warmth.rows(list.getId(), "phoneBackSample");
        assertThat(sample).hasSize(2);
        List<Map<String, Object>> answers = new java.util.ArrayList<>();
        for (Map<String, Object> row : sample) {
            // as the form sends it: the line as text, no row id
            Map<String, Object> answer = new java.util.LinkedHashMap<>(row);
            answer.remove("recipientId");
            answer.put("line", String.valueOf(row.get("line")));
            answer.put("outcome", "denied");
            answers.add(answer);
        }
        assertThatThrownBy(() -> driver.complete(list, "phoneBack", "west.clerk", WarmthDriver.withList(
                CaseDriver.decisionOf("submit", null), "phoneBackSample", answers)))
                .isInstanceOf(UnionAssistException.class).hasMessageContaining("称未收到，请在备注中说明情况和处理");
        answers.forEach(a -> a.put("note", "本人称只收到慰问品，已转区总工会核查"));
        driver.complete(list, "phoneBack", "west.clerk", WarmthDriver.withList(CaseDriver.decisionOf("submit", null),
                "phoneBackSample", answers));
        assertThat(recipients.sample(list(list).getId())).extracting(Recipient::phoneBackOutcome)
                .containsOnly("DENIED");
    }

    static ByteArrayInputStream workbook(List<List<String>> lines) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("名单");
            int r = 0;
            for (List<String> line : lines) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < line.size(); c++) {
                    row.createCell(c).setCellValue(line.get(c));
                }
            }
            book.write(out);
            return new ByteArrayInputStream(out.toByteArray());
        }
    }

    private void upload(ProcessInstance listProcess, List<List<String>> lines) throws IOException {
        ByteArrayInputStream file = workbook(lines);
        transactions.executeWithoutResult(s -> lists.importFile(list(listProcess), "名单.xlsx", file));
    }
}
