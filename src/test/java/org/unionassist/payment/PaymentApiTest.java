package org.unionassist.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.unionassist.support.ApiCalls;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.PaymentDriver;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payments over HTTP: the bank file for the payer only (downloads recorded), the bank's result uploaded and uploaded
 * again, a failed payment re-issued, the reconciliation as JSON and Excel for the city and its auditor; every refusal
 * with a stable code, a 4xx status and a Chinese message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:union-assist-payment-api-test;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("demo")
class PaymentApiTest {

    @LocalServerPort int port;
    @Autowired PaymentDriver payments;
    @Autowired CaseDriver driver;
    @Autowired DisbursementRepository disbursements;
    @Autowired JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();
    private ApiCalls api;

    @BeforeEach
    void client() {
        api = new ApiCalls(port);
    }

    @AfterEach
    void realTime() {
        CaseDriver.realTime();
    }

    @Test
    void thePayerDownloadsTheBankFileUploadsTheResultTwiceAndReissuesTheFailedPayment() throws Exception {
        Disbursement claim = payments.approvedClaim("吴晓东");
        Disbursement grant = payments.approvedGrant();
        CaseDriver.today(LocalDate.of(2026, 7, 10));
        ProcessInstance pi = payments.approved("city.clerk", "city.chair");
        String number = payments.batch(pi).number();
        String bankFile = "/api/exports/payments/batches/" + number + "/bank-file.xlsx";

        for (String notThePayer : new String[]{"city.chair", "city.auditor", "east.clerk"}) {
            HttpResponse<String> refused = api.call("GET", bankFile, notThePayer, null);
            assertThat(refused.statusCode()).as(notThePayer).isEqualTo(403);
            assertThat(body(refused).get("code").asInt()).isEqualTo(PaymentError.NOT_A_PAYER.code());
            assertThat(body(refused).get("message").asText()).contains("市总工会经办人");
        }
        HttpResponse<byte[]> file = api.download(bankFile, "city.clerk");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains("bank-file-" + number);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            DataFormatter cells = new DataFormatter();
            boolean fullCard = false;
            for (var row : workbook.getSheetAt(0)) {
                fullCard |= claim.getBankCard().equals(cells.formatCellValue(row.getCell(2)));
            }
            assertThat(fullCard).as("the bank needs the full card number").isTrue();
        }
        api.download(bankFile, "city.clerk");
        assertThat(jdbc.queryForObject("select count(*) from ua_payment_bank_file_download d join ua_payment_batch b"
                + " on b.id = d.batch_id where b.process_instance_id = ?", Integer.class, pi.getId())).isEqualTo(2);

        HttpResponse<String> batch = api.call("GET", "/api/payments/batches/" + number, "city.auditor", null);
        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
        assertThat(batch.body()).doesNotContain(claim.getBankCard()).contains("downloads");
        assertThat(body(batch).get("downloads")).hasSize(2);

        byte[] answer = payments.bankResult(pi, Map.of(claim.getId(), "户名与账号不符"));
        String results = "/api/payments/batches/" + number + "/bank-result";
        HttpResponse<String> auditorUpload = api.upload(results, "city.auditor", "回单.xlsx", answer);
        assertThat(auditorUpload.statusCode()).isEqualTo(403);
        HttpResponse<String> imported = api.upload(results, "city.clerk", "回单.xlsx", answer);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(body(imported).get("newlyFailed").asInt()).isEqualTo(1);
        HttpResponse<String> again = api.upload(results, "city.clerk", "回单.xlsx", answer);
        assertThat(body(again).get("newlyPaid").asInt() + body(again).get("newlyFailed").asInt()).isZero();
        HttpResponse<String> notASheet = api.upload(results, "city.clerk", "回单.pdf", answer);
        assertThat(notASheet.statusCode()).isEqualTo(400);
        assertThat(body(notASheet).get("message").asText()).contains("Excel");
        assertThat(disbursements.findById(grant.getId())).get().extracting(Disbursement::getStatus).isEqualTo("PAID");

