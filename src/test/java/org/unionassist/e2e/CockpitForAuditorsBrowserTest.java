package org.unionassist.e2e;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * What an auditor (经费审查委员, who reads everything in the union's jurisdiction and changes nothing) sees in the
 * operator webapps with a Chinese browser: Cockpit's pages for a running case without write buttons and without raw
 * permission errors, the deployed decision tables in Chinese, and the Welcome page's 文档 link to the project's own
 * user guide. The administrator keeps every write button. Screenshots in target/e2e-screenshots/.
 */
class CockpitForAuditorsBrowserTest extends BrowserTestBase {

    /** Cockpit's write actions, by the handlers its templates bind them to (toolbars, tables, tabs). */
    private static final By WRITE_ACTIONS = By.cssSelector(String.join(", ",
            "[ng-click^='openDialog(']", "[ng-click^='deleteVariable(']", "[ng-click^='enableEditMode(']",
            "[ng-click^='toggleSuspension(']", "[ng-click^='openRecalculationWindow(']",
            "[ng-click^='openJobRetryDialog(']", "[ng-click^='openExternalTaskRetryDialog(']",
            "[ng-click^='openSuspensionStateDialog(']", "[ng-click^='changeGroupIdentityLinks(']",
            "[ng-click^='changeUserIdentityLinks(']", "[ng-click^='deleteDeployment(']", "[ng-click^='enter(']"));
    /** What a refusal of the engine or an untranslated label looks like on a page. */
    private static final String[] RAW_ENGLISH = {"does not have", "permission", "Error", "Actions"};
    private static final By MORE_MENU = By.xpath(
            "//*[@cam-widget-header]//a[contains(@class,'dropdown-toggle') and contains(.,'更多')]");
    private static final String[] DECISIONS = {"困难职工类别认定", "最低生活保障标准（低保）", "职工医疗互助给付标准",
            "职工医疗互助审批层级"};

    @Autowired CaseDriver cases;

    @Test
    void anAuditorReadsACaseOfTheDistrictWithoutWriteButtonsOrRawErrors(TestInfo test) {
        ProcessInstance onNotice = cases.caseOnPublicNotice("eaststeel", IdNumbers.next());
        Browser browser = browser("zh-CN", test);
        logIn(browser, "cockpit", "east.auditor", "demo");

        browser.get(app("cockpit") + "processes");
        browser.textIn(By.cssSelector("table a"), "困难职工认定");
        assertReadOnly(browser);
        browser.screenshot("processes");

        browser.get(app("cockpit") + "process-definition/" + onNotice.getProcessDefinitionId() + "/runtime");
        browser.textIn(By.cssSelector("table a"), onNotice.getId());
        assertReadOnly(browser);
        browser.screenshot("process-definition");

        browser.get(app("cockpit") + "process-instance/" + onNotice.getId() + "/runtime");
        browser.textIn(By.cssSelector("[cam-widget-variables-table] td"), "caseNumber");
        assertReadOnly(browser);
        browser.screenshot("process-instance-variables");
        openTab(browser, "作业");
        browser.visible(By.cssSelector("table.jobs-tab tbody tr"));
        assertReadOnly(browser);
        browser.screenshot("process-instance-jobs");

        browser.get(app("cockpit") + "tasks");
        browser.textIn(By.cssSelector("#open-task-statistics"), "合计");
        assertReadOnly(browser);
        assertThat(browser.all(By.cssSelector("#task-group-counts")).stream().noneMatch(WebElement::isDisplayed))
                .as("the count by group covers every union's tasks: not for a district's auditor").isTrue();
        browser.screenshot("human-tasks");

        assertThat(browser.all(MORE_MENU).stream().noneMatch(WebElement::isDisplayed))
                .as("the 更多 menu holds only operators' pages (部署, 批处理)").isTrue();
    }

    @Test
    void anAuditorReadsTheDeployedDecisionTablesInChinese(TestInfo test) {
        Browser browser = browser("zh-CN", test);
        logIn(browser, "cockpit", "east.auditor", "demo");

        browser.get(app("cockpit") + "decisions");
        for (String decision : DECISIONS) {
            browser.textIn(By.cssSelector("table a"), decision);
        }
        assertThat(browser.bodyText()).doesNotContain("尚未部署决策表");
        assertReadOnly(browser);
        browser.screenshot("decisions");

        browser.click(By.linkText("困难职工类别认定"));
        browser.textIn(By.cssSelector(".tjs-container .hit-policy"), "命中策略");
        browser.textIn(By.cssSelector(".tjs-container .clause"), "当");
        browser.textIn(By.cssSelector(".tjs-container"), "家庭人均月收入（元）");
        assertReadOnly(browser);
        assertThat(browser.bodyText()).doesNotContain("Hit policy", "When", "Then", "Annotations", "null");
        browser.screenshot("decision-table");
    }

    @Test
    void theAdministratorKeepsCockpitsWriteButtons(TestInfo test) {
        ProcessInstance onNotice = cases.caseOnPublicNotice("eaststeel", IdNumbers.next());
        Browser browser = browser("zh-CN", test);
        logIn(browser, "cockpit", "admin", "admin");

        browser.get(app("cockpit") + "process-instance/" + onNotice.getId() + "/runtime");
        browser.textIn(By.cssSelector("[cam-widget-variables-table] td"), "caseNumber");
        browser.until("the toolbar's four actions", d -> visibleWriteActions(browser).stream()
                .filter(action -> action.startsWith("openDialog")).count() == 4);
        assertThat(visibleWriteActions(browser)).contains("enableEditMode(info, true)", "deleteVariable(v)");
        browser.textIn(By.cssSelector("[cam-widget-variables-table] thead .actions"), "操作");
        assertThat(browser.bodyText()).doesNotContain("Actions");
        browser.screenshot("process-instance-variables");

        openTab(browser, "作业");
        browser.visible(By.cssSelector("table.jobs-tab tbody tr"));
        assertThat(visibleWriteActions(browser)).contains("toggleSuspension(job)", "openRecalculationWindow(job)");
        browser.screenshot("process-instance-jobs");

        browser.get(app("cockpit") + "process-definition/" + onNotice.getProcessDefinitionId() + "/runtime");
        browser.textIn(By.cssSelector("table a"), onNotice.getId());
        browser.until("suspend and job priorities", d -> visibleWriteActions(browser).contains("openDialog()"));

        browser.click(MORE_MENU);
        browser.textIn(By.cssSelector("[cam-widget-header] .dropdown.open .dropdown-menu a"), "部署");
        browser.textIn(By.cssSelector("[cam-widget-header] .dropdown.open .dropdown-menu a"), "批处理");
    }

    @Test
    void theWelcomePagesDocumentationLinkOpensTheProjectsUserGuide(TestInfo test) {
        Browser browser = browser("zh-CN", test);
        logIn(browser, "welcome", "east.auditor", "demo");

        WebElement docs = browser.textIn(By.cssSelector(".custom-link-wrapper a"), "文档");
        assertThat(docs.getDomProperty("href")).isEqualTo(url("/docs/user-guide.html"));
        browser.screenshot("welcome");
        docs.click();

        browser.textIn(By.tagName("h1"), "经办人使用指南");
        browser.until("page title", d -> d.getTitle().contains("经办人使用指南"));
        browser.textIn(By.tagName("h2"), "登录");
        browser.textIn(By.cssSelector("table th"), "过滤器");
        List<WebElement> images = browser.all(By.cssSelector("main img"));
        assertThat(images).hasSizeGreaterThanOrEqualTo(9);
        for (WebElement image : images) {
            browser.until("image " + image.getDomAttribute("src") + " loaded", d -> Boolean.TRUE.equals(
                    ((JavascriptExecutor) d).executeScript(
                            "return arguments[0].complete && arguments[0].naturalWidth > 0;", image)));
        }
        // Markdown left unrendered would show as "**登录**"; a masked name such as 王** is the guide's own text.
        assertThat(browser.bodyText()).doesNotContain("![", "](").doesNotContainPattern("\\*\\*[^*\\s]+\\*\\*");
        browser.screenshot("user-guide");
    }

    private static void openTab(Browser browser, String name) {
        browser.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='" + name + "']"));
    }

    /**
     * No write button is shown, and for a moment after the page has loaded no refusal or English label appears
     * (Cockpit shows a refused request as a notification as soon as the engine answers).
     */
    private static void assertReadOnly(Browser browser) {
        long until = System.currentTimeMillis() + 1500;
        do {
            assertThat(visibleWriteActions(browser)).as("write actions shown to an auditor").isEmpty();
            String text = browser.bodyText();
            for (String raw : RAW_ENGLISH) {
                if (text.contains(raw)) {
                    fail("the page shows \"%s\":%n%s", raw, text);
                }
            }
            pause();
        } while (System.currentTimeMillis() < until);
    }

    private static List<String> visibleWriteActions(Browser browser) {
        return browser.all(WRITE_ACTIONS).stream().filter(WebElement::isDisplayed)
                .map(action -> action.getDomAttribute("ng-click")).toList();
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
