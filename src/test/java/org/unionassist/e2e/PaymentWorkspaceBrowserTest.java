package org.unionassist.e2e;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionassist.payment.Disbursement;
import org.unionassist.payment.DisbursementRepository;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.PaymentDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 付款工作台 (/payments/) in a Chinese browser. With a batch approved through the engine (a medical claim and an
 * education grant among its lines), the city's clerk logs in on the page, opens the batch, downloads the bank file and
 * uploads the bank's result with the claim refused: the summary is said in Chinese; the same file again changes
 * nothing and says so. In 支付失败待更正 an invalid card is refused in the page, a valid one re-issues the claim's
 * payment. The city's auditor reconciles March to July (相符) and exports it; the city's chair is refused the bank
 * file in the page; a district's clerk is told at the login form that the page is the city's. Screenshots for the
 * user guide in docs/images/guide/payments-workspace-*.png.
 */
class PaymentWorkspaceBrowserTest extends BrowserTestBase {

    static final LocalDate PAY_DAY = LocalDate.of(2026, 7, 10);
    static final String NEW_CARD = "6217000011112222333";
    /** What a page writes in English when nothing translates it. */
    static final String[] ENGLISH = WarmthCampaignBrowserTest.ENGLISH;
    static final Path GUIDE = Path.of("docs", "images", "guide");

    @Autowired PaymentDriver payments;
    @Autowired DisbursementRepository disbursements;

    @BeforeEach
    void payDay() {
        CaseDriver.today(PAY_DAY);
    }

    @AfterEach
    void resetClock() {
        CaseDriver.realTime();
    }

    private void logInOnThePage(Browser browser, String user) {
        browser.get(url("/payments/"));
        browser.type(By.id("login-username"), user);
        browser.type(By.id("login-password"), "demo");
        browser.click(By.id("login-submit"));
        browser.textIn(By.id("who"), user);
    }