        String reissue = "/api/payments/disbursements/" + claim.getId() + "/reissue";
        HttpResponse<String> sameCard = api.call("POST", reissue, "city.clerk",
                "{\"bankCard\":\"" + claim.getBankCard() + "\",\"note\":\"核对后仍为原卡\"}");
        assertThat(sameCard.statusCode()).isEqualTo(400);
        assertThat(body(sameCard).get("code").asInt()).isEqualTo(PaymentError.CARD_NOT_CORRECTED.code());
        HttpResponse<String> noNote = api.call("POST", reissue, "city.clerk", "{\"bankCard\":\"6217000011112222333\"}");
        assertThat(noNote.statusCode()).isEqualTo(400);
        assertThat(body(noNote).get("message").asText()).isEqualTo("请填写更正说明（如新卡的来源）");
        HttpResponse<String> reissued = api.call("POST", reissue, "city.clerk",
                "{\"bankCard\":\"6217 0000 1111 2222 333\",\"note\":\"收款人提供了本人名下的新卡\"}");
        assertThat(reissued.statusCode()).as(reissued.body()).isEqualTo(200);
        assertThat(reissued.body()).contains("6217 **** **** **** 333").doesNotContain("6217000011112222333");
        String shownOnTask = driver.runtime().getVariableTyped(pi.getId(), "failedLines").getValue().toString();
        assertThat(shownOnTask).as("the open task no longer offers to correct it").contains("已更正，待重新支付")
                .doesNotContain("待更正\"");
        JsonNode imports = body(api.call("GET", "/api/payments/batches/" + number, "city.clerk", null)).get("imports");
        assertThat(imports).hasSize(2);
        assertThat(imports.get(1).get("unchanged").asInt()).isEqualTo(payments.lines(pi).size());
        assertThat(imports.get(0).get("importedBy").asText()).endsWith("（city.clerk）");
        HttpResponse<String> twice = api.call("POST", reissue, "city.clerk",
                "{\"bankCard\":\"6222000011112222\",\"note\":\"再次更正\"}");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(body(twice).get("code").asInt()).isEqualTo(PaymentError.NOT_REISSUABLE.code());
        driver.complete(pi, "bankResult", "city.clerk", "submit", null);

        // the city's auditor reads the batch and the claim's payment in the case view, cards masked
        HttpResponse<String> batchCase = api.call("GET", "/api/audit/cases/" + pi.getId(), "city.auditor", null);
        assertThat(batchCase.statusCode()).as(batchCase.body()).isEqualTo(200);
        assertThat(batchCase.body()).contains("付款明细").contains("银行付款文件下载记录").contains("户名与账号不符")
                .doesNotContain(claim.getBankCard());
        HttpResponse<String> claimCase = api.call("GET", "/api/audit/cases/" + claim.getProcessInstanceId(),
                "city.auditor", null);
        assertThat(claimCase.body()).contains(number + "-").contains("支付失败（户名与账号不符）").contains("已更正银行卡重新支付")
                .contains("更正银行卡后重新支付").doesNotContain("6217000011112222333");

        HttpResponse<String> report = api.call("GET", "/api/payments/reconciliation?from=2026-03&to=2026-07",
                "city.auditor", null);
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(body(report).get("balanced").asBoolean()).isTrue();
        assertThat(report.body()).contains("职工医疗互助理赔").contains("金秋助学").contains("相符");
        HttpResponse<byte[]> workbook = api.download("/api/exports/payments/reconciliation.xlsx?from=2026-03&to=2026-07",
                "city.chair");
        assertThat(workbook.statusCode()).isEqualTo(200);
        try (XSSFWorkbook sheet = new XSSFWorkbook(new ByteArrayInputStream(workbook.body()))) {
            assertThat(sheet.getSheetAt(0).getRow(1).getCell(3).getStringCellValue()).isEqualTo("审批金额");
        }
        HttpResponse<String> district = api.call("GET", "/api/payments/reconciliation?from=2026-03", "east.auditor", null);
        assertThat(district.statusCode()).isEqualTo(403);
        HttpResponse<String> badMonth = api.call("GET", "/api/payments/reconciliation?from=2026-13", "city.clerk", null);
        assertThat(badMonth.statusCode()).isEqualTo(400);
        assertThat(body(badMonth).get("message").asText()).contains("yyyy-MM");
    }

    @Test
    void anUnknownBatchIsNotFoundInWords() throws Exception {
        HttpResponse<String> missing = api.call("GET", "/api/payments/batches/FK2026-9999", "city.clerk", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(body(missing).get("code").asInt()).isEqualTo(PaymentError.BATCH_NOT_FOUND.code());
        assertThat(body(missing).get("message").asText()).isEqualTo("找不到付款批次FK2026-9999");
    }

    private JsonNode body(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body().getBytes(StandardCharsets.UTF_8));
    }
}
