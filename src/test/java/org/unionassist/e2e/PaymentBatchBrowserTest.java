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
import org.unionassist.payment.Disbursement;
import org.unionassist.payment.DisbursementRepository;
import org.unionassist.payment.PaymentBatch;
import org.unionassist.payment.PaymentLine;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.PaymentDriver;
import org.unionassist.support.RestBodies;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 付款批次 in a Chinese browser: with an approved medical claim and an approved education grant waiting to be paid,
 * the city's clerk starts a batch from Tasklist's start dialog and submits it after checking its lines; the city's
 * chair reads the total in capitals and approves it; the bank's answer (the claim's account closed, everything else
 * paid) is imported through the API; the clerk sees the failed line on the task, types an invalid card first and is
 * refused naming the line, then a valid one with a note: the batch is settled and the claim's payment is re-issued.
 */
class PaymentBatchBrowserTest extends BrowserTestBase {

    static final String PROCESS = "付款批次";
    static final LocalDate PAY_DAY = LocalDate.of(2026, 7, 10);
    static final String NEW_CARD = "6217000011112222333";
    /** What form-js writes in English when nothing translates it. */
    static final String[] ENGLISH = WarmthCampaignBrowserTest.ENGLISH;

    @Autowired CaseDriver cases;
    @Autowired PaymentDriver payments;
    @Autowired DisbursementRepository disbursements;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void payDay() {
        CaseDriver.today(PAY_DAY);
    }

    @AfterEach
    void resetClock() {
        CaseDriver.realTime();
    }

