package org.unionassist.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator's webapps with a Chinese browser: Cockpit (流程监控), Admin (系统管理) and the Welcome app (欢迎)
 * carry the product's name and speak Chinese; the root page /camunda-welcome is the product's own.
 */
class OperatorAppsInChineseBrowserTest extends BrowserTestBase {

    @Test
    void cockpitAndAdminSpeakChinese(TestInfo test) {
        Browser browser = browser("zh-CN", test);

        logIn(browser, "cockpit", "admin", "admin");
        browser.textIn(By.cssSelector("[cam-widget-header] .navbar-brand"), PRODUCT + " 流程监控");
        for (String menu : new String[] {"流程", "决策", "人工任务", "更多"}) {
            browser.textIn(By.cssSelector("[cam-widget-header] li a"), menu);
        }
        browser.textIn(By.tagName("body"), "运行中的流程实例");
        browser.textIn(By.tagName("body"), "已部署");
        browser.until("page title", d -> d.getTitle().startsWith(PRODUCT));
        assertThat(browser.bodyText()).doesNotContain("Processes", "Deployments", "Running Process Instances");
        browser.screenshot("cockpit-dashboard");

        browser.get(app("admin"));
        browser.textIn(By.cssSelector("[cam-widget-header] .navbar-brand"), PRODUCT + " 系统管理");
        for (String menu : new String[] {"用户", "用户组", "授权", "系统"}) {
            browser.textIn(By.cssSelector("[cam-widget-header] li a"), menu);
        }
        assertThat(browser.bodyText()).doesNotContain("Users", "Groups", "Authorizations");
        browser.screenshot("admin-dashboard");

        browser.get(app("welcome"));
        browser.textIn(By.cssSelector("[cam-widget-header] .navbar-brand"), PRODUCT + " 欢迎");
        for (String app : new String[] {"任务中心", "流程监控", "系统管理"}) {
            browser.textIn(By.tagName("body"), app);
        }
        browser.screenshot("welcome");
    }

    @Test
    void theRootWelcomePageIsTheProducts(TestInfo test) {
        Browser browser = browser("zh-CN", test);
        browser.get(url("/camunda-welcome/index.html"));
        browser.textIn(By.cssSelector("h1"), "欢迎使用" + PRODUCT);
        assertThat(browser.driver.getTitle()).isEqualTo(PRODUCT);
        assertThat(browser.bodyText()).contains("任务中心", "流程监控", "系统管理")
                .doesNotContain("demo / demo", "Enterprise", "Invoice");
        browser.click(By.linkText("进入任务中心"));
        browser.visible(By.cssSelector("form[name=signinForm]"));
        browser.screenshot("root-page-leads-to-tasklist");
    }
}
