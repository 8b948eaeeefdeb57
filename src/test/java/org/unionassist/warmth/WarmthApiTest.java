package org.unionassist.warmth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.unionassist.support.ApiCalls;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.Spreadsheets;
import org.unionassist.support.WarmthDriver;
import org.unionassist.support.WarmthDriver.Share;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 两节送温暖 over HTTP: a list and its visits uploaded as Excel files by the union's clerk, one visit recorded on its
 * own, an allocation revised by the parent's clerk, the ledger and the settlement (figures and Excel) as each level
 * may see them; every refusal with a stable code, a 4xx status and a Chinese message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:union-assist-warmth-api-test;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("demo")
class WarmthApiTest {

    @LocalServerPort int port;
    @Autowired WarmthDriver warmth;
    @Autowired CaseDriver driver;
    private ApiCalls api;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void today() {
        api = new ApiCalls(port);
        CaseDriver.today(WarmthCampaignProcessTest.TODAY);
    }

    @AfterEach
    void realTime() {
        CaseDriver.realTime();
    }

    private ProcessInstance campaign() {
        ProcessInstance campaign = warmth.approvedCampaign("200000", 200, WarmthCampaignProcessTest.LISTS_DUE,
                WarmthCampaignProcessTest.VISITS_DUE);
        warmth.allocateDistricts(campaign, Map.of("east", new Share("100000", 100)));
        warmth.allocateUnions(campaign, "east", Map.of("eaststeel", new Share("50000", 50)));
        return campaign;
    }

