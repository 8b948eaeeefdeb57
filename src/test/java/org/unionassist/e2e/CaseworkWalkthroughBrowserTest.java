package org.unionassist.e2e;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionassist.hardship.CaseStatus;
import org.unionassist.hardship.HardshipCaseRepository;
import org.unionassist.medical.MembershipRepository;
import org.unionassist.payment.Disbursement;
import org.unionassist.payment.DisbursementRepository;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.MedicalAidDriver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walk-throughs of the README and the user guide, in a Chinese browser, with the fields people fill in beyond the
 * easy path: a household with two more members (one typed wrongly first), a panel of three, the notice, the district
 * and the city up to the household file; a claim up to its disbursement; an enrolment list typed worker by worker.
 */
class CaseworkWalkthroughBrowserTest extends BrowserTestBase {

    @Autowired CaseDriver cases;
    @Autowired MedicalAidDriver medical;
    @Autowired HardshipCaseRepository hardshipCases;
    @Autowired DisbursementRepository disbursements;
    @Autowired MembershipRepository memberships;

    private static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    @Test
    void aHardshipCaseWithTwoHouseholdMembersGoesFromTheStartFormToTheHouseholdFile(TestInfo test) throws Exception {
        Browser browser = browser("zh-CN", test);
        Tasklist tasklist = new Tasklist(browser);
        String applicant = "周立群";

        logIn(browser, "tasklist", "eaststeel.clerk", "demo");
        tasklist.startProcess("困难职工认定");
        TasklistInChineseBrowserTest.fillApplication(tasklist, applicant, IdNumbers.next());
        tasklist.addRow("其他家庭成员");
        tasklist.type("姓名", 0, "李秀英");
        assertThat(tasklist.submitEnabled()).as("发起 stays usable while a list row is being filled").isTrue();
        tasklist.select("与申请人关系", 0, "配偶");
        tasklist.addRow("其他家庭成员");
        tasklist.type("姓名", 1, "周小明");
        tasklist.select("与申请人关系", 1, "子女");
        // a valid-looking number whose check digit is wrong: refused by the server, in words, beside 发起
        String child = IdNumbers.next();
        String wrongCheckDigit = child.substring(0, 17) + (child.charAt(17) == '1' ? "2" : "1");
        tasklist.type("身份证号（可选）", 1, wrongCheckDigit);
        assertThat(browser.bodyText()).contains("添加一行").doesNotContain("Add new", "Select\n");
        // rigid expenditure above the income counts as zero: the form says so while it is the case
        tasklist.type("刚性支出", "40000");
        browser.textIn(By.cssSelector(".modal-dialog .fjs-form"), "刚性支出高于家庭年可支配收入");
        tasklist.type("刚性支出", "6000");
        browser.until("the note goes with the correction",
                d -> !browser.bodyText().contains("刚性支出高于家庭年可支配收入"));
        assertThat(tasklist.submitEnabled()).isTrue();
        browser.screenshot("application-with-two-members");
        tasklist.submitStart();
        WebElement refusal = tasklist.startError();
        browser.until("refusal names the member", d -> refusal.getText().contains("第2位家庭成员身份证号"));
        assertThat(refusal.getText()).doesNotContain("Exception", "ENGINE-", wrongCheckDigit);
        assertThat(nearStartButton(browser, refusal)).as("the refusal is shown beside 发起").isTrue();
        browser.screenshot("refusal-beside-start-button");

        // the second attempt, corrected
        tasklist.type("身份证号（可选）", 1, child);
        tasklist.submitStart();
        tasklist.startDialogClosed();
        ProcessInstance pi = cases.runtime().createProcessInstanceQuery()
                .variableValueEquals("applicantName", applicant).singleResult();
        assertThat(cases.runtime().getVariable(pi.getId(), "caseFacts").toString())
                .contains("李秀英（配偶）、周小明（子女）");

        // 入户调查: a required choice left out is named, then the visit is recorded
        tasklist.filter("本单位待办");
        assertThat(tasklist.expandedCard("入户调查", applicant)).doesNotContain("\n50");
        tasklist.open("入户调查", applicant);
        tasklist.claim();
        assertThat(tasklist.field("入户日期").getDomAttribute("placeholder")).startsWith("年/月/日")
                .doesNotContain("mm", "yyyy");
        tasklist.type("入户日期", today());
        tasklist.type("调查情况", "入户核实：家庭三口人，配偶无业，子女在读，申请人患病。");
        tasklist.clickComplete();
        WebElement missing = browser.textIn(By.cssSelector(".notifications .alert, .alert-danger"), "请先更正标红的项目");
        assertThat(missing.getText()).contains("未能完成任务", "调查结论").doesNotContain("提交任务表单时发生错误");
        WebElement complete = browser.visible(By.cssSelector("button[ng-click='complete()']"));
        assertThat(overlaps(missing, complete)).as("the message leaves 完成 free").isFalse();
        browser.screenshot("missing-choice-named");
        for (String document : new String[] {"身份证、户口簿", "家庭成员收入证明", "致困原因证明",
                "家庭收入申报承诺书（本人签字）", "民政经济状况核对授权书（本人签字）"}) {
            tasklist.check(document);
        }
        tasklist.choose("材料齐全，报基层工会初审");
        tasklist.complete();
        logOut(browser);

        // 基层工会初审: the chair reads the application's figures, the household and the visit's findings
        logIn(browser, "tasklist", "eaststeel.chair", "demo");
        tasklist.filter("本单位待办");
        tasklist.open("基层工会初审", applicant);
        String review = tasklist.formText();
        assertThat(review).contains("申请情况", "李秀英（配偶）", "周小明（子女）", "30000.00元", "6000.00元",
                "办理经过", "入户调查", "材料齐全，报基层工会初审", "入户日期：" + today(), "家庭三口人");
        browser.scrollIntoView(browser.textIn(By.cssSelector(".fjs-form-field-table"), "办理经过"));
        browser.screenshot("chair-reads-the-case-so-far");
        tasklist.claim();
        for (String rep : new String[] {"eaststeel.rep1", "eaststeel.rep2", "eaststeel.rep3"}) {
            tasklist.checkOption("民主评议小组成员", rep);
        }
        tasklist.choose("同意，提交民主评议");
        tasklist.complete();
        logOut(browser);

        // a panel member who was not chosen sees no vote at all
        logIn(browser, "tasklist", "eaststeel.rep4", "demo");
        tasklist.filter("本单位待办");
        assertThat(tasklist.listShowsTaskWith("民主评议表决")).isFalse();
        tasklist.filter("我的待办");
        assertThat(tasklist.listShowsTaskWith("民主评议表决")).isFalse();
        logOut(browser);

        // each chosen member votes in their own task, reading the application and the findings
        for (String rep : new String[] {"eaststeel.rep1", "eaststeel.rep2", "eaststeel.rep3"}) {
            logIn(browser, "tasklist", rep, "demo");
            tasklist.filter("我的待办");
            tasklist.open("民主评议表决", applicant);
            String vote = tasklist.formText();
            assertThat(vote).contains("李秀英（配偶）", "入户核实", "东钢职工代表1", "东钢职工代表3")
                    .doesNotContain("eaststeel.rep1、");
            tasklist.choose("赞成");
            tasklist.complete();
            logOut(browser);
        }

        // the notice ends (as an operator would end it in the demo) and the district checks the file
        endNoticeAsOperator(pi);
        logIn(browser, "tasklist", "east.clerk", "demo");
        tasklist.filter("本单位待办");
        tasklist.open("区总工会审核", applicant);
        assertThat(tasklist.formText()).contains("民主评议表决", "赞成3票", "公示期满无异议", "手动提前结束", "少于规定的5个工作日");
        tasklist.claim();
        tasklist.select("核对结果", "核对一致");
        tasklist.type("核对说明", "民政核对家庭收入一致");
        tasklist.choose("审核通过，报区总工会审批");
        tasklist.complete();
        logOut(browser);

        signAs(browser, tasklist, "east.chair", "区总工会审批", applicant, "同意，报市总工会");
        signAs(browser, tasklist, "city.clerk", "市总工会审核", applicant, "审核通过，报市总工会审批");

        logIn(browser, "tasklist", "city.chair", "demo");
        tasklist.filter("本单位待办");
        tasklist.open("市总工会审批", applicant);
        String approval = tasklist.formText();
        assertThat(approval).contains("核对一致", "民政核对结果：核对一致", "区总工会审批", "同意，报市总工会")
                .doesNotContain("consistent");
        browser.scrollIntoView(browser.textIn(By.cssSelector(".fjs-form-field-table"), "办理经过"));
        browser.screenshot("city-chair-reads-every-step");
        tasklist.claim();
        tasklist.choose("同意，建档");
        tasklist.complete();

        assertThat(hardshipCases.findByProcessInstanceId(pi.getId()).orElseThrow().getStatus())
                .isEqualTo(CaseStatus.FILED);
    }

