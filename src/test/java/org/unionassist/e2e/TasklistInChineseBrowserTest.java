package org.unionassist.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Caseworkers in Tasklist with a Chinese browser: the login page and the app speak Chinese and carry the product's
 * name, a case is started through its Camunda Form and reaches the right colleague, form validation speaks Chinese,
 * and other unions do not see the case. Screenshots in target/e2e-screenshots/.
 */
class TasklistInChineseBrowserTest extends BrowserTestBase {

    static final String PROCESS = "困难职工认定";

    @Autowired CaseDriver cases;

    @Test
    void aClerkStartsACaseInChineseAndTheChairFindsItInTheirList(TestInfo test) {
        Browser browser = browser("zh-CN", test);
        Tasklist tasklist = new Tasklist(browser);
        String applicant = "王建国";

        // the login page: the product's name, the app's Chinese name, Chinese field labels
        browser.get(app("tasklist") + "login");
        WebElement username = browser.visible(By.cssSelector("form[name=signinForm] input[ng-model=username]"));
        browser.until("translated login form", d -> "用户名".equals(username.getDomAttribute("placeholder")));
        assertThat(browser.driver.findElement(By.cssSelector("form[name=signinForm] input[type=password]"))
                .getDomAttribute("placeholder")).isEqualTo("密码");
        assertThat(browser.driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).getText())
                .isEqualTo("登录");
        assertThat(browser.driver.findElement(By.cssSelector(".login-header .app-name")).getText()).isEqualTo("任务中心");
        assertThat(loginLogoText(browser)).isEqualTo(PRODUCT);
        browser.until("page title with the product name", d -> d.getTitle().equals(PRODUCT + " 任务中心"));
        browser.screenshot("login");

        // Tasklist in Chinese: header, navigation, the shared filters, sorted by due date
        logIn(browser, "tasklist", "eaststeel.clerk", "demo");
        browser.textIn(By.cssSelector("[cam-widget-header] .navbar-brand"), PRODUCT + " 任务中心");
        browser.textIn(By.cssSelector(".start-process-action"), "发起流程");
        for (String filter : new String[] {"我的待办", "本单位待办", "即将到期", "已逾期"}) {
            browser.textIn(By.cssSelector(".task-filter h4.name"), filter);
        }
        browser.textIn(By.cssSelector("[cam-sorting-choices] .sort-by"), "到期日");
        assertThat(browser.driver.getCurrentUrl()).contains("dueDate");
        assertThat(browser.bodyText()).doesNotContain("Start process", "Log out", "Created");
        browser.screenshot("tasklist");

        // start 困难职工认定 through its form
        tasklist.startProcess(PROCESS);
        browser.textIn(By.cssSelector(".modal-dialog .modal-title, .modal-dialog h3"), PROCESS);
        fillApplication(tasklist, applicant, IdNumbers.next());
        browser.screenshot("application-form");
        tasklist.submitStart();
        tasklist.startDialogClosed();

        // the home visit (入户调查) is the clerk union's task, listed with case number and applicant
        tasklist.filter("本单位待办");
        assertThat(tasklist.expandedCard("入户调查", applicant))
                .contains("案件号", "KN", "申请人", "基层工会", "东城钢铁厂工会", "业务", PROCESS, "到期");
        browser.screenshot("home-visit-in-list");

        // claim it and complete the home-visit form
        tasklist.open("入户调查", applicant);
        tasklist.claim();
        browser.textIn(By.cssSelector("[cam-tasklist-form-camunda] .fjs-form"), "入户调查");
        tasklist.type("入户日期", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                .toString());
        tasklist.type("调查情况", "入户核实：家庭三口人，申请人患病，收入属实。");
        for (String document : new String[] {"身份证、户口簿", "家庭成员收入证明", "致困原因证明",
                "家庭收入申报承诺书（本人签字）", "民政经济状况核对授权书（本人签字）"}) {
            tasklist.check(document);
        }
        tasklist.choose("材料齐全，报基层工会初审");
        tasklist.type("意见", "材料齐全");
        browser.screenshot("home-visit-form");
        tasklist.complete();
        browser.screenshot("home-visit-completed");

        // the chair of the same union finds the first review (基层工会初审) in their list
        logOut(browser);
        logIn(browser, "tasklist", "eaststeel.chair", "demo");
        tasklist.filter("本单位待办");
        assertThat(tasklist.expandedCard("基层工会初审", applicant)).contains("案件号", "基层工会", "东城钢铁厂工会");
        browser.screenshot("chair-sees-review");

