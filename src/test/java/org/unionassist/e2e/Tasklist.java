package org.unionassist.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;
import java.util.Optional;

/**
 * What a caseworker does in Tasklist, by the visible Chinese labels where there are any (form fields are found by
 * their label, options by their text), by Tasklist's own markup otherwise.
 */
final class Tasklist {

    private static final By MODAL = By.cssSelector(".modal-dialog");
    private static final By TASK_FORM = By.cssSelector("[cam-tasklist-form-camunda] .fjs-form");

    private final Browser browser;

    Tasklist(Browser browser) {
        this.browser = browser;
    }

    // ---- filters and the task list -----------------------------------------------------------------------------

    /** Clicks a filter in the left column and waits until the list has loaded for it. */
    void filter(String name) {
        browser.until("filter " + name + " active", d -> {
            if (d.findElements(By.cssSelector(".task-filter.active h4.name")).stream()
                    .anyMatch(e -> e.getText().contains(name))) {
                return true;
            }
            browser.textIn(By.cssSelector(".task-filter h4.name a"), name).click();
            return null;
        });
        listLoaded();
    }

    /** Waits until the middle column shows either tasks or the "no tasks" notice. */
    void listLoaded() {
        browser.until("task list loaded", d -> !tasks().isEmpty()
                || d.findElements(By.cssSelector("[cam-tasks] .well")).stream().anyMatch(WebElement::isDisplayed));
    }

    List<WebElement> tasks() {
        return browser.all(By.cssSelector("ol.tasks-list > li.task"));
    }

    /** The task in the list whose text contains all of the given parts (e.g. step name and applicant). */
    WebElement task(String... parts) {
        return browser.until("a task showing " + String.join(", ", parts), d -> tasks().stream()
                .filter(t -> containsAll(t.getText(), parts)).findFirst().orElse(null));
    }

    /** Opens the card's details (all variables of the filter, not only the first two) and returns its text. */
    String expandedCard(String... parts) {
        return browser.until("expanded card of the task showing " + String.join(", ", parts), d -> {
            WebElement task = task(parts);
            WebElement details = task.findElement(By.cssSelector(".task-card-details"));
            if (!details.getDomAttribute("class").contains("expanded")) {
                details.findElement(By.cssSelector(".shutter a")).click();
                return null;
            }
            return task.getText();
        });
    }

    /** Reads the loaded list again if Tasklist re-renders it while it is being read. */
    boolean listShowsTaskWith(String text) {
        return browser.until("the task list read", d -> Optional.of(tasks().stream()
                .anyMatch(t -> t.getText().contains(text)))).get();
    }

    /** Opens the task in the detail column. */
    void open(String... parts) {
        browser.until("task showing " + String.join(", ", parts) + " opened", d -> {
            WebElement task = task(parts);
            if (!task.getDomAttribute("class").contains("active")) {
                browser.scrollIntoView(task);
                task.findElement(By.cssSelector("h4.task a")).click();
                return null;
            }
            return task;
        });
    }

    void claim() {
        browser.click(By.cssSelector("button.claim"));
        browser.visible(TASK_FORM);
    }

    /** Clicks the form's complete button (完成) and waits until the task has left the detail column. */
    void complete() {
        browser.click(By.cssSelector("button[ng-click='complete()']"));
        browser.until("task completed", ExpectedConditions.invisibilityOfElementLocated(TASK_FORM));
    }

    // ---- start a process ---------------------------------------------------------------------------------------

    void startProcess(String processName) {
        browser.click(By.cssSelector(".start-process-action a"));
        browser.visible(MODAL);
        browser.textIn(By.cssSelector(".modal-dialog .processes a"), processName).click();
        browser.visible(By.cssSelector(".modal-dialog .fjs-form"));
    }

    /** Clicks the dialog's start button (发起); the dialog stays open when the start is refused. */
    void submitStart() {
        browser.click(By.cssSelector(".modal-dialog button[ng-click='startProcessInstance()']"));
    }

    void startDialogClosed() {
        browser.until("start dialog closed", ExpectedConditions.invisibilityOfElementLocated(MODAL));
    }

    /** The error notification Tasklist shows in the start dialog. */
    WebElement startError() {
        return browser.visible(By.cssSelector(".modal-dialog .notifications .alert-danger, .modal-dialog .alert-danger"));
    }

    // ---- Camunda Forms (form-js) ------------------------------------------------------------------------------

    /**
     * The input of the form field with this label (the label text without the * of required fields); of several
     * fields with the same label, the one that can be filled in (forms repeat e.g. 意见 read-only from the last step).
     */
    WebElement field(String label) {
        return browser.until("form field " + label, d -> d.findElements(
                        By.cssSelector(".fjs-form label.fjs-form-field-label[for]")).stream()
                .filter(l -> l.isDisplayed() && l.getText().replace("*", "").trim().equals(label))
                .map(l -> d.findElement(By.id(l.getDomAttribute("for"))))
                .filter(input -> input.isEnabled() && input.getDomAttribute("readonly") == null)
                .findFirst().orElse(null));
    }

    /** Replaces the field's value by typing, as a user does (WebElement.clear() bypasses form-js's own state). */
    void type(String label, String text) {
        WebElement input = field(label);
        browser.scrollIntoView(input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text);
    }

    /** Leaves the field, as a user tabbing on does; form-js validates on blur. */
    void leave(String label) {
        field(label).sendKeys(Keys.TAB);
    }

    void check(String label) {
        WebElement box = field(label);
        browser.scrollIntoView(box);
        if (!box.isSelected()) {
            box.click();
        }
    }

    /** A form-js select: opens the dropdown of the field and clicks the option with that text. */
    void select(String label, String option) {
        WebElement input = field(label);
        WebElement select = input.findElement(By.xpath(
                "ancestor::div[contains(@class,'fjs-form-field-select')]//div[contains(@class,'fjs-input-group')]"));
        browser.scrollIntoView(select);
        select.click();
        browser.textIn(By.cssSelector(".fjs-dropdownlist-item"), option).click();
    }

    /** A radio option, by its own label. */
    void choose(String optionLabel) {
        WebElement radio = browser.until("radio option " + optionLabel, d -> d.findElements(
                        By.cssSelector(".fjs-form-field-radio label[for]")).stream()
                .filter(l -> l.getText().trim().equals(optionLabel)).findFirst()
                .map(l -> d.findElement(By.id(l.getDomAttribute("for")))).orElse(null));
        browser.scrollIntoView(radio);
        radio.click();
    }

    /** The validation messages form-js shows under the field with this label. */
    String errorsOf(String label) {
        WebElement input = field(label);
        List<WebElement> errors = input.findElements(By.xpath(
                "ancestor::div[contains(@class,'fjs-form-field ')][1]//div[contains(@class,'fjs-form-field-error')]"));
        return errors.isEmpty() ? "" : errors.get(0).getText();
    }

    private static boolean containsAll(String text, String... parts) {
        for (String part : parts) {
            if (!text.contains(part)) {
                return false;
            }
        }
        return true;
    }
}
