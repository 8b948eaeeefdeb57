package org.unionassist.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
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

    /** The open task form's text and the values of its fields. */
    static String formText(Browser browser) {
        WebElement form = browser.visible(By.cssSelector("[cam-tasklist-form-camunda] .fjs-form"));
        return (String) ((JavascriptExecutor) browser.driver).executeScript(
                "const f = arguments[0]; return f.innerText + '\\n' + Array.from(f.querySelectorAll('input, textarea'))"
                        + ".map(i => i.value).filter(v => v).join('\\n');", form);
    }

    /** The text of the start form in Tasklist's start dialog. */
    static String startFormText(Browser browser) {
        return browser.visible(By.cssSelector(".modal-dialog .fjs-form")).getText();
    }

    /** Closes the refusals shown, as people do once they have corrected what they named. */
    static void closeRefusals(Browser browser, String text) {
        for (WebElement close : browser.all(By.cssSelector(
                ".notifications .alert-danger .close, .notifications .alert-danger button"))) {
            if (close.isDisplayed()) {
                close.click();
            }
        }
        browser.until("refusal closed", d -> d.findElements(By.cssSelector(".notifications .alert")).stream()
                .noneMatch(a -> a.isDisplayed() && a.getText().contains(text)));
    }

    /** Copies the newest screenshot this test class took at {@code step} to the user guide's images. */
    void copyLatest(String step, Path target) throws Exception {
        String prefix = getClass().getSimpleName() + "-";
        try (var files = Files.list(Browser.SCREENSHOTS)) {
            Path shot = files.filter(f -> f.getFileName().toString().startsWith(prefix)
                            && f.getFileName().toString().endsWith("-" + step + ".png"))
                    .max(Comparator.comparing(Path::toString)).orElseThrow();
            Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Scrolls the element to the top of its scrolling container, for a picture of a form's beginning. */
    static void top(Browser browser, WebElement element) {
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'start'});", element);
    }

    /** Types a date into a form-js date field as a person does, and leaves it. */
    static void date(Browser browser, Tasklist tasklist, String label, java.time.LocalDate day) {
        WebElement input = tasklist.field(label);
        browser.scrollIntoView(input);
        input.click();
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                org.openqa.selenium.Keys.BACK_SPACE);
        input.sendKeys(day.toString());
        input.sendKeys(org.openqa.selenium.Keys.ENTER);
        // leave the field for a place that opens nothing: tabbing on would open the next date's calendar over the form
        WebElement heading = browser.all(By.cssSelector(".fjs-form .fjs-form-field-text")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElseThrow();
        heading.click();
        browser.until("no calendar open", d -> d.findElements(By.cssSelector(".flatpickr-calendar.open")).stream()
                .noneMatch(WebElement::isDisplayed));
        // shown in the Chinese format (2026/12/15)
        String shown = day.getYear() + "/" + day.getMonthValue() + "/" + day.getDayOfMonth();
        browser.until(label + " shows " + shown, d -> shown.equals(tasklist.field(label).getDomProperty("value")));
    }
}