    @Test
    void aClaimGoesFromTheStartFormToOneDisbursement(TestInfo test) {
        Browser browser = browser("zh-CN", test);
        Tasklist tasklist = new Tasklist(browser);

        logIn(browser, "tasklist", "eaststeel.clerk", "demo");
        tasklist.startProcess("职工医疗互助理赔");
        tasklist.type("职工身份证号", "110101198003120010");
        tasklist.type("职工本人银行卡号", "6222020200112233445");
        tasklist.select("理赔类型", "住院");
        tasklist.type("入院（确诊）日期", "2026-10-12");
        tasklist.type("出院日期（门诊、重疾填就诊或确诊日期）", "2026-10-16");
        tasklist.type("诊断", "肺炎");
        tasklist.type("医疗总费用", "20000");
        tasklist.type("基本医疗保险支付", "8000");
        tasklist.type("个人自付金额", "12000");
        browser.screenshot("claim-form");
        tasklist.submitStart();
        tasklist.startDialogClosed();
        ProcessInstance pi = cases.runtime().createProcessInstanceQuery()
                .processDefinitionKey("medicalAidClaim").variableValueEquals("admissionDate", "2026-10-12")
                .singleResult();

        tasklist.filter("本单位待办");
        tasklist.open("基层工会审核材料", "张伟");
        assertThat(tasklist.formText()).contains("3200.00");
        tasklist.claim();
        for (String document : new String[] {"理赔申请表", "身份证", "银行卡", "医保结算单", "出院记录", "医疗费用发票"}) {
            tasklist.check(document);
        }
        tasklist.choose("材料齐全，报区总工会");
        tasklist.complete();
        logOut(browser);

        logIn(browser, "tasklist", "east.chair", "demo");
        tasklist.filter("本单位待办");
        tasklist.open("区总工会审批", "张伟");
        assertThat(tasklist.formText()).contains("基层工会审核材料", "材料齐全，报区总工会", "3200.00");
        tasklist.claim();
        tasklist.choose("同意");
        tasklist.complete();
        // the payment is a step of its own, run once the approval has committed (the job executor is off here)
        browser.until("the payment step waiting to run", d -> cases.management().createJobQuery()
                .processInstanceId(pi.getId()).activityId(MedicalAidDriver.SETTLEMENT).singleResult());
        medical.settle(pi);

        Disbursement paid = disbursements.findByProcessInstanceId(pi.getId()).orElseThrow();
        assertThat(paid.getAmount()).isEqualByComparingTo("3200.00");
    }

