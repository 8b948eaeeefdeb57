package org.unionassist.e2e;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionassist.casework.register.CaseEntryRepository;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditors' workspace (审计工作台, /audit/) in a Chinese browser, as {@code east.auditor}: log in on the page,
 * search the district, open a finished case of one of its grassroots unions, read its signed timeline and the
 * diagram with the path taken, and run the chain verification. A user of another district is refused the case even
 * by typing its address. Screenshots (for the user guide's auditor chapter) in target/e2e-screenshots/.
 */
class AuditorWorkspaceBrowserTest extends BrowserTestBase {

    @Autowired CaseDriver cases;
    @Autowired org.unionassist.support.MedicalAidDriver medical;
    @Autowired CaseEntryRepository register;
    @Autowired DataSource dataSource;

    private ProcessInstance rejectedAtGrassroots(String union) {
        ProcessInstance pi = cases.apply(union + ".clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
        cases.complete(pi, "homeVisit", union + ".clerk", CaseDriver.visitOf("submit", null, "入户核实，家庭情况与申报一致"));
        cases.complete(pi, "grassrootsReview", union + ".chair", "reject", "家庭收入明显高于申报");
        return pi;
    }

    /**
     * A worker's household filed in one grassroots union with the spouse as a member, and the spouse's own household
     * filed in another, as files imported from a city's earlier records would stand; returns the spouse's ID number.
     */
    private String householdsFiledInTwoEastUnions() {
        String worker = IdNumbers.next();
        String spouse = IdNumbers.next();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String[][] households = {{worker, "赵大勇", "eaststeel"}, {spouse, "钱红梅", "eaststreet"}};
        for (String[] h : households) {
            jdbc.update("insert into ua_household (head_id_number, head_name, union_id, created_on) values (?, ?, ?, ?)",
                    h[0], h[1], h[2], LocalDate.of(2025, 6, 1));
            Long id = jdbc.queryForObject("select id from ua_household where head_id_number = ?", Long.class, h[0]);
            jdbc.update("insert into ua_household_file (file_number, household_id, open_household_id, union_id,"
                            + " category, effective_date, status, case_process_instance_id, next_recheck_on, version)"
                            + " values (?, ?, ?, ?, 'RELATIVE', ?, 'OPEN', 'imported', ?, 0)",
                    "DA2025" + h[0].substring(12), id, id, h[2], LocalDate.of(2025, 6, 1), LocalDate.of(2026, 6, 1));
            if (h[0].equals(worker)) {
                jdbc.update("insert into ua_household_member (household_id, position, name, relation, id_number)"
                        + " values (?, 1, '钱红梅', '配偶', ?)", id, spouse);
            }
        }
        return spouse;
    }

    void logInOnThePage(Browser browser, String user) {
        browser.get(url("/audit/"));
        browser.type(By.id("login-username"), user);
        browser.type(By.id("login-password"), "demo");
        browser.click(By.id("login-submit"));
        browser.textIn(By.id("who"), user);
    }

    @Test
    void aDistrictAuditorSearchesExportsOpensAFinishedCaseAndVerifiesTheTrail(TestInfo test) throws Exception {
        ProcessInstance finished = rejectedAtGrassroots("eaststreet");
        rejectedAtGrassroots("westtextile");
        // for the statistics: a claim paid in March, and an application still waiting at its home visit since February
        try {
            medical.paidInpatientClaim("eaststeel", "east", "张伟", IdNumbers.next(), 12000);
            CaseDriver.today(LocalDate.of(2026, 2, 2));
            cases.apply("eaststeel.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
        } finally {
            CaseDriver.realTime();
        }
        String number = register.findById(finished.getId()).orElseThrow().getCaseNumber();

        Browser browser = browser("zh-CN", test);
        browser.get(url("/audit/"));
        browser.visible(By.id("login-form"));
        browser.screenshot("login");
        logInOnThePage(browser, "east.auditor");

        new Select(browser.visible(By.id("f-union"))).selectByValue("eaststreet");
        new Select(browser.visible(By.id("f-state"))).selectByValue("ENDED");
        browser.click(By.id("search-submit"));
        browser.textIn(By.id("search-results"), number);
        assertThat(browser.visible(By.id("search-counts")).getText()).contains("已办结").contains("未通过");
        // read as one snapshot: a search still answering may redraw the table between finding a cell and reading it
        List<String> unions = browser.until("the union column of the results", d -> {
            try {
                List<String> texts = d.findElements(By.cssSelector("#search-results tbody tr td:nth-child(3)"))
                        .stream().map(WebElement::getText).toList();
                return texts.isEmpty() ? null : texts;
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                return null;
            }
        });
        assertThat(unions).containsOnly("东城区东华街道工会");
        browser.screenshot("search");

        browser.click(By.id("search-export"));
        Path saved = browser.downloaded(".xlsx");
        assertThat(saved.getFileName().toString()).startsWith("案件查询结果_");
        try (Workbook workbook = WorkbookFactory.create(saved.toFile())) {
            Sheet sheet = workbook.getSheet("案件查询结果");
            DataFormatter cells = new DataFormatter();
            List<String> numbers = new ArrayList<>();
            sheet.forEach(row -> numbers.add(cells.formatCellValue(row.getCell(0))));
            assertThat(cells.formatCellValue(sheet.getRow(0).getCell(0))).contains("东城区东华街道工会")
                    .contains("east.auditor");
            assertThat(numbers).contains("案件号", number);
            assertThat(sheet.getRow(numbers.indexOf(number)).getCell(4).getStringCellValue()).isEqualTo("王**");
        }
        browser.click(By.cssSelector("#tabs a[data-tab=exports]"));
        browser.textIn(By.id("exports-list"), "查询结果");
        browser.screenshot("exports");
        browser.click(By.cssSelector("#tabs a[data-tab=search]"));

        // the start of a case number, typed in lower case, finds it and only numbers that start the same way
        String typed = number.substring(0, number.length() - 2).toLowerCase();
        new Select(browser.visible(By.id("f-union"))).selectByValue("");
        new Select(browser.visible(By.id("f-state"))).selectByValue("");
        browser.type(By.id("f-caseNumber"), typed);
        WebElement oldRow = browser.visible(By.cssSelector("#search-results tbody tr"));
        browser.click(By.id("search-submit"));
        browser.until("the union's rows replaced", d -> {
            try {
                oldRow.isDisplayed();
                return null;
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                return true;
            }
        });
        List<String> shown = browser.until("rows of the numbers starting " + typed, d -> {
            List<String> numbers = d.findElements(By.cssSelector("#search-results tbody tr td:nth-child(1)"))
                    .stream().map(WebElement::getText).toList();
            return !numbers.isEmpty() && numbers.stream().allMatch(n -> n.startsWith(typed.toUpperCase()))
                    ? numbers : null;
        });
        assertThat(shown).contains(number).allMatch(n -> n.startsWith(typed.toUpperCase()));

        browser.click(By.linkText(number));
        browser.textIn(By.id("case-title"), number);
        browser.textIn(By.id("case-timeline"), "家庭收入明显高于申报");
        browser.textIn(By.id("case-timeline"), "基层工会初审");
        browser.visible(By.cssSelector("#case-diagram svg .element.visited[data-element-id=caseRejected]"));
        browser.visible(By.cssSelector("#case-diagram svg .element.idle[data-element-id=householdFiled]"));
        browser.textIn(By.id("case-activities"), "入户调查");
        browser.textIn(By.id("case-dossier"), "家庭成员");
        browser.screenshot("case");
        assertThat(browser.bodyText()).doesNotContain("null").doesNotContain("undefined");

        browser.click(By.cssSelector("#tabs a[data-tab=statistics]"));
        browser.textIn(By.id("stats-totals"), "东城区总工会（含下级单位）：共受理");
        for (String chart : List.of("chart-month", "chart-programme", "chart-money", "chart-union", "chart-steps")) {
            browser.visible(By.cssSelector("#" + chart + " canvas"));
        }
        browser.textIn(By.id("stats-steps"), "入户调查");
        browser.textIn(By.id("stats-totals"), "通过案件核定金额合计");
        browser.textIn(By.id("stats-overdue"), "入户调查");
        browser.textIn(By.id("stats-overdue-count"), "共");
        browser.textIn(By.id("stats-totals"), "未通过");
        browser.screenshot("statistics");
        new Select(browser.visible(By.id("s-union"))).selectByValue("eaststreet");
        browser.click(By.id("stats-submit"));
        browser.textIn(By.id("stats-totals"), "东城区东华街道工会：共受理");
        assertThat(browser.bodyText()).doesNotContain("null").doesNotContain("undefined").doesNotContain("NaN");

        String shared = householdsFiledInTwoEastUnions();
        browser.click(By.cssSelector("#tabs a[data-tab=cross-checks]"));
        browser.textIn(By.id("cross-households"), org.unionassist.casework.PersonalData.maskIdNumber(shared));
        browser.textIn(By.id("cross-households"), "东城钢铁厂工会");
        browser.textIn(By.id("cross-households"), "东城区东华街道工会");
        browser.textIn(By.id("cross-several-count"), "人");
        browser.screenshot("cross-checks");
        assertThat(browser.bodyText()).doesNotContain(shared);

        browser.click(By.cssSelector("#tabs a[data-tab=chain]"));
        browser.click(By.id("chain-verify"));
        browser.textIn(By.id("chain-result"), "完整");
        browser.screenshot("chain-verification");
    }

    @Test
    void anAuditorOfAnotherDistrictIsRefusedTheCaseEvenByItsAddress(TestInfo test) {
        ProcessInstance east = rejectedAtGrassroots("eaststeel");
        Browser browser = browser("zh-CN", test);
        logInOnThePage(browser, "westtextile.auditor");
        browser.get(url("/audit/#case/" + east.getId()));
        browser.textIn(By.id("message"), "找不到该案件，或您无权查看");
        assertThat(browser.all(By.cssSelector("#case-timeline li"))).isEmpty();
        assertThat(browser.all(By.cssSelector("#case-diagram svg"))).isEmpty();
        browser.screenshot("refused");

        String number = register.findById(east.getId()).orElseThrow().getCaseNumber();
        browser.get(url("/audit/#search"));
        browser.type(By.id("f-caseNumber"), number);
        browser.click(By.id("search-submit"));
        browser.textIn(By.id("search-counts"), "共 0 件");
    }

    @Test
    void theLoginTellsAWrongPasswordFromANonAuditorAndALogoutLeavesNothingForTheNextUser(TestInfo test) {
        ProcessInstance east = rejectedAtGrassroots("eaststeel");
        String number = register.findById(east.getId()).orElseThrow().getCaseNumber();
        Browser browser = browser("zh-CN", test);
        browser.get(url("/audit/"));
        browser.visible(By.id("login-form"));
        assertThat(browser.all(By.id("message")).get(0).isDisplayed()).as("no error before anything is done")
                .isFalse();

        // (another user than the one who logs in below: after a wrong password the engine makes that user wait a
        // few seconds before the next try)
        browser.type(By.id("login-username"), "west.auditor");
        browser.type(By.id("login-password"), "wrong");
        browser.click(By.id("login-submit"));
        browser.textIn(By.id("message"), "用户名或密码不正确");
        browser.type(By.id("login-username"), "eaststeel.clerk");
        browser.type(By.id("login-password"), "demo");
        browser.click(By.id("login-submit"));
        browser.textIn(By.id("message"), "审计工作台仅供经费审查委员使用");
        browser.screenshot("not-an-auditor");

        browser.type(By.id("login-username"), "east.auditor");
        browser.type(By.id("login-password"), "demo");
        browser.click(By.id("login-submit"));
        browser.textIn(By.id("who"), "east.auditor");
        browser.textIn(By.id("search-results"), number);
        assertThat(browser.all(By.id("message")).get(0).isDisplayed()).as("the earlier refusal is gone").isFalse();

        // an export the server refuses is said in the page, which stays where it is
        browser.until("dates typed", d -> ((JavascriptExecutor) d).executeScript(
                "document.getElementById('f-from').value = '2026-12-31';"
                        + "document.getElementById('f-to').value = '2026-12-01'; return true;"));
        browser.click(By.id("search-export"));
        browser.textIn(By.id("message"), "起始日期不能晚于截止日期");
        assertThat(browser.bodyText()).doesNotContain("\"code\"").doesNotContain("INVALID_INPUT");
        browser.visible(By.id("search-form"));
        browser.screenshot("export-refused");
        browser.click(By.id("search-reset"));
        browser.textIn(By.id("search-results"), number);
        assertThat(browser.all(By.id("message")).get(0).isDisplayed()).as("a new search clears it").isFalse();

        browser.click(By.id("logout"));
        browser.visible(By.id("login-form"));
        browser.type(By.id("login-username"), "westtextile.auditor");
        browser.type(By.id("login-password"), "demo");
        browser.click(By.id("login-submit"));
        browser.textIn(By.id("who"), "westtextile.auditor");
        browser.textIn(By.id("search-counts"), "共");
        assertThat(browser.bodyText()).as("nothing of east.auditor's search stays").doesNotContain(number);
    }
}