    @Test
    void theUnionsClerkUploadsItsListAndVisitsAndOthersAreRefused() throws Exception {
        ProcessInstance campaign = campaign();
        ProcessInstance list = warmth.listOf(campaign, "eaststeel");
        String number = (String) driver.runtime().getVariable(list.getId(), "caseNumber");
        byte[] file = Spreadsheets.excel(new Object[][] {{"姓名", "身份证号", "慰问对象类别"},
                {"王一线", IdNumbers.next(), "一线及节日值守职工"}, {"赵新", IdNumbers.next(), "新就业形态劳动者"},
                {"无号", "", "一线及节日值守职工"}});

        HttpResponse<String> outsider = api.upload("/api/warmth/lists/" + number + "/recipients", "westtextile.clerk", "名单.xlsx", file);
        assertThat(outsider.statusCode()).isEqualTo(403);
        assertThat(json.readTree(outsider.body()).get("message").asText()).contains("本基层工会的经办人");

        HttpResponse<String> broken = api.upload("/api/warmth/lists/" + number + "/recipients", "eaststeel.clerk", "名单.pdf", file);
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(json.readTree(broken.body()).get("message").asText()).contains("只支持 Excel");

        HttpResponse<String> uploaded = api.upload("/api/warmth/lists/" + number + "/recipients", "eaststeel.clerk", "名单.xlsx", file);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        JsonNode answer = json.readTree(uploaded.body());
        assertThat(answer.get("imported").asInt()).isEqualTo(3);
        assertThat(answer.get("flagged").asInt()).isEqualTo(1);
        assertThat(driver.runtime().getVariable(list.getId(), "listShown").toString()).contains("名单共 3 人");

        warmth.submitList(list, "eaststeel", List.of(), "");
        HttpResponse<String> tooLate = api.upload("/api/warmth/lists/" + number + "/recipients", "eaststeel.clerk", "名单.xlsx", file);
        assertThat(tooLate.statusCode()).isEqualTo(409);
        assertThat(json.readTree(tooLate.body()).get("code").asInt()).isEqualTo(WarmthError.LIST_NOT_OPEN.code());

        warmth.approveList(list, "east", f -> new String[] {"remove"});
        // the visit sheet: the people still without an outcome, line and name filled in; the visitor fills line 1
        HttpResponse<byte[]> sheet = api.download("/api/exports/warmth/lists/" + number + "/visit-sheet.xlsx", "eaststeel.clerk");
        assertThat(sheet.statusCode()).isEqualTo(200);
        assertThat(api.download("/api/exports/warmth/lists/" + number + "/visit-sheet.xlsx", "east.clerk").statusCode())
                .isEqualTo(403);
        byte[] visits;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(sheet.body()));
             ByteArrayOutputStream filled = new ByteArrayOutputStream()) {
            var rows = book.getSheetAt(0);
            assertThat(rows.getRow(0).getCell(2).getStringCellValue()).startsWith("发放结果");
            assertThat(rows.getLastRowNum()).isEqualTo(2);
            assertThat(rows.getRow(1).getCell(1).getStringCellValue()).isEqualTo("王一线");
            var first = rows.getRow(1);
            first.createCell(2).setCellValue("已送达");
            first.getCell(3).setCellValue("2026-12-09");
            first.createCell(4).setCellValue("米、油");
            first.createCell(6).setCellValue("东钢经办人");
            first.createCell(7).setCellValue("签字");
            // line 2 left as downloaded: not recorded yet, skipped
            book.write(filled);
            visits = filled.toByteArray();
        }
        HttpResponse<String> recorded = api.upload("/api/warmth/lists/" + number + "/deliveries", "eaststeel.clerk", "慰问.xlsx", visits);
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        assertThat(json.readTree(recorded.body()).get("open").asInt()).isEqualTo(1);
        assertThat(json.readTree(recorded.body()).get("skipped").asInt()).isEqualTo(1);

        HttpResponse<String> wrongLine = api.call("PUT", "/api/warmth/lists/" + number + "/deliveries/9", "eaststeel.clerk",
                "{\"outcome\":\"unreached\",\"visitor\":\"东钢经办人\"}");
        assertThat(wrongLine.statusCode()).isEqualTo(400);
        assertThat(json.readTree(wrongLine.body()).get("message").asText()).contains("没有第9行");
        HttpResponse<String> one = api.call("PUT", "/api/warmth/lists/" + number + "/deliveries/2", "eaststeel.clerk",
                "{\"outcome\":\"unreached\",\"visitor\":\"东钢经办人\"}");
        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        assertThat(json.readTree(one.body()).get("open").asInt()).isZero();

        HttpResponse<byte[]> listBook = api.download("/api/exports/warmth/lists/" + number + ".xlsx", "east.auditor");
        assertThat(listBook.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(listBook.body()))) {
            String row = book.getSheetAt(0).getRow(2).getCell(2).getStringCellValue();
            assertThat(row).contains("****");
        }
        assertThat(api.download("/api/exports/warmth/lists/" + number + ".xlsx", "west.auditor").statusCode()).isEqualTo(403);
    }

    @Test
    void theParentsClerkRevisesAnAllocationNeverBelowWhatIsCommitted() throws Exception {
        ProcessInstance campaign = campaign();
        String number = (String) driver.runtime().getVariable(campaign.getId(), "caseNumber");
        ProcessInstance list = warmth.listOf(campaign, "eaststeel");
        warmth.submitList(list, "eaststeel", List.of(WarmthDriver.person("甲", IdNumbers.next(), "frontLine", "")), "");
        warmth.approveList(list, "east", f -> new String[] {"remove"});

        HttpResponse<String> notParent = api.call("PUT", "/api/warmth/campaigns/" + number + "/allocations/eaststeel",
                "eaststeel.clerk", "{\"amount\":100,\"recipients\":1}");
        assertThat(notParent.statusCode()).isEqualTo(403);
        HttpResponse<String> below = api.call("PUT", "/api/warmth/campaigns/" + number + "/allocations/eaststeel",
                "east.clerk", "{\"amount\":100,\"recipients\":1}");
        assertThat(below.statusCode()).isEqualTo(409);
        JsonNode refusal = json.readTree(below.body());
        assertThat(refusal.get("code").asInt()).isEqualTo(WarmthError.BELOW_COMMITTED.code());
        assertThat(refusal.get("message").asText()).contains("已占用和支出500.00元");
        HttpResponse<String> revised = api.call("PUT", "/api/warmth/campaigns/" + number + "/allocations/eaststeel",
                "east.clerk", "{\"amount\":20000,\"recipients\":20}");
        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
        assertThat(json.readTree(revised.body()).get("available").decimalValue()).isEqualByComparingTo("19500.00");

        HttpResponse<String> ledger = api.call("GET", "/api/warmth/campaigns/" + number + "/ledger", "east.auditor", null);
        assertThat(ledger.statusCode()).isEqualTo(200);
        assertThat(json.readTree(ledger.body()).findValuesAsText("unionId")).containsExactlyInAnyOrder("east", "eaststeel", "eaststreet");

        HttpResponse<String> unknown = api.call("GET", "/api/warmth/campaigns/SNW2027-9999/ledger", "city.clerk", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).get("message").asText()).contains("没有编号为SNW2027-9999的送温暖活动");

        HttpResponse<byte[]> city = api.download("/api/exports/warmth/" + number + "/settlement.xlsx?union=city", "city.clerk");
        assertThat(city.statusCode()).isEqualTo(200);
        assertThat(city.headers().firstValue("Content-Disposition").orElse("")).contains("warmth-settlement");
        assertThat(api.download("/api/exports/warmth/" + number + "/settlement.xlsx?union=east", "westtextile.clerk")
                .statusCode()).isEqualTo(403);
        HttpResponse<String> figures = api.call("GET", "/api/warmth/campaigns/" + number + "/settlement?union=east", "east.clerk", null);
        assertThat(figures.statusCode()).isEqualTo(200);
        assertThat(figures.body()).contains("东城钢铁厂工会").contains("一线及节日值守职工");
    }
}
