package org.unionassist.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.unionassist.casework.register.CaseEntry;
import org.unionassist.casework.register.CaseEntryRepository;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.RestBodies;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exports over HTTP as a browser downloads them: Basic login, an attachment with a Chinese file name, the
 * workbook; refusals in the API's JSON shape. The cap is one row here, so that a search of two cases is too large.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:union-assist-audit-export-api;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "camunda.bpm.job-execution.enabled=false",
        "union-assist.audit.chain.scheduled=false",
        "union-assist.audit.export-max-rows=1"})
@ActiveProfiles("demo")
class AuditExportApiTest {

    @LocalServerPort int port;
    @Autowired CaseDriver driver;
    @Autowired CaseEntryRepository register;
    @Autowired JdbcTemplate db;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private HttpResponse<byte[]> get(String path, String user) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", RestBodies.basic(user)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode body(HttpResponse<byte[]> reply, ObjectMapper json) throws Exception {
        return json.readTree(new String(reply.body(), StandardCharsets.UTF_8));
    }

    private String rejectedAtGrassroots(String union) {
        ProcessInstance pi = driver.apply(union + ".clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
        driver.complete(pi, "homeVisit", union + ".clerk", CaseDriver.visitOf("submit", null, "入户核实"));
        driver.complete(pi, "grassrootsReview", union + ".chair", "reject", "家庭收入明显高于申报");
        return pi.getId();
    }

    private long exportRecords() {
        return db.queryForObject("select count(*) from ua_export_record", Long.class);
    }

    @Test
    void anAuditorDownloadsTheSearchAsAnAttachmentWithAChineseFileName() throws Exception {
        String pid = rejectedAtGrassroots("eaststeel");
        CaseEntry entry = register.findById(pid).orElseThrow();
        String caseNumber = entry.getCaseNumber();

        HttpResponse<byte[]> reply = get("/api/audit/cases.xlsx?caseNumber=" + caseNumber + "&state=ENDED",
                "east.auditor");

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValue(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        String disposition = reply.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).matches("attachment; filename=\"audit-cases_\\d{8}-\\d{6}\\.xlsx\"; "
                + "filename\\*=UTF-8''[A-Za-z0-9%._-]+");
        assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8))
                .matches("案件查询结果_\\d{8}-\\d{6}\\.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(reply.body()))) {
            List<List<String>> cells = AuditExportsTest.cells(workbook.getSheet("案件查询结果"));
            assertThat(cells.get(0).get(0)).contains("办理状态：已办结").contains("导出人：");
            assertThat(cells.get(1)).startsWith("案件号", "业务", "基层工会", "区/县工会", "申请人", "金额");
            assertThat(cells.get(2)).startsWith(caseNumber, "困难职工认定", "东城钢铁厂工会", "东城区总工会",
                    entry.getApplicantMasked());
            assertThat(workbook.getSheet("案件查询结果").getRow(2).getCell(5)).satisfiesAnyOf(
                    amount -> assertThat(amount).isNull(),
                    amount -> assertThat(amount.getCellType()).isEqualTo(CellType.NUMERIC));
        }

        JsonNode mine = body(get("/api/audit/exports", "east.auditor"), json);
        assertThat(mine.path("auditor").asText()).isEqualTo("east.auditor");
        JsonNode last = mine.path("exports").get(0);
        assertThat(last.path("kind").asText()).isEqualTo("SEARCH");
        assertThat(last.path("rowCount").asInt()).isEqualTo(1);
        assertThat(last.path("description").asText()).contains(caseNumber).contains("办理状态：已办结");
        assertThat(last.path("exportedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    }

    @Test
    void aSearchMatchingMoreThanTheCapIsRefusedAndLeavesNoRecord() throws Exception {
        rejectedAtGrassroots("eaststreet");
        rejectedAtGrassroots("eaststreet");
        long before = exportRecords();

        HttpResponse<byte[]> reply = get("/api/audit/cases.xlsx?union=eaststreet", "east.auditor");

        assertThat(reply.statusCode()).isEqualTo(400);
        JsonNode refusal = body(reply, json);
        assertThat(refusal.path("type").asText()).isEqualTo("EXPORT_TOO_LARGE");
        assertThat(refusal.path("code").asInt()).isEqualTo(20500);
        assertThat(refusal.path("message").asText()).contains("超过单次导出的上限 1 件").contains("请缩小查询条件");
        assertThat(exportRecords()).isEqualTo(before);
    }

    @Test
    void aCaseTrailOutsideTheJurisdictionIsNotFoundAndLeavesNoRecord() throws Exception {
        String pid = rejectedAtGrassroots("eaststeel");
        long before = exportRecords();

        HttpResponse<byte[]> outside = get("/api/audit/cases/" + pid + "/trail.xlsx", "westtextile.auditor");
        assertThat(outside.statusCode()).isEqualTo(404);
        assertThat(body(outside, json).path("code").asInt()).isEqualTo(20033);
        assertThat(exportRecords()).isEqualTo(before);

        HttpResponse<byte[]> inside = get("/api/audit/cases/" + pid + "/trail.xlsx", "east.auditor");
        assertThat(inside.statusCode()).isEqualTo(200);
        assertThat(inside.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=\"case-trail_");
        assertThat(exportRecords()).isEqualTo(before + 1);
    }

    @Test
    void anUnknownUnionOrBadCriteriaAreRefusedInChineseWithAStableCodeNotAnInternalError() throws Exception {
        long before = exportRecords();
        for (String path : new String[] {"/api/audit/cases?union=nonexistent", "/api/audit/cases.xlsx?union=nonexistent",
                "/api/audit/statistics?union=nonexistent"}) {
            HttpResponse<byte[]> reply = get(path, "east.auditor");
            assertThat(reply.statusCode()).as(path).isEqualTo(400);
            JsonNode refusal = body(reply, json);
            assertThat(refusal.path("code").asInt()).as(path).isEqualTo(20001);
            assertThat(refusal.path("message").asText()).as(path).isEqualTo("未知的单位：nonexistent");
        }
        HttpResponse<byte[]> dates = get("/api/audit/cases.xlsx?from=2026-12-31&to=2026-12-01", "east.auditor");
        assertThat(dates.statusCode()).isEqualTo(400);
        assertThat(body(dates, json).path("message").asText()).isEqualTo("起始日期不能晚于截止日期");
        HttpResponse<byte[]> negative = get("/api/audit/cases?minAmount=-1", "east.auditor");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(body(negative, json).path("message").asText()).isEqualTo("金额不能为负数");
        assertThat(get("/api/audit/cases?union=westtextile", "east.auditor").statusCode()).isEqualTo(403);
        assertThat(exportRecords()).as("a refused export is not recorded").isEqualTo(before);
    }
}
