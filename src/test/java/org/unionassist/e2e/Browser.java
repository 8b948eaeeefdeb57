package org.unionassist.e2e;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real headless Chromium driven by Selenium: Debian's {@code chromium} and {@code chromedriver} (paths overridable
 * with UNION_ASSIST_CHROMIUM / UNION_ASSIST_CHROMEDRIVER). Selenium Manager is never asked for anything, so nothing is
 * downloaded. Each instance has a fresh profile in a temporary directory and a browser language of its own.
 */
final class Browser implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Browser.class);

    static final Path CHROMIUM = Path.of(env("UNION_ASSIST_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(env("UNION_ASSIST_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots");
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private static final String HOW_TO_RUN = "Browser tests need Debian's chromium and chromedriver: "
            + "sudo apt-get install -y --no-install-recommends chromium chromium-driver fonts-noto-cjk, then mvn verify "
            + "(or only them: mvn verify -Dtest='*BrowserTest'). .ci/run installs them and sets UNION_ASSIST_REQUIRE_BROWSER=1.";

    final WebDriver driver;
    private final Path profile;
    private final String screenshotPrefix;
    private int shot;

    private Browser(WebDriver driver, Path profile, String screenshotPrefix) {
        this.driver = driver;
        this.profile = profile;
        this.screenshotPrefix = screenshotPrefix;
    }

    /**
     * Skips the calling test class (JUnit assumption, WARN in the log) when Chromium or chromedriver is missing,
     * or fails it when UNION_ASSIST_REQUIRE_BROWSER=1 (CI).
     */
    static void assumeInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (installed) {
            return;
        }
        String missing = "Browser tests skipped: " + (Files.isExecutable(CHROMIUM) ? "" : CHROMIUM + " ")
                + (Files.isExecutable(CHROMEDRIVER) ? "" : CHROMEDRIVER + " ") + "not found. " + HOW_TO_RUN;
        if ("1".equals(System.getenv("UNION_ASSIST_REQUIRE_BROWSER"))) {
            fail("UNION_ASSIST_REQUIRE_BROWSER=1 but " + missing);
        }
        if (WARNED.compareAndSet(false, true)) {
            log.warn(missing);
        }
        Assumptions.abort(missing);
    }

    /**
     * @param language the browser's language, e.g. {@code zh-CN} or {@code en-US}
     * @param screenshotPrefix names the screenshots of this browser: {@code target/e2e-screenshots/<prefix>-NN-step.png}
     */
    static Browser open(String language, String screenshotPrefix) {
        try {
            Path profile = Files.createTempDirectory("union-assist-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--no-default-browser-check",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-features=Translate,OptimizationHints,MediaRouter",
                    "--lang=" + language, "--window-size=1280,900", "--user-data-dir=" + profile);
            String primary = language.split("-")[0];
            Path downloads = Files.createDirectories(profile.resolve("downloads"));
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language + "," + primary,
                    "download.default_directory", downloads.toString(), "download.prompt_for_download", false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    // the city's time zone, as the caseworkers' machines have it (the footer and dates show it)
                    .withEnvironment(Map.of("TZ", "Asia/Shanghai"))
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            Files.createDirectories(SCREENSHOTS);
            return new Browser(driver, profile, screenshotPrefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void get(String url) {
        driver.get(url);
    }

    WebElement visible(By by) {
        return waiting(by + " visible").until(retried(ExpectedConditions.visibilityOfElementLocated(by)));
    }

    WebElement clickable(By by) {
        return waiting(by + " clickable").until(retried(ExpectedConditions.elementToBeClickable(by)));
    }

    /**
     * Clicks once the element is clickable. A dialog that is still fading in, or a form laying itself out, can make a
     * click fail for a moment although the element is shown: the click is tried again until the wait runs out.
     */
    void click(By by) {
        waiting(by + " clicked").ignoring(ElementNotInteractableException.class).until(retried(d -> {
            WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
            if (element == null) {
                return null;
            }
            scrollIntoView(element);
            element.click();
            return true;
        }));
    }

    void type(By by, String text) {
        WebElement input = visible(by);
        scrollIntoView(input);
        input.clear();
        input.sendKeys(text);
    }

    void scrollIntoView(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    /** Waits until some element matching {@code by} shows {@code text}. */
    WebElement textIn(By by, String text) {
        return waiting("text \"" + text + "\" in " + by).until(retried(d -> d.findElements(by).stream()
                .filter(e -> e.isDisplayed() && e.getText().contains(text)).findFirst().orElse(null)));
    }

    <T> T until(String what, Function<WebDriver, T> condition) {
        return waiting(what).until(retried(condition));
    }

    /**
     * The condition, looked at again when Chromium lost the node it was asked about while the page redrew itself
     * ("Node with given id does not belong to the document", a WebDriverException but not a stale element).
     */
    private static <T> Function<WebDriver, T> retried(Function<? super WebDriver, T> condition) {
        return d -> {
            try {
                return condition.apply(d);
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return null;
                }
                throw e;
            }
        };
    }

    /** A wait of its own for each use, so that its message says what was awaited. */
    private WebDriverWait waiting(String what) {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.withMessage(what);
        // Tasklist re-renders its list every few seconds (filters with refresh): look again rather than fail
        wait.ignoring(StaleElementReferenceException.class);
        // a tooltip or a fading message may sit over a link for a moment: a click inside a wait is tried again
        wait.ignoring(org.openqa.selenium.ElementClickInterceptedException.class);
        return wait;
    }

    String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Saves a screenshot of the viewport as target/e2e-screenshots/&lt;prefix&gt;-NN-&lt;step&gt;.png. */
    Path screenshot(String step) {
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve("%s-%02d-%s.png".formatted(screenshotPrefix, ++shot, step));
        try {
            Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Waits for the browser to finish saving a download whose name ends with the suffix, and returns it. */
    Path downloaded(String suffix) {
        Path downloads = profile.resolve("downloads");
        return until("a downloaded *" + suffix, d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The page's HTML next to the screenshots, to see what a failed wait was looking at. */
    void savePageSource(String step) {
        try {
            Files.writeString(SCREENSHOTS.resolve("%s-%02d-%s.html".formatted(screenshotPrefix, ++shot, step)),
                    driver.getPageSource());
        } catch (IOException | RuntimeException e) {
            log.debug("no page source", e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                log.debug("could not remove {}", profile, e);
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
