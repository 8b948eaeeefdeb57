package org.unionassist.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.util.ArrayList;
import java.util.List;

/**
 * The app as the demo profile starts it (in-memory H2, the demo city), on a random port, and real browsers against it.
 * One Spring context is shared by all browser test classes.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:union-assist-e2e;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("demo")
abstract class BrowserTestBase {

    static final String PRODUCT = "工会帮扶审批平台";

    @LocalServerPort int port;
    private final List<Browser> browsers = new ArrayList<>();

    /** Before each test, so that a machine without Chromium reports every browser test as skipped. */
    @BeforeEach
    void browserInstalled() {
        Browser.assumeInstalled();
    }

    /** A fresh browser (own profile, no cookies) in the given language; closed after the test. */
    Browser browser(String language, TestInfo test) {
        String prefix = getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName()
                + (browsers.isEmpty() ? "" : "-" + (browsers.size() + 1));
        Browser browser = Browser.open(language, prefix);
        browsers.add(browser);
        return browser;
    }

    @AfterEach
    void closeBrowsers() {
        try {
            for (Browser browser : browsers) {
                browser.screenshot("end");
                browser.savePageSource("end");
            }
        } finally {
            browsers.forEach(Browser::close);
            browsers.clear();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    String app(String app) {
        return url("/camunda/app/" + app + "/default/#/");
    }

    /** Logs in on the login page of a webapp and waits for the header to show who is logged in. */
    void logIn(Browser browser, String app, String user, String password) {
        browser.get(app(app) + "login");
        By userField = By.cssSelector("form[name=signinForm] input[ng-model=username]");
        By passwordField = By.cssSelector("form[name=signinForm] input[type=password]");
        // the login page may still be settling (focus moving to the user field): keys typed then can land in the
        // other field, so both are checked and typed again until they hold what was meant
        for (int attempt = 0; attempt < 3; attempt++) {
            browser.type(userField, user);
            browser.type(passwordField, password);
            if (user.equals(browser.visible(userField).getAttribute("value"))
                    && password.equals(browser.visible(passwordField).getAttribute("value"))) {
                break;
            }
        }
        browser.click(By.cssSelector("form[name=signinForm] button[type=submit]"));
        browser.visible(By.cssSelector("[cam-widget-header] .account"));
    }

    /** Logs out through the user menu of the header and waits for the login form. */
    void logOut(Browser browser) {
        browser.click(By.cssSelector("[cam-widget-header] .account > a, [cam-widget-header] .account .dropdown-toggle"));
        browser.click(By.cssSelector("[cam-widget-header] .account .logout a, [cam-widget-header] .account a[ng-click*=logout]"));
        browser.visible(By.cssSelector("form[name=signinForm]"));
    }
}
