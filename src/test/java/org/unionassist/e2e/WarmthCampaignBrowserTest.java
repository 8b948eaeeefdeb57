package org.unionassist.e2e;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.Spreadsheets;
import org.unionassist.support.WarmthDriver;
import org.unionassist.support.WarmthDriver.Share;
import org.unionassist.warmth.Campaign;
import org.unionassist.warmth.CampaignRepository;
import org.unionassist.warmth.Ledger;
import org.unionassist.warmth.Recipient;
import org.unionassist.warmth.RecipientGroup;
import org.unionassist.warmth.RecipientList;
import org.unionassist.warmth.RecipientListRepository;
import org.unionassist.warmth.Recipients;
import org.unionassist.warmth.WarmthCampaigns;
import org.unionassist.warmth.WarmthLists;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionassist.support.WarmthDriver.person;

/**
 * 两节送温暖 in a Chinese browser: the city's clerk starts the campaign (refused once, in words) and drafts its plan,
 * correcting a standard the server refuses; the city's chair approves it; the allocations and two unions' lists are
 * prepared through the engine (one person on both lists, one row with an invalid ID number from an uploaded file);
 * the district's chair resolves the list's findings row by row, is refused once for a row kept without a reason,
 * and approves it: the list's money is committed in the ledger.
 */
class WarmthCampaignBrowserTest extends BrowserTestBase {

    static final String PROCESS = "两节送温暖";
    static final LocalDate TODAY = LocalDate.of(2026, 12, 10);
    static final String CARD = "6222020200112233445";
    static final String INVALID_ID = "110105199001011234";
    /** What form-js writes in English when nothing translates it. */
    static final String[] ENGLISH = {"Nothing to show", "Select\n", "Add new", "Search", " of ", "No results",
            "Collapse", "Expand all", "Field is required", "Exception", "ENGINE-"};

    @Autowired CaseDriver cases;
    @Autowired WarmthDriver warmth;
    @Autowired WarmthCampaigns campaigns;
    @Autowired WarmthLists lists;
    @Autowired CampaignRepository campaignRows;
    @Autowired RecipientListRepository listRows;
    @Autowired Recipients recipients;
    @Autowired Ledger ledger;
    @Autowired TransactionTemplate transactions;

    @BeforeEach
    void today() {
        CaseDriver.today(TODAY);
    }

    @AfterEach
    void resetClock() {
        CaseDriver.realTime();
    }