    @Test
    void anEnrolmentListTypedWorkerByWorkerIsSubmittedAndConfirmed(TestInfo test) {
        Browser browser = browser("zh-CN", test);
        Tasklist tasklist = new Tasklist(browser);
        String first = IdNumbers.next();
        String second = IdNumbers.next();

        logIn(browser, "tasklist", "eaststreet.clerk", "demo");
        tasklist.startProcess("职工医疗互助参保登记");
        tasklist.type("保障年度", String.valueOf(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + 1));
        tasklist.addRow("逐个录入");
        tasklist.type("姓名", 0, "孙丽");
        assertThat(tasklist.submitEnabled()).isTrue();
        tasklist.type("身份证号", 0, first);
        tasklist.addRow("逐个录入");
        tasklist.type("姓名", 1, "钱峰");
        tasklist.type("身份证号", 1, second);
        assertThat(tasklist.submitEnabled()).isTrue();
        browser.screenshot("two-workers-typed");
        tasklist.submitStart();
        tasklist.startDialogClosed();
        logOut(browser);

        logIn(browser, "tasklist", "east.clerk", "demo");
        tasklist.filter("本单位待办");
        String card = tasklist.expandedCard("参保", "2人");
        assertThat(card).contains("名单").doesNotContain("申请人");
        tasklist.open("参保", "2人");
        assertThat(tasklist.formText()).contains("孙丽", "钱峰");
        tasklist.claim();
        tasklist.choose("确认，参保生效");
        tasklist.complete();

        assertThat(memberships.findAll()).extracting(m -> m.getIdNumber()).contains(first, second);
    }

    private void signAs(Browser browser, Tasklist tasklist, String user, String step, String applicant, String decision) {
        logIn(browser, "tasklist", user, "demo");
        tasklist.filter("本单位待办");
        tasklist.open(step, applicant);
        tasklist.claim();
        tasklist.choose(decision);
        tasklist.complete();
        logOut(browser);
    }

    /** As the README tells an operator to end a demo's notice: recorded, with the reason. */
    private void endNoticeAsOperator(ProcessInstance pi) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/cases/" + pi.getId()
                        + "/public-notice/end-early")))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"演示：提前结束公示\"}", StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> ended = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(ended.statusCode()).as(ended.body()).isBetween(200, 299);
    }

    private static boolean overlaps(WebElement a, WebElement b) {
        org.openqa.selenium.Rectangle r = a.getRect();
        org.openqa.selenium.Rectangle q = b.getRect();
        return r.getX() < q.getX() + q.getWidth() && q.getX() < r.getX() + r.getWidth()
                && r.getY() < q.getY() + q.getHeight() && q.getY() < r.getY() + r.getHeight();
    }

    /** Whether the element sits within the last screenful above the dialog's start button. */
    private static boolean nearStartButton(Browser browser, WebElement element) {
        WebElement button = browser.visible(By.cssSelector(".modal-dialog button[ng-click='startProcessInstance()']"));
        int gap = button.getRect().getY() - (element.getRect().getY() + element.getRect().getHeight());
        return gap >= 0 && gap < 200;
    }
}
