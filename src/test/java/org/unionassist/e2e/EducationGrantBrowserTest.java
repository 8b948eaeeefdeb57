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
import org.unionassist.casework.signoff.SignOffRepository;
import org.unionassist.education.EducationGrant;
import org.unionassist.education.EducationGrantRepository;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.EducationGrantDriver;
import org.unionassist.support.IdNumbers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionassist.support.EducationGrantDriver.temporaryHardship;

/**
 * 金秋助学 in a Chinese browser: a grassroots clerk fills the application (refused once, in words), the chair passes it,
 * the district's clerk convenes a sitting and its chair decides three applications row by row in one task.
 */
class EducationGrantBrowserTest extends BrowserTestBase {

    static final String GRANT_PROCESS = "金秋助学";
    static final String SITTING_PROCESS = "金秋助学区级集体研究";

    @Autowired CaseDriver cases;
    @Autowired EducationGrantDriver education;
    @Autowired EducationGrantRepository grants;
    @Autowired SignOffRepository signOffs;

    @BeforeEach
    void inTheWindow() {
        CaseDriver.today(EducationGrantDriver.IN_WINDOW);
    }

    @AfterEach
    void resetClock() {
        CaseDriver.realTime();
    }

    @Test
    void anApplicationTypedInTasklistIsDecidedWithTwoOthersInOneDistrictSitting(TestInfo test) throws Exception {
        Browser browser = browser("zh-CN", test);
        Tasklist tasklist = new Tasklist(browser);
        String student = "刘思远";
        String studentId = IdNumbers.next();
        String wrongCheckDigit = studentId.substring(0, 17) + (studentId.charAt(17) == '1' ? "2" : "1");

        // 1. the grassroots clerk fills the application; a wrong check digit and a missing cause are refused in words
        logIn(browser, "tasklist", "eaststeel.clerk", "demo");
        tasklist.startProcess(GRANT_PROCESS);
        assertThat(browser.bodyText()).contains("学生信息", "职工信息", "资格情况");
        tasklist.type("学生姓名", student);
        tasklist.type("学生身份证号", wrongCheckDigit);
        tasklist.select("与职工关系", "子女");
        tasklist.type("就读学校", "东城区第一中学");
        tasklist.select("就读层次", "高中/中职");
        tasklist.type("年级（第几学年）", "1");
        tasklist.select("入学或在读证明", "录取通知书");
        tasklist.check("已查验上述证明原件");
        tasklist.type("职工姓名", "刘建华");
        tasklist.type("职工身份证号", IdNumbers.next());
        tasklist.type("收款银行卡号（职工本人）", "6222020200112233445");
        tasklist.select("招生类型", "普通招生");
        assertThat(browser.bodyText()).doesNotContain("Select\n", "Search", "Add new");
        assertThat(tasklist.submitEnabled()).isTrue();
        browser.screenshot("start-form");
        top(browser, browser.visible(By.cssSelector(".modal-dialog .fjs-form")));
        browser.screenshot("start-form-top");
        tasklist.submitStart();
        WebElement refusal = tasklist.startError();
        browser.until("refusal names the student's ID number", d -> refusal.getText().contains("身份证号"));
        assertThat(refusal.getText()).contains("学生").doesNotContain("Exception", "ENGINE-", "Error", "20002",
                wrongCheckDigit);
        browser.screenshot("refused-id-number");

        tasklist.type("学生身份证号", studentId);
        tasklist.submitStart();
        // the earlier refusal stays in the dialog until closed: the new one is shown below it
        WebElement noCause = browser.textIn(By.cssSelector(".modal-dialog .alert-danger"), "临时困难原因");
        assertThat(noCause.getText()).contains("无法发起流程").doesNotContain("Exception", "ENGINE-", "TEMPORARY_CAUSE");
        browser.screenshot("refused-no-cause");

        tasklist.type("临时困难原因", "父亲今年因工伤住院，家庭收入骤降");
        browser.scrollIntoView(browser.visible(By.cssSelector(".modal-dialog .fjs-form")));
        browser.screenshot("start-form-filled");
        tasklist.submitStart();
        tasklist.startDialogClosed();
        ProcessInstance typed = cases.runtime().createProcessInstanceQuery()
                .processDefinitionKey(EducationGrantDriver.GRANT).variableValueEquals("applicantName", student)
                .singleResult();
        assertThat(typed).isNotNull();
        EducationGrant filed = grants.findByProcessInstanceId(typed.getId()).orElseThrow();
        assertThat(filed.getStudentIdNumber()).isEqualTo(studentId);
        assertThat(filed.getAmount()).isEqualByComparingTo("2000.00");
        logOut(browser);

        // 2. the chair passes it in Tasklist, confirming the temporary hardship
        logIn(browser, "tasklist", "eaststeel.chair", "demo");
        tasklist.filter("本单位待办");
        tasklist.open("基层工会初审", student);
        browser.until("the application shown to the chair",
                d -> formText(browser).contains(student) && formText(browser).contains("父亲今年因工伤住院"));
        assertThat(formText(browser)).contains("2000.00", "高中/中职");
        tasklist.claim();
        tasklist.check("经核实，该家庭确属临时困难，同意按临时困难标准资助");
        tasklist.choose("初审通过，报区总工会集体研究");
        tasklist.type("意见", "情况属实");
        tasklist.complete();
        logOut(browser);
        assertThat(grants.findByProcessInstanceId(typed.getId()).orElseThrow().getStatus())
                .isEqualTo(EducationGrant.Status.AWAITING_DISTRICT);

        // two more applications of east unions wait for the district
        ProcessInstance second = education.awaitingDistrict("eaststreet",
                temporaryHardship(IdNumbers.next(), IdNumbers.next(), "undergraduate"));
        ProcessInstance third = education.awaitingDistrict("eaststeel",
                temporaryHardship(IdNumbers.next(), IdNumbers.next(), "juniorCollege"));

        // 3. the district's clerk convenes the sitting
        logIn(browser, "tasklist", "east.clerk", "demo");
        tasklist.startProcess(SITTING_PROCESS);
        assertThat(browser.bodyText()).contains("金秋助学区级集体研究");
        tasklist.type("会议说明", "2026年第一次金秋助学集体研究");
        browser.screenshot("sitting-start-form");
        tasklist.submitStart();
        tasklist.startDialogClosed();
        logOut(browser);

        // 4. the district's chair decides the three rows in one task
        logIn(browser, "tasklist", "east.chair", "demo");
        tasklist.filter("本单位待办");
        tasklist.open("区总工会集体研究");
        tasklist.claim();
        List<String> caseNumbers = browser.until("three rows with their case numbers", d -> {
            @SuppressWarnings("unchecked")
            List<String> numbers = (List<String>) ((JavascriptExecutor) d).executeScript(
                    "return Array.from(document.querySelectorAll('.fjs-form label.fjs-form-field-label[for]'))"
                            + ".filter(l => l.textContent.trim() === '案件号')"
                            + ".map(l => document.getElementById(l.getAttribute('for')).value);");
            return numbers.size() == 3 && numbers.stream().allMatch(n -> n != null && !n.isBlank()) ? numbers : null;
        });
        assertThat(caseNumbers).containsExactlyInAnyOrder(education.caseNumber(typed), education.caseNumber(second),
                education.caseNumber(third));
        assertThat(formText(browser)).contains("刘思远（", "东城钢铁厂工会", "高中/中职", "2000.00");

        String meeting = EducationGrantDriver.IN_WINDOW.toString();
        WebElement date = tasklist.field("会议日期");
        browser.scrollIntoView(date);
        date.click();
        date.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        date.sendKeys(meeting);
        date.sendKeys(Keys.ENTER);
        date.sendKeys(Keys.TAB);
        tasklist.type("参会人员", "张主席、李副主席、赵委员、钱委员、孙委员");
        tasklist.select("研究结论", 0, "同意资助，进入公示");
        tasklist.select("研究结论", 1, "同意资助，进入公示");
        tasklist.select("研究结论", 2, "退回基层工会补充");
        tasklist.choose("提交集体研究决定");
        browser.scrollIntoView(browser.textIn(By.cssSelector(".fjs-form"), "待研究申请"));
        browser.screenshot("sitting-form");
        assertThat(tasklist.submitEnabled()).isTrue();

        tasklist.clickComplete();
        WebElement refused = browser.textIn(By.cssSelector(".notifications .alert, .alert-danger"), "须填写意见");
        assertThat(refused.getText()).contains("第3行", caseNumbers.get(2))
                .doesNotContain("Exception", "ENGINE-", "OPINION_REQUIRED");
        browser.screenshot("sitting-refused-row-without-opinion");

        tasklist.type("意见（退回或不予资助时必填）", 2, "请补充学籍在读证明");
        browser.screenshot("sitting-form-filled");
        // the refusal stays until closed, as people close it once they have corrected the row
        for (WebElement close : browser.all(By.cssSelector(".notifications .alert-danger .close, .notifications .alert-danger button"))) {
            if (close.isDisplayed()) {
                close.click();
            }
        }
        browser.until("refusal closed", d -> !browser.bodyText().contains("须填写意见"));
        top(browser, browser.textIn(By.cssSelector(".fjs-form .fjs-form-field-group"), "会议信息"));
        browser.screenshot("sitting-form-top");
        tasklist.complete();

        Map<String, ProcessInstance> byNumber = Map.of(education.caseNumber(typed), typed,
                education.caseNumber(second), second, education.caseNumber(third), third);
        ProcessInstance returned = byNumber.get(caseNumbers.get(2));
        for (ProcessInstance pi : List.of(typed, second, third)) {
            education.task(pi, pi == returned ? "grantSupplement" : "publicNotice");
            assertThat(signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(pi.getId()))
                    .filteredOn(s -> "recordDistrictDecision".equals(s.getStepId())).singleElement()
                    .satisfies(s -> {
                        assertThat(s.getActorId()).isEqualTo("east.chair");
                        assertThat(s.getFindings()).contains("会议日期：" + meeting, "张主席");
                    });
        }

        // the pictures of the user guide
        Path guide = Path.of("docs", "images", "guide");
        Files.createDirectories(guide);
        copyLatest("start-form-top", guide.resolve("education-start-form.png"));
        copyLatest("sitting-form-top", guide.resolve("education-sitting.png"));
    }

}
