package org.unionassist.e2e;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.unionassist.payment.DisbursementRepository;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.MedicalAidDriver;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.unionassist.support.MedicalAidDriver.documentsChecked;
import static org.unionassist.support.MedicalAidDriver.inpatientClaim;

/**
 * An operator finds a failed payment step in Cockpit, reads its Chinese incident, and after the cause is removed
 * gives the job another try with Cockpit's own retry dialog; the member is then paid once. The payment table refuses
 * the case's row until the operator's fix (a constraint the test adds and drops).
 */
class OperatorResolvesAnIncidentBrowserTest extends BrowserTestBase {

    private static final String REFUSAL = "ua_browser_payout_refused";

    @Autowired CaseDriver driver;
    @Autowired MedicalAidDriver medical;
    @Autowired JdbcTemplate db;
    @Autowired DisbursementRepository disbursements;
    @Autowired HistoryService history;

    @AfterEach
    void dropTheRefusal() {
        CaseDriver.realTime();
        db.execute("alter table ua_disbursement drop constraint if exists " + REFUSAL);
    }

    @Test
    void theOperatorReadsTheIncidentInChineseAndRetriesTheStepInCockpit(TestInfo test) {
        ProcessInstance claim = paymentThatFailedThreeTimes();

        Browser browser = browser("zh-CN", test);
        logIn(browser, "cockpit", "admin", "admin");
        browser.get(app("cockpit") + "process-instance/" + claim.getId() + "/runtime?tab=incidents-tab");
        browser.textIn(By.cssSelector("table.incidents-tab td.message"), "步骤「核定赔付并生成付款」执行 3 次后仍失败");
        browser.textIn(By.cssSelector("table.incidents-tab td.message"), "请排除原因后在 Cockpit 中重试");
        browser.textIn(By.cssSelector("table.incidents-tab td.activity"), "核定赔付并生成付款");
        browser.textIn(By.cssSelector("table.incidents-tab td.type"), "作业失败");
        assertThat(browser.bodyText()).doesNotContain("Exception while", "Message is null", "Failed Job");
        browser.screenshot("incident");

        // the operator removes the cause, then: 操作 → 增加重试次数 → 重试
        db.execute("alter table ua_disbursement drop constraint " + REFUSAL);
        browser.click(By.cssSelector("table.incidents-tab td.action [ng-click^='openJobRetryDialog(']"));
        browser.textIn(By.cssSelector(".modal-content"), "保留到期日");
        browser.screenshot("retry-dialog");
        browser.click(By.cssSelector(".modal-content button[ng-click='incrementRetry()']"));
        browser.click(By.cssSelector(".modal-content button[ng-click='close(status)']:not(.ng-hide)"));
        browser.until("the incident is resolved", d -> history.createHistoricIncidentQuery()
                .processInstanceId(claim.getId()).resolved().count() == 1);
        browser.until("the incidents tab is empty",
                d -> d.findElements(By.cssSelector("table.incidents-tab td.message")).isEmpty());

        // the browser tests run without the job executor: run the step as it would, once
        medical.settle(claim);
        assertThat(disbursements.findAll()).filteredOn(d -> d.getProcessInstanceId().equals(claim.getId()))
                .singleElement().satisfies(d -> assertThat(d.getAmount()).isEqualByComparingTo("3200.00"));

        browser.screenshot("resolved");
    }

    /** A claim approved by the district whose payment step failed three times: an incident waits for the operator. */
    private ProcessInstance paymentThatFailedThreeTimes() {
        String member = IdNumbers.next();
        medical.enrolAndConfirm("eaststeel", "east", LocalDate.of(2026, 1, 5), "张伟", member);
        CaseDriver.today(LocalDate.of(2026, 3, 20));
        ProcessInstance claim = medical.fileClaim("eaststeel.clerk", inpatientClaim(member, 12000));
        driver.complete(claim, "documentCheck", "eaststeel.clerk", documentsChecked());
        db.execute("alter table ua_disbursement add constraint " + REFUSAL
                + " check (process_instance_id <> '" + claim.getId() + "')");
        driver.complete(claim, "claimDistrictApproval", "east.chair", "approve", "同意赔付");
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThatThrownBy(() -> medical.settle(claim)).isInstanceOf(RuntimeException.class);
        }
        CaseDriver.realTime();
        assertThat(medical.settlement(claim).getRetries()).isZero();
        return claim;
    }
}