    private static void guide(Path screenshot, String name) throws Exception {
        Files.createDirectories(GUIDE);
        Files.copy(screenshot, GUIDE.resolve("payments-workspace-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void noEnglish(Browser browser) {
        assertThat(browser.bodyText()).doesNotContain(ENGLISH).doesNotContain("null", "undefined", "NaN", "\"code\"");
    }

    private static void upload(Browser browser, Path file) {
        WebElement input = browser.driver.findElement(By.id("import-file"));
        input.sendKeys(file.toAbsolutePath().toString());
        browser.textIn(By.id("import-file-name"), file.getFileName().toString());
        browser.click(By.id("import-submit"));
    }

    @Test
    void aClerkImportsTheBankResultAndReissuesAFailedPaymentTheAuditorReconcilesTheChairIsRefusedTheBankFile(
            TestInfo test) throws Exception {
        Disbursement claim = payments.approvedClaim("周海峰");
        Disbursement grant = payments.approvedGrant();
        CaseDriver.today(PAY_DAY);
        ProcessInstance pi = payments.approved("city.clerk", "city.chair");
        String number = payments.batch(pi).number();
        int lines = payments.lines(pi).size();
        assertThat(lines).isGreaterThanOrEqualTo(2);
        Path result = Files.createTempFile("bank-result-", ".xlsx");
        Files.write(result, payments.bankResult(pi, Map.of(claim.getId(), "账户已冻结")));

        // 1. the clerk logs in on the page and opens the batch: its lines with the cards masked
        Browser browser = browser("zh-CN", test);
        browser.get(url("/payments/"));
        browser.visible(By.id("login-form"));
        assertThat(browser.all(By.id("message")).get(0).isDisplayed()).as("no error before anything is done").isFalse();
        guide(browser.screenshot("login"), "login");
        logInOnThePage(browser, "city.clerk");
        browser.textIn(By.id("batches-list"), number);
        browser.textIn(By.id("batches-list"), "已批准，待银行回单");
        guide(browser.screenshot("batches"), "batches");
        browser.click(By.linkText(number));
        browser.textIn(By.id("batch-title"), number);
        browser.textIn(By.id("batch-lines"), "周海峰");
        browser.textIn(By.id("batch-lines"), "职工医疗互助理赔");
        browser.textIn(By.id("batch-facts"), "city.chair");
        assertThat(browser.bodyText()).doesNotContain(claim.getBankCard(), grant.getBankCard());

        // the bank file: saved, and its download on record
        browser.click(By.id("bank-file"));
        Path bankFile = browser.downloaded(".xlsx");
        assertThat(bankFile.getFileName().toString()).startsWith("银行批量代付-" + number);
        browser.textIn(By.id("batch-downloads"), "city.clerk");

        // 2. the bank's result with the claim refused
        upload(browser, result);
        String summary = "读取" + lines + "行：新登记已支付" + (lines - 1) + "笔、支付失败1笔，此前已登记0笔未变；尚待回单0笔";
        browser.textIn(By.id("import-result"), summary);
        browser.textIn(By.id("import-result"), "支付失败待更正");
        browser.textIn(By.id("batch-lines"), "账户已冻结");
        browser.textIn(By.id("batch-imports"), "city.clerk");
        browser.textIn(By.id("batch-facts"), "支付失败");
        assertThat(disbursements.findById(claim.getId())).get().extracting(Disbursement::getStatus)
                .isEqualTo(Disbursement.FAILED);
        assertThat(disbursements.findById(grant.getId())).get().extracting(Disbursement::getStatus)
                .isEqualTo(Disbursement.PAID);
        noEnglish(browser);
        browser.scrollIntoView(browser.visible(By.id("import-result")));
        guide(browser.screenshot("imported"), "batch");

        // the same file again: nothing changes, and the page says so
        upload(browser, result);
        browser.textIn(By.id("import-result"), "本次没有任何变更（此前已登记" + lines + "笔未变）；尚待回单0笔");
        List<List<String>> imports = browser.until("two imports on record", d -> {
            List<List<String>> rows = d.findElements(By.cssSelector("#batch-imports tbody tr")).stream()
                    .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
            return rows.size() == 2 ? rows : null;
        });
        // 读取行数, 新登记已支付, 新登记支付失败, 此前已登记
        assertThat(imports.get(0).subList(2, 6)).containsExactly(String.valueOf(lines), String.valueOf(lines - 1), "1", "0");
        assertThat(imports.get(1).subList(2, 6)).containsExactly(String.valueOf(lines), "0", "0", String.valueOf(lines));
        assertThat(browser.visible(By.id("import-file-name")).getText()).isEqualTo("未选择文件");
        assertThat(browser.visible(By.id("import-result")).getText()).doesNotContain("新登记");
        browser.screenshot("imported-again");

        // 3. 支付失败待更正: an invalid card refused in the page, then a valid one
        browser.click(By.cssSelector("#tabs a[data-tab=failed]"));
        browser.textIn(By.id("failed-list"), claim.getCaseNumber());
        browser.textIn(By.id("failed-list"), "账户已冻结");
        browser.textIn(By.id("failed-list"), "职工医疗互助理赔");
        String row = "#failed-list tr[data-disbursement='" + claim.getId() + "'] ";
        assertThat(browser.visible(By.cssSelector(row + "td:nth-child(5)")).getText()).contains("*")
                .isNotEqualTo(claim.getBankCard());
        browser.type(By.id("card-" + claim.getId()), "6217 0000");
        browser.type(By.id("note-" + claim.getId()), "收款人提供了新卡");
        browser.click(By.id("reissue-" + claim.getId()));
        browser.textIn(By.id("message"), "银行卡号应为12至19位数字");
        browser.textIn(By.id("said-" + claim.getId()), "银行卡号应为12至19位数字");
        noEnglish(browser);
        guide(browser.screenshot("reissue-refused"), "failed");
        assertThat(disbursements.findById(claim.getId())).get().extracting(Disbursement::getReissueCount).isEqualTo(0);

        browser.type(By.id("card-" + claim.getId()), "6217 0000 1111 2222 333");
        browser.type(By.id("note-" + claim.getId()), "收款人提供了本人名下的新卡");
        browser.click(By.id("reissue-" + claim.getId()));
        browser.textIn(By.id("message"), "已更正：案件 " + claim.getCaseNumber());
        browser.until("the corrected row gone", d -> d.findElements(By.id("reissue-" + claim.getId())).isEmpty());
        browser.screenshot("reissued");
        assertThat(browser.visible(By.id("failed-list")).getText()).doesNotContain(claim.getCaseNumber());
        assertThat(disbursements.findById(claim.getId())).get().satisfies(d -> {
            assertThat(d.getStatus()).isEqualTo(Disbursement.PENDING);
            assertThat(d.getReissueCount()).isEqualTo(1);
            assertThat(d.getBankCard()).isEqualTo(NEW_CARD);
        });
        assertThat(browser.bodyText()).doesNotContain(NEW_CARD);
        noEnglish(browser);
        browser.click(By.id("logout"));
        browser.visible(By.id("login-form"));

        // 4. the city's auditor reconciles March to July, and exports it (a browser of its own: its own downloads)
        Browser auditor = browser("zh-CN", test);
        logInOnThePage(auditor, "city.auditor");
        auditor.click(By.cssSelector("#tabs a[data-tab=reconciliation]"));
        auditor.until("months set", d -> ((JavascriptExecutor) d).executeScript(
                "document.getElementById('r-from').value = '2026-03';"
                        + "document.getElementById('r-to').value = '2026-07'; return true;"));
        auditor.click(By.id("reconciliation-submit"));
        auditor.textIn(By.id("reconciliation-summary"), "审批月份 2026-03 至 2026-07");
        auditor.textIn(By.id("reconciliation-summary"), "全部相符");
        auditor.textIn(By.id("reconciliation-rows"), "职工医疗互助理赔");
        auditor.textIn(By.id("reconciliation-rows"), "金秋助学");
        List<String> verdicts = auditor.until("the verdicts", d -> {
            List<String> texts = d.findElements(By.cssSelector("#reconciliation-rows tbody td:nth-child(14)"))
                    .stream().map(WebElement::getText).toList();
            return texts.isEmpty() ? null : texts;
        });
        assertThat(verdicts).containsOnly("相符");
        noEnglish(auditor);
        guide(auditor.screenshot("reconciliation"), "reconciliation");
        auditor.click(By.id("reconciliation-export"));
        Path exported = auditor.downloaded(".xlsx");
        assertThat(exported.getFileName().toString()).startsWith("付款对账");
        try (Workbook workbook = WorkbookFactory.create(exported.toFile())) {
            Sheet sheet = workbook.getSheet("付款对账");
            DataFormatter cells = new DataFormatter();
            List<String> verdictsInFile = new ArrayList<>();
            sheet.forEach(r -> verdictsInFile.add(cells.formatCellValue(r.getCell(13))));
            assertThat(verdictsInFile).contains("对账结果", "相符").doesNotContain("不符");
        }
        // the auditor reads the batch but may not import into it
        auditor.get(url("/payments/#batch/" + number));
        auditor.textIn(By.id("batch-lines"), "周海峰");

        // 5. the city's chair reads the batch but is offered neither the bank file nor the import: the payer's
        Browser chair = browser("zh-CN", test);
        logInOnThePage(chair, "city.chair");
        chair.get(url("/payments/#batch/" + number));
        chair.textIn(By.id("batch-lines"), "周海峰");
        chair.textIn(By.id("payer-only"), "仅由市总工会经办人（付款人）办理");
        assertThat(chair.driver.findElement(By.id("bank-file")).isDisplayed()).isFalse();
        assertThat(chair.driver.findElement(By.id("import-submit")).isDisplayed()).isFalse();
        noEnglish(chair);
        guide(chair.screenshot("payer-only"), "payer-only");
        assertThat(chair.all(By.cssSelector("#batch-downloads tbody tr")).stream().map(WebElement::getText).toList())
                .noneMatch(t -> t.contains("city.chair"));

        // 6. a district's clerk, who may use Tasklist but not the city's payments, is told so at the login form
        Browser district = browser("zh-CN", test);
        district.get(url("/payments/#batch/" + number));
        district.type(By.id("login-username"), "eaststeel.clerk");
        district.type(By.id("login-password"), "demo");
        district.click(By.id("login-submit"));
        district.textIn(By.id("message"), "只有市总工会经办人、审批人和经审委员可以查看付款批次");
        district.visible(By.id("login-form"));
        assertThat(district.visible(By.tagName("body")).getText()).doesNotContain("周海峰", number);
    }
}