    @Test
    void thePlanIsDraftedAndApprovedInTasklistAndADistrictChairResolvesAListsFindings(TestInfo test) throws Exception {
        Browser browser = browser("zh-CN", test);
        Tasklist tasklist = new Tasklist(browser);
        Set<String> earlier = cases.runtime().createProcessInstanceQuery().processDefinitionKey(WarmthDriver.CAMPAIGN)
                .list().stream().map(ProcessInstance::getId).collect(Collectors.toSet());

        // 1. the city's clerk starts the campaign; an end before the start and a past list deadline are refused
        logIn(browser, "tasklist", "city.clerk", "demo");
        tasklist.startProcess(PROCESS);
        assertThat(browser.bodyText()).contains("两节送温暖活动方案", "节日名称", "名单报送截止日期");
        tasklist.type("节日名称", "2027年元旦春节");
        tasklist.type("活动年度", "2027");
        date(browser, tasklist, "活动开始日期", LocalDate.of(2026, 12, 15));
        date(browser, tasklist, "活动结束日期", LocalDate.of(2026, 12, 1));
        tasklist.type("活动总预算（元）", "2800000");
        tasklist.type("计划慰问人数", "13000");
        date(browser, tasklist, "名单报送截止日期", LocalDate.of(2026, 12, 8));
        date(browser, tasklist, "慰问完成截止日期", LocalDate.of(2027, 1, 31));
        assertThat(startFormText(browser)).doesNotContain(ENGLISH);
        assertThat(tasklist.submitEnabled()).isTrue();
        browser.screenshot("start-form");
        tasklist.submitStart();
        WebElement refusal = tasklist.startError();
        browser.until("the plan's refusal in words", d -> refusal.getText().contains("名单报送截止日期"));
        assertThat(refusal.getText())
                .contains("活动结束日期不能早于开始日期", "名单报送截止日期不能早于今天", TODAY.toString())
                .doesNotContain("Exception", "ENGINE-", "Error", "20700", "warmthCampaign", "PLAN_INVALID")
                .doesNotContainPattern("[A-Za-z]{3,}");
        browser.screenshot("start-refused");

        date(browser, tasklist, "活动结束日期", LocalDate.of(2027, 2, 28));
        date(browser, tasklist, "名单报送截止日期", LocalDate.of(2026, 12, 31));
        browser.screenshot("start-form-corrected");
        tasklist.submitStart();
        tasklist.startDialogClosed();
        ProcessInstance campaign = cases.runtime().createProcessInstanceQuery()
                .processDefinitionKey(WarmthDriver.CAMPAIGN).list().stream()
                .filter(pi -> !earlier.contains(pi.getId())).findFirst().orElseThrow();
        Campaign drafted = campaignRows.findByProcessInstanceId(campaign.getId()).orElseThrow();
        Campaign.Plan plan = drafted.plan();
        assertThat(plan.holiday()).isEqualTo("2027年元旦春节");
        assertThat(plan.year()).isEqualTo(2027);
        assertThat(plan.periodStart()).isEqualTo(LocalDate.of(2026, 12, 15));
        assertThat(plan.periodEnd()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(plan.totalBudget()).isEqualByComparingTo("2800000");
        assertThat(plan.plannedRecipients()).isEqualTo(13000);
        assertThat(plan.listDeadline()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(plan.visitDeadline()).isEqualTo(LocalDate.of(2027, 1, 31));
        String campaignNumber = drafted.number();

        // 2. 拟定活动方案: the five groups' standards from the configuration; one set to nothing is refused
        tasklist.filter("本单位待办");
        tasklist.open("拟定活动方案", campaignNumber);
        tasklist.claim();
        Map<String, String[]> standards = browser.until("the five groups' standards", d -> {
            Map<String, String[]> shown = standardsShown(browser);
            return shown.size() == 5 ? shown : null;
        });
        assertThat(standards.keySet()).containsExactly("困难职工家庭", "一线及节日值守职工", "劳动模范",
                "新就业形态劳动者", "因公牺牲职工家属");
        assertAmounts(standards.get("困难职工家庭"), "1000.00", "200.00");
        assertAmounts(standards.get("一线及节日值守职工"), "0.00", "500.00");
        assertAmounts(standards.get("劳动模范"), "800.00", "0.00");
        assertAmounts(standards.get("新就业形态劳动者"), "0.00", "300.00");
        assertAmounts(standards.get("因公牺牲职工家属"), "1000.00", "0.00");
        assertThat(formText(browser)).contains("2027年元旦春节", "活动基本情况", "慰问标准（每人）")
                .doesNotContain(ENGLISH);
        int modelWorker = List.copyOf(standards.keySet()).indexOf("劳动模范");
        tasklist.type("现金（元）", modelWorker, "0");
        tasklist.choose("提交市总工会主席审定");
        tasklist.clickComplete();
        WebElement nothing = browser.textIn(By.cssSelector(".notifications .alert, .alert-danger"),
                "劳动模范的现金和物资不能都为0");
        assertThat(nothing.getText()).doesNotContain("Exception", "ENGINE-", "20700", "modelWorker", "groupLabel")
                .doesNotContainPattern("[A-Za-z]{3,}");
        browser.screenshot("plan-refused-standard");
        closeRefusals(browser, "不能都为0");

        tasklist.type("现金（元）", modelWorker, "900");
        tasklist.type("说明", "劳动模范慰问标准由800元调整为900元");
        browser.scrollIntoView(browser.textIn(By.cssSelector(".fjs-form .fjs-form-field-dynamiclist"), "慰问标准（每人）"));
        browser.screenshot("plan-form");
        tasklist.complete();
        assertThat(campaigns.standardsOf(drafted.getId()).get(RecipientGroup.MODEL_WORKER).cash())
                .isEqualByComparingTo("900.00");
        assertThat(campaigns.standardsOf(drafted.getId()).get(RecipientGroup.HARDSHIP).goods())
                .isEqualByComparingTo("200.00");
        logOut(browser);

        // 3. the city's chair approves the plan
        logIn(browser, "tasklist", "city.chair", "demo");
        tasklist.filter("本单位待办");
        tasklist.open("审定活动方案", campaignNumber);
        tasklist.claim();
        browser.until("the plan shown to the chair", d -> formText(browser).contains("劳动模范")
                && formText(browser).contains("900") && formText(browser).contains("2027年元旦春节"));
        assertThat(formText(browser)).contains("办理经过").doesNotContain(ENGLISH);
        tasklist.choose("同意，启动活动");
        browser.screenshot("plan-approval");
        tasklist.complete();
        logOut(browser);
        assertThat(campaignRows.findById(drafted.getId()).orElseThrow().getStatus()).isEqualTo(Campaign.Status.APPROVED);

        // 4. allocations and two lists of the east district, through the engine: 王海 on both lists, and an invalid
        // ID number in the steelworks' uploaded file
        warmth.allocateDistricts(campaign, Map.of("east", new Share("1500000", 7000), "west", new Share("1300000", 6000)));
        warmth.allocateUnions(campaign, "east", Map.of("eaststeel", new Share("800000", 3800),
                "eaststreet", new Share("700000", 3200)));
        warmth.allocateUnions(campaign, "west", Map.of("westtextile", new Share("700000", 3200),
                "westhospital", new Share("600000", 2800)));
        ProcessInstance steel = warmth.listOf(campaign, "eaststeel");
        ProcessInstance street = warmth.listOf(campaign, "eaststreet");
        String shared = IdNumbers.next();
        byte[] file = Spreadsheets.excel(new Object[][] {
                {"姓名", "身份证号", "慰问对象类别", "银行卡号"},
                {"王海", shared, "一线及节日值守职工", ""},
                {"李劳模", IdNumbers.next(), "劳动模范", CARD},
                {"赵错号", INVALID_ID, "一线及节日值守职工", ""}});
        RecipientList steelList = listRows.findByProcessInstanceId(steel.getId()).orElseThrow();
        Map<String, Object> imported = transactions.execute(s ->
                lists.importFile(steelList, "东城钢铁厂工会慰问名单.xlsx", new ByteArrayInputStream(file)));
        assertThat(imported).containsEntry("imported", 3).containsEntry("flagged", 1L);
        warmth.submitList(steel, "eaststeel", List.of(person("刘一线", IdNumbers.next(), "frontLine", "")), "");
        warmth.submitList(street, "eaststreet", List.of(person("王海", shared, "frontLine", ""),
                person("赵新", IdNumbers.next(), "newEmployment", "")), "");
        assertThat(warmth.rows(steel.getId(), "listFindings")).extracting(f -> f.get("name") + ":" + f.get("kinds"))
                .containsExactly("王海:重复", "赵错号:身份证号无效");
        String listNumber = steelList.number();

        // 5. the district's chair sees the findings row by row, keeps 王海 without a reason first, and is refused
        logIn(browser, "tasklist", "east.chair", "demo");
        tasklist.filter("本单位待办");
        tasklist.open("审核慰问名单", listNumber);
        tasklist.claim();
        Map<String, List<String>> findings = browser.until("the findings' rows", d -> {
            Map<String, List<String>> shown = findingsShown(browser);
            return shown.get("姓名").size() == 2 ? shown : null;
        });
        assertThat(findings.get("行号")).containsExactly("1", "3");
        assertThat(findings.get("姓名")).containsExactly("王海", "赵错号");
        assertThat(findings.get("问题")).containsExactly("重复", "身份证号无效");
        assertThat(findings.get("说明").get(0)).contains("东城区东华街道工会名单第1行");
        assertThat(findings.get("说明").get(1)).isNotBlank();
        assertThat(findings.get("处理要求")).containsExactly("可说明理由后保留", "须剔除");
        String approvalText = formText(browser);
        assertThat(approvalText).contains(listNumber, "名单汇总", "已录入名单", "核查结果处理", "刘一线", "李劳模",
                "一线及节日值守职工", "劳动模范").doesNotContain(ENGLISH).doesNotContain(shared, INVALID_ID)
                // the findings are resolved by their line numbers: no record number of the database on the form
                .doesNotContain("记录号");
        top(browser, browser.textIn(By.cssSelector(".fjs-form .fjs-form-field-group"), "名单情况"));
        browser.screenshot("list-approval-top");

        tasklist.select("处理", 0, "保留（须说明理由）");
        tasklist.choose("批准名单");
        tasklist.clickComplete();
        WebElement unresolved = browser.textIn(By.cssSelector(".notifications .alert, .alert-danger"),
                "保留须说明理由");
        assertThat(unresolved.getText()).contains("第1行", "王海", "第3行", "赵错号", "请选择保留或剔除")
                .doesNotContain("Exception", "ENGINE-", "20705", "FINDING_UNRESOLVED", "keep", "remove", shared)
                .doesNotContainPattern("[A-Za-z]{3,}");
        browser.screenshot("list-approval-refused");
        closeRefusals(browser, "保留须说明理由");

        // 6. a reason for 王海, 剔除 for the invalid ID number: the list is approved and its money committed
        tasklist.type("理由", 0, "在钢铁厂值守，同时为街道困难户，经区总工会研究同意两处慰问");
        tasklist.select("处理", 1, "剔除");
        tasklist.type("意见", "同意");
        browser.scrollIntoView(browser.textIn(By.cssSelector(".fjs-form .fjs-form-field-dynamiclist"), "核查结果处理"));
        browser.screenshot("list-approval");
        assertThat(formText(browser)).doesNotContain(ENGLISH);
        tasklist.complete();
        logOut(browser);

        RecipientList approved = listRows.findById(steelList.getId()).orElseThrow();
        assertThat(approved.getStatus()).isEqualTo(RecipientList.Status.APPROVED);
        Map<String, Recipient> byName = new LinkedHashMap<>();
        recipients.of(approved.getId()).forEach(r -> byName.put(r.name(), r));
        assertThat(byName.get("赵错号").status()).isEqualTo(Recipient.Status.REMOVED);
        assertThat(byName.get("王海").status()).isEqualTo(Recipient.Status.LISTED);
        assertThat(byName.get("王海").justification()).contains("经区总工会研究同意");
        // 王海 500 + 李劳模 900 (the standard as corrected) + 刘一线 500
        Ledger.Balance balance = ledger.balance(drafted.getId(), "eaststeel");
        assertThat(balance.committed()).isEqualByComparingTo("1900.00");
        assertThat(balance.recipientsCommitted()).isEqualTo(3);
        assertThat(balance.available()).isEqualByComparingTo("798100.00");
        assertThat(ledger.balance(drafted.getId(), "east").committed()).isEqualByComparingTo("1900.00");
        assertThat(cases.tasks().createTaskQuery().processInstanceId(steel.getId()).taskDefinitionKey("recordVisits")
                .count()).isEqualTo(1);

        // the pictures of the user guide
        Path guide = Path.of("docs", "images", "guide");
        Files.createDirectories(guide);
        copyLatest("plan-form", guide.resolve("warmth-plan.png"));
        copyLatest("list-approval", guide.resolve("warmth-list-approval.png"));
    }

    /** The standards list of the plan form: group → cash and goods as the inputs show them. */
    @SuppressWarnings("unchecked")
    private static Map<String, String[]> standardsShown(Browser browser) {
        Map<String, List<String>> columns = columns(browser, "慰问对象类别", "现金（元）", "物资折价（元）");
        Map<String, String[]> shown = new LinkedHashMap<>();
        List<String> groups = columns.get("慰问对象类别");
        for (int i = 0; i < groups.size(); i++) {
            if (i < columns.get("现金（元）").size() && i < columns.get("物资折价（元）").size()) {
                shown.put(groups.get(i), new String[] {columns.get("现金（元）").get(i), columns.get("物资折价（元）").get(i)});
            }
        }
        return shown;
    }

    private static Map<String, List<String>> findingsShown(Browser browser) {
        return columns(browser, "行号", "姓名", "问题", "说明", "处理要求");
    }

    /** The values of the form's inputs under each of these labels, in the order of the rows. */
    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> columns(Browser browser, String... labels) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (String label : labels) {
            columns.put(label, (List<String>) ((JavascriptExecutor) browser.driver).executeScript(
                    "return Array.from(document.querySelectorAll('[cam-tasklist-form-camunda] .fjs-form "
                            + "label.fjs-form-field-label[for]'))"
                            + ".filter(l => l.textContent.replace('*', '').trim() === arguments[0])"
                            + ".map(l => document.getElementById(l.getAttribute('for')))"
                            + ".filter(i => i).map(i => i.value);", label));
        }
        return columns;
    }

    private static void assertAmounts(String[] shown, String cash, String goods) {
        assertThat(shown).as("cash and goods shown").hasSize(2);
        assertThat(new java.math.BigDecimal(shown[0].replace(",", ""))).isEqualByComparingTo(cash);
        assertThat(new java.math.BigDecimal(shown[1].replace(",", ""))).isEqualByComparingTo(goods);
    }
}
