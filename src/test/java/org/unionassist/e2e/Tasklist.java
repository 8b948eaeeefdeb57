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
            // the filter's tooltip (its description) may cover the link above it: click the link itself
            ((org.openqa.selenium.JavascriptExecutor) d).executeScript("arguments[0].click();",
                    browser.textIn(By.cssSelector(".task-filter h4.name a"), name));
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
                // a message or tooltip may lie over the card's arrow for a moment: click the arrow itself
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("arguments[0].click();",
                        details.findElement(By.cssSelector(".shutter a")));
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
        clickComplete();
        browser.until("task completed", ExpectedConditions.invisibilityOfElementLocated(TASK_FORM));
    }

    /** Clicks 完成 without waiting for the task to go (when the form is expected to be refused). */
    void clickComplete() {
        browser.click(By.cssSelector("button[ng-click='complete()']"));
    }

    /** The text of the open task's form, read-only parts and tables included. */
    String formText() {
        return browser.until("task form with its case tables", d -> {
            WebElement form = browser.visible(TASK_FORM);
            // what a person reads: the text and the values shown in the (read-only) fields
            String text = (String) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                    "const f = arguments[0]; return f.innerText + '\\n' + Array.from(f.querySelectorAll('input, textarea'))"
                            + ".map(i => i.value).filter(v => v).join('\\n');", form);
            return text.contains("办理经过") || form.findElements(By.cssSelector(".fjs-form-field-table")).isEmpty()
                    ? text : null;
        });
    }

    /** Ticks the option of a checklist whose label contains the text (e.g. a panel member's user id). */
    void checkOption(String checklistLabel, String optionText) {
        WebElement option = browser.until("option " + optionText + " of " + checklistLabel, d -> d.findElements(
                        By.cssSelector(".fjs-form-field-checklist")).stream()
                .filter(c -> c.isDisplayed() && c.getText().contains(checklistLabel))
                .flatMap(c -> c.findElements(By.cssSelector("label")).stream())
                .filter(l -> l.getText().contains(optionText) && l.getDomAttribute("for") != null)
                .findFirst().map(l -> d.findElement(By.id(l.getDomAttribute("for")))).orElse(null));
        // a footer or a form still laying itself out may cover the box for a moment: click again until it is ticked
        browser.until("option " + optionText + " ticked", d -> {
            if (!option.isSelected()) {
                browser.scrollIntoView(option);
                option.click();
            }
            return option.isSelected();
        });
    }

    // ---- start a process ---------------------------------------------------------------------------------------

    void startProcess(String processName) {
        browser.click(By.cssSelector(".start-process-action a"));
        browser.visible(MODAL);
        browser.textIn(By.cssSelector(".modal-dialog .processes a"), processName);
        // the dialog may still redraw its list when the first click lands: click the process until its form shows
        browser.until("the start form of " + processName, d -> {
            try {
                if (d.findElements(By.cssSelector(".modal-dialog .fjs-form")).stream().anyMatch(WebElement::isDisplayed)) {
                    return true;
                }
                d.findElements(By.cssSelector(".modal-dialog .processes a")).stream()
                        .filter(a -> a.isDisplayed() && a.getText().contains(processName)).findFirst()
                        .ifPresent(WebElement::click);
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                // the next poll finds the redrawn list
            }
            return null;
        });
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

    /** The input of the {@code index}-th field with this label, e.g. 姓名 of the second row of a list (from 0). */
    WebElement field(String label, int index) {
        return browser.until("form field " + label + " #" + index, d -> {
            List<WebElement> inputs = d.findElements(By.cssSelector(".fjs-form label.fjs-form-field-label[for]"))
                    .stream()
                    .filter(l -> l.isDisplayed() && l.getText().replace("*", "").trim().equals(label))
                    .map(l -> d.findElement(By.id(l.getDomAttribute("for"))))
                    .filter(input -> input.isEnabled() && input.getDomAttribute("readonly") == null)
                    .toList();
            return inputs.size() > index ? inputs.get(index) : null;
        });
    }

    /** Replaces the field's value by typing, as a user does (WebElement.clear() bypasses form-js's own state). */
    void type(String label, String text) {
        typeInto(field(label), text);
    }

    /**
     * Types into the {@code index}-th field with this label (rows of a list), leaves the field at once and checks
     * that the row kept the value (form-js lists used to lose what was typed right after 添加一行).
     */
    void type(String label, int index, String text) {
        WebElement input = field(label, index);
        typeInto(input, text);
        input.sendKeys(Keys.TAB);
        // form-js may render the row anew: read the field again rather than the element typed into
        browser.until(label + " #" + index + " keeps " + text,
                d -> text.equals(field(label, index).getDomProperty("value")));
    }

    private void typeInto(WebElement input, String text) {
        browser.scrollIntoView(input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text);
    }

    /** Clicks the add button (添加一行) of the dynamic list with this label and waits for the new row. */
    void addRow(String listLabel) {
        WebElement list = browser.until("list " + listLabel, d -> d.findElements(
                        By.cssSelector(".fjs-form .fjs-form-field-dynamiclist")).stream()
                .filter(l -> l.isDisplayed() && l.getText().contains(listLabel)).findFirst().orElse(null));
        int rows = list.findElements(By.cssSelector(".fjs-repeat-row-container")).size();
        WebElement add = list.findElement(By.cssSelector("button.fjs-repeat-render-add"));
        browser.until("add button worded in Chinese", d -> add.getText().contains("添加一行"));
        browser.scrollIntoView(add);
        add.click();
        browser.until("row " + (rows + 1) + " of " + listLabel,
                d -> list.findElements(By.cssSelector(".fjs-repeat-row-container")).size() == rows + 1);
    }

    /** Whether the form's complete / start button can be clicked. */
    boolean submitEnabled() {
        return browser.all(By.cssSelector(".modal-dialog button[ng-click='startProcessInstance()'],"
                + " button[ng-click='complete()']")).stream()
                .filter(WebElement::isDisplayed).findFirst().map(WebElement::isEnabled).orElse(false);
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
        selectIn(field(label), option);
    }

    /** The select of the {@code index}-th field with this label (rows of a list). */
    void select(String label, int index, String option) {
        selectIn(field(label, index), option);
    }

    private void selectIn(WebElement input, String option) {
        WebElement select = input.findElement(By.xpath(
                "ancestor::div[contains(@class,'fjs-form-field-select')]//div[contains(@class,'fjs-input-group')]"));
        browser.scrollIntoView(select);
        // the list opens on a click; a field that already has the focus (after TAB) may need a second one
        browser.until("option " + option + " offered", d -> {
            Optional<WebElement> item = select.findElements(By.xpath(
                            "ancestor::div[contains(@class,'fjs-form-field-select')]//*[contains(@class,'fjs-dropdownlist-item')]"))
                    .stream().filter(e -> e.isDisplayed() && e.getText().contains(option)).findFirst();
            if (item.isEmpty()) {
                select.click();
                return null;
            }
            item.get().click();
            return true;
        });
    }

    /** A radio option, by its own label. */
    void choose(String optionLabel) {
        browser.until("radio option " + optionLabel + " chosen", d -> {
            WebElement radio = d.findElements(By.cssSelector(".fjs-form-field-radio label[for]")).stream()
                    .filter(l -> l.getText().trim().equals(optionLabel)).findFirst()
                    .map(l -> d.findElement(By.id(l.getDomAttribute("for")))).orElse(null);
            if (radio == null) {
                return null;
            }
            browser.scrollIntoView(radio);
            try {
                radio.click();
            } catch (org.openqa.selenium.ElementClickInterceptedException stillMoving) {
                // the form is still laying itself out (a slow machine): another field sits where the option will be
                return null;
            }
            return radio.isSelected() ? true : null;
        });
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