    @Test
    void aClerkBatchesAClaimAndAGrantTheChairApprovesAndAFailedPaymentIsReissuedToACorrectedCard(TestInfo test)
            throws Exception {
        // the payments waiting, prepared through the engine
        Disbursement claim = payments.approvedClaim("李建军");
        Disbursement grant = payments.approvedGrant();
        CaseDriver.today(PAY_DAY);
        Set<String> earlier = cases.runtime().createProcessInstanceQuery().processDefinitionKey(PaymentDriver.BATCH)
                .list().stream().map(ProcessInstance::getId).collect(Collectors.toSet());

        Browser browser = browser("zh-CN", test);
        Tasklist tasklist = new Tasklist(browser);

        // 1. the city's clerk starts a batch from the start dialog: two programmes ticked, approved up to today
        logIn(browser, "tasklist", "city.clerk", "demo");
        tasklist.startProcess(PROCESS);
        assertThat(startFormText(browser)).contains("编制付款批次", "款项来源", "职工医疗互助理赔", "金秋助学",
                "审批日期截至").doesNotContain(ENGLISH);
        tasklist.checkOption("款项来源", "职工医疗互助理赔");
        tasklist.checkOption("款项来源", "金秋助学");
        date(browser, tasklist, "审批日期截至", PAY_DAY);
        assertThat(tasklist.submitEnabled()).isTrue();
        browser.screenshot("start-form");
        tasklist.submitStart();
        tasklist.startDialogClosed();
        ProcessInstance pi = cases.runtime().createProcessInstanceQuery().processDefinitionKey(PaymentDriver.BATCH)
                .list().stream().filter(p -> !earlier.contains(p.getId())).findFirst().orElseThrow();
        PaymentBatch batch = payments.batch(pi);
        String number = batch.number();
        assertThat(batch.getPreparedBy()).isEqualTo("city.clerk");
        PaymentLine claimLine = payments.lineOf(pi, claim);
        PaymentLine grantLine = payments.lineOf(pi, grant);
        assertThat(claimLine.getAmount()).isEqualByComparingTo("3200.00");
        BigDecimal total = payments.lines(pi).stream().map(PaymentLine::getAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        String totalInWords = cn.hutool.core.convert.Convert.digitToChinese(total);

        // 2. 核对付款批次: the lines in Chinese, cards masked; submitted for approval
        tasklist.filter("本单位待办");
        tasklist.open("核对付款批次", number);
        tasklist.claim();
        String review = browser.until("the batch's lines on the review form",
                d -> formText(browser).contains("李建军") ? formText(browser) : null);
        assertThat(review).contains(number, "职工医疗互助理赔、金秋助学", "按项目汇总", "付款明细（银行卡号已遮挡）",
                        "李建军", "3200.00", grantLine.getPayeeName(), grantLine.getAmount().toPlainString(),
                        claim.getCaseNumber(), grant.getCaseNumber(), total.toPlainString(), totalInWords,
                        "移出的行号")
                .doesNotContain(claim.getBankCard(), grant.getBankCard()).doesNotContain(ENGLISH);
        Map<String, List<String>> lines = tableColumns(browser, "付款明细（银行卡号已遮挡）");
        int claimRow = lines.get("收款人").indexOf("李建军");
        assertThat(claimRow).isNotNegative();
        assertThat(lines.get("行号").get(claimRow)).isEqualTo(String.valueOf(claimLine.getLineNo()));
        assertThat(lines.get("项目").get(claimRow)).isEqualTo("职工医疗互助理赔");
        assertThat(lines.get("金额（元）").get(claimRow)).isEqualTo("3200.00");
        assertThat(lines.get("银行卡号").get(claimRow)).contains("*")
                .endsWith(claim.getBankCard().substring(claim.getBankCard().length() - 3));
        tasklist.choose("提交审批");
        tasklist.type("说明", "已逐笔核对收款人、金额和案件");
        browser.screenshot("review-form");
        tasklist.complete();
        logOut(browser);

        // 3. 审批付款批次: the chair reads the total in capitals and approves
        logIn(browser, "tasklist", "city.chair", "demo");
        tasklist.filter("本单位待办");
        tasklist.open("审批付款批次", number);
        tasklist.claim();
        String approval = browser.until("the batch on the approval form", d -> {
            String text = formText(browser);
            return text.contains(totalInWords) && text.contains("李建军") ? text : null;
        });
        assertThat(approval).contains("双人复核", "合计金额大写", totalInWords, total.toPlainString(), "办理经过",
                "已逐笔核对收款人、金额和案件").doesNotContain(ENGLISH);
        assertThat(totalInWords).contains("元").doesNotContainPattern("[0-9A-Za-z]");
        tasklist.choose("同意支付");
        tasklist.type("意见", "同意支付");
        top(browser, browser.textIn(By.cssSelector(".fjs-form .fjs-form-field-group"), "批次概况"));
        browser.screenshot("approval-form");
        tasklist.complete();
        logOut(browser);
        assertThat(payments.batch(pi).getStatus()).isEqualTo(PaymentBatch.Status.APPROVED);
        assertThat(payments.batch(pi).getApprovedBy()).isEqualTo("city.chair");

        // 4. the clerk opens 提交银行并登记回单 and downloads the bank file through the form's link
        logIn(browser, "tasklist", "city.clerk", "demo");
        tasklist.filter("本单位待办");
        tasklist.open("提交银行并登记回单", number);
        tasklist.claim();
        WebElement link = browser.textIn(By.cssSelector("[cam-tasklist-form-camunda] .fjs-form a"), "银行批量代付文件");
        assertThat(link.getDomProperty("href")).endsWith("/api/exports/payments/batches/" + number + "/bank-file.xlsx");
        browser.scrollIntoView(link);
        link.click();
        Path bankFile = browser.downloaded(".xlsx");
        assertThat(Files.size(bankFile)).isPositive();
        assertThat(formText(browser)).contains("待银行回单");
        assertThat(browser.all(By.cssSelector(".fjs-form .fjs-form-field-dynamiclist"))).as("no failed lines yet")
                .noneMatch(WebElement::isDisplayed);

        // the bank's answer through the API: the claim's account closed, every other line paid
        byte[] answer = payments.bankResult(pi, Map.of(claim.getId(), "账户已销户"));
        HttpResponse<String> imported = upload("/api/payments/batches/" + number + "/bank-result", "city.clerk",
                "bank-result.xlsx", answer);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(imported.body()).contains("\"newlyFailed\":1", "\"awaiting\":0");

        // 5. opened again, the task shows the failed line; an invalid card is refused naming the line
        browser.driver.navigate().refresh();
        tasklist.open("提交银行并登记回单", number);
        browser.until("the failed line on the form", d -> formText(browser).contains("账户已销户"));
        Map<String, List<String>> failed = inputColumns(browser, "行号", "收款人", "原银行卡号", "金额（元）",
                "银行退回原因", "状态");
        assertThat(failed.get("收款人")).containsExactly("李建军");
        assertThat(failed.get("行号")).containsExactly(String.valueOf(claimLine.getLineNo()));
        assertThat(failed.get("金额（元）")).containsExactly("3200.00");
        assertThat(failed.get("银行退回原因")).containsExactly("账户已销户");
        assertThat(failed.get("状态")).containsExactly("待更正");
        assertThat(failed.get("原银行卡号").get(0)).contains("*").doesNotContain(claim.getBankCard());
        assertThat(formText(browser)).contains("支付失败的款项", "已支付", "支付失败", "更正后的银行卡号", "更正说明")
                .doesNotContain(ENGLISH);

        // a card too short is marked at once in the form; the card the bank refused is refused by the server
        tasklist.type("更正后的银行卡号", 0, "6217 0000");
        tasklist.type("更正说明", 0, "收款人提供了新卡");
        browser.textIn(By.cssSelector(".fjs-form-field-error"), "格式不正确");
        tasklist.type("更正后的银行卡号", 0, claim.getBankCard());
        tasklist.choose("回单已全部登记");
        assertThat(tasklist.submitEnabled()).as("the form can be submitted with a card typed into the list").isTrue();
        tasklist.clickComplete();
        String where = "第" + claimLine.getLineNo() + "行：更正后的银行卡号与支付失败的卡号相同，请核对";
        WebElement refusal = browser.textIn(By.cssSelector(".notifications .alert, .alert-danger"), where);
        assertThat(refusal.getText()).doesNotContain("Exception", "ENGINE-", "correctedCard", "failedLines")
                .doesNotContainPattern("[A-Za-z]{3,}");
        browser.screenshot("bank-result-refused");
        closeRefusals(browser, where);

        // a valid card with a note: the batch is settled, the claim's payment waits for the next batch
        tasklist.type("更正后的银行卡号", 0, "6217 0000 1111 2222 333");
        tasklist.type("更正说明", 0, "收款人提供了本人名下的新卡");
        browser.scrollIntoView(browser.textIn(By.cssSelector(".fjs-form .fjs-form-field-dynamiclist"), "支付失败的款项"));
        browser.screenshot("bank-result-form");
        tasklist.complete();
        logOut(browser);

        assertThat(cases.engineHistoryEnd(pi)).isEqualTo("batchSettled");
        assertThat(payments.batch(pi).getStatus()).isEqualTo(PaymentBatch.Status.SETTLED);
        assertThat(disbursements.findById(claim.getId())).get().satisfies(d -> {
            assertThat(d.getStatus()).isEqualTo(Disbursement.PENDING);
            assertThat(d.getReissueCount()).isEqualTo(1);
            assertThat(d.getBankCard()).isEqualTo(NEW_CARD);
        });
        assertThat(disbursements.findById(grant.getId())).get().extracting(Disbursement::getStatus)
                .isEqualTo(Disbursement.PAID);

        // the pictures of the user guide
        Path guide = Path.of("docs", "images", "guide");
        Files.createDirectories(guide);
        copyLatest("start-form", guide.resolve("payment-start-form.png"));
        copyLatest("approval-form", guide.resolve("payment-approval.png"));
        copyLatest("bank-result-form", guide.resolve("payment-bank-result.png"));
    }

    // ------------------------------------------------------------------ helpers

    private HttpResponse<String> upload(String path, String user, String fileName, byte[] content) throws Exception {
        String boundary = "----union-assist-payment";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(url(path)))
                        .header("Authorization", RestBodies.basic(user))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The cells of the form-js table with this label, column by column (header text → cells in row order). */
    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> tableColumns(Browser browser, String label) {
        return browser.until("the table " + label, d -> {
            Map<String, List<String>> columns = (Map<String, List<String>>) ((JavascriptExecutor) d).executeScript("""
                    const field = Array.from(document.querySelectorAll('[cam-tasklist-form-camunda] .fjs-form-field-table'))
                        .find(t => t.innerText.includes(arguments[0]));
                    if (!field) return null;
                    const heads = Array.from(field.querySelectorAll('thead th')).map(th => th.innerText.trim());
                    const rows = Array.from(field.querySelectorAll('tbody tr'))
                        .map(tr => Array.from(tr.querySelectorAll('td')).map(td => td.innerText.trim()));
                    const columns = {};
                    heads.forEach((h, i) => columns[h] = rows.map(r => r[i] === undefined ? '' : r[i]));
                    return columns;""", label);
            return columns == null || columns.isEmpty() ? null : new LinkedHashMap<>(columns);
        });
    }

    /** The values of the form's inputs under each of these labels, in the order of the rows. */
    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> inputColumns(Browser browser, String... labels) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (String label : labels) {
            columns.put(label, (List<String>) ((JavascriptExecutor) browser.driver).executeScript(
                    "return Array.from(document.querySelectorAll('[cam-tasklist-form-camunda] .fjs-form "
                            + ".fjs-form-field-dynamiclist label.fjs-form-field-label[for]'))"
                            + ".filter(l => l.textContent.replace('*', '').trim() === arguments[0])"
                            + ".map(l => document.getElementById(l.getAttribute('for')))"
                            + ".filter(i => i).map(i => i.value);", label));
        }
        return columns;
    }
}