        // the chair's form shows what the previous step decided; the task's history tab lists what happened to it
        tasklist.open("基层工会初审", applicant);
        browser.textIn(By.cssSelector("[cam-tasklist-form-camunda] .fjs-form"), "基层工会初审");
        browser.textIn(By.cssSelector("[cam-tasklist-form-camunda] .fjs-form"), "民主评议小组成员");
        browser.screenshot("chair-opens-review");
        browser.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='历史']"));
        browser.visible(By.xpath("//ul[contains(@class,'nav-tabs')]//li[contains(@class,'active')]//a[normalize-space()='历史']"));
        browser.screenshot("chair-task-history");
    }

    @Test
    void anInvalidIdNumberIsReportedInChinese(TestInfo test) {
        Browser browser = browser("zh-CN", test);
        Tasklist tasklist = new Tasklist(browser);
        logIn(browser, "tasklist", "eaststreet.clerk", "demo");
        tasklist.startProcess(PROCESS);

        // a number of the wrong shape: the form itself refuses it, in Chinese
        tasklist.type("申请人身份证号", "11010519491231002");
        tasklist.leave("申请人身份证号");
        String formError = browser.until("a validation message under the ID number",
                d -> tasklist.errorsOf("申请人身份证号").isBlank() ? null : tasklist.errorsOf("申请人身份证号"));
        browser.until("the validation message in Chinese", d -> tasklist.errorsOf("申请人身份证号").startsWith("格式不正确"));
        assertThat(tasklist.errorsOf("申请人身份证号")).doesNotContain("Field", "pattern");
        browser.screenshot("id-number-wrong-shape");

        // 18 digits with a wrong check digit: the server refuses the start with its Chinese message, number masked
        fillApplication(tasklist, "李春梅", "110105194912310021");
        assertThat(tasklist.field("申请人身份证号").getDomProperty("value")).isEqualTo("110105194912310021");
        browser.until("the form accepts the shape of the number", d -> tasklist.errorsOf("申请人身份证号").isEmpty());
        tasklist.submitStart();
        WebElement refusal = tasklist.startError();
        browser.until("the server's refusal", d -> refusal.getText().contains("身份证号"));
        assertThat(refusal.getText()).contains("无效", "校验码").doesNotContain("110105194912310021")
                .doesNotContain("Cannot instantiate", "hardshipVerification");
        browser.scrollIntoView(refusal);
        browser.screenshot("id-number-refused");
        assertThat(formError).isNotBlank();
    }

    @Test
    void aClerkOfAnotherUnionDoesNotSeeTheCase(TestInfo test) {
        String applicant = "赵秀兰";
        cases.apply("eaststeel.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next())
                .putValue("applicantName", applicant));

        // the case's own union sees it (so the list below would show it if it could)
        Browser own = browser("zh-CN", test);
        Tasklist ownList = new Tasklist(own);
        logIn(own, "tasklist", "eaststeel.clerk", "demo");
        ownList.filter("本单位待办");
        ownList.task("入户调查", applicant);
        own.screenshot("own-union-sees-case");

        for (String outsider : new String[] {"westtextile.clerk", "eaststreet.clerk"}) {
            Browser other = browser("zh-CN", test);
            Tasklist otherList = new Tasklist(other);
            logIn(other, "tasklist", outsider, "demo");
            for (String filter : new String[] {"我的待办", "本单位待办", "即将到期", "已逾期"}) {
                otherList.filter(filter);
                assertThat(otherList.listShowsTaskWith(applicant)).as("%s sees the case in %s", outsider, filter)
                        .isFalse();
            }
            otherList.filter("本单位待办");
            other.screenshot(outsider.replace('.', '-') + "-does-not-see-case");
        }
    }

    @Test
    void anEnglishBrowserGetsEnglish(TestInfo test) {
        Browser browser = browser("en-US", test);
        browser.get(app("tasklist") + "login");
        WebElement username = browser.visible(By.cssSelector("form[name=signinForm] input[ng-model=username]"));
        browser.until("English login form", d -> "Username".equals(username.getDomAttribute("placeholder")));
        assertThat(browser.driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).getText())
                .isEqualTo("Log in");
        logIn(browser, "tasklist", "eaststeel.clerk", "demo");
        browser.textIn(By.cssSelector(".start-process-action"), "Start process");
        browser.textIn(By.cssSelector("[cam-sorting-choices] .sort-by"), "Due date");
        browser.screenshot("tasklist-english");
    }

    static void fillApplication(Tasklist tasklist, String applicant, String idNumber) {
        tasklist.type("申请人姓名", applicant);
        tasklist.type("申请人身份证号", idNumber);
        tasklist.type("联系电话", "13800138000");
        tasklist.type("银行卡号", "6222020200112233445");
        tasklist.type("家庭人口数（含申请人）", "3");
        tasklist.type("家庭年可支配收入", "30000");
        tasklist.type("刚性支出", "6000");
        tasklist.type("当年因病因意外支出", "0");
        tasklist.select("致困原因", "本人或家属患病");
        tasklist.check("身份证、户口簿");
        tasklist.check("家庭成员收入证明");
        tasklist.check("致困原因证明");
    }

    /** The product name user-styles.css shows in place of the Camunda logo (a CSS ::before, not in the DOM). */
    static String loginLogoText(Browser browser) {
        Object content = ((JavascriptExecutor) browser.driver).executeScript(
                "return getComputedStyle(document.querySelector('.login-header .login-logo'), '::before').content;");
        return String.valueOf(content).replace("\"", "");
    }
}
