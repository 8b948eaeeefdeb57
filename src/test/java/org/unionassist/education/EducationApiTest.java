package org.unionassist.education;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.unionassist.casework.PersonalData;
import org.unionassist.organisation.Jurisdiction;
import org.unionassist.organisation.UnionLevel;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.EducationGrantDriver;
import org.unionassist.support.IdNumbers;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionassist.support.EducationGrantDriver.temporaryHardship;

/**
 * 金秋助学 over HTTP: the city's quotas, the two Excel lists, withdrawal; every refusal with a stable numeric code
 * and a Chinese message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:union-assist-education-api-test;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("demo")
class EducationApiTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort int port;
    @Autowired CaseDriver driver;
    @Autowired EducationGrantDriver education;
    @Autowired EducationGrantRepository grants;
    @Autowired GrantQuotaRepository quotaRows;
    @Autowired Jurisdiction jurisdiction;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void inTheWindow() {
        CaseDriver.today(EducationGrantDriver.IN_WINDOW);
    }

    @AfterEach
    void resetClock() {
        CaseDriver.realTime();
    }

    // ---------------------------------------------------------------- quotas

    @Test
    void theCitySetsADistrictsQuotaAndNobodyElseCan() throws Exception {
        HttpResponse<String> set = call("PUT", "/api/education-grants/quotas/2026/east", "city.clerk",
                "{\"places\":" + (granted("east") + 3) + "}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        JsonNode answer = json.readTree(set.body());
        assertThat(answer.get("places").asInt()).isEqualTo(granted("east") + 3);
        assertThat(answer.get("districtUnionId").asText()).isEqualTo("east");
        assertThat(quotaRows.findById(new GrantQuota.Key(2026, "east")).orElseThrow().getSetBy())
                .isEqualTo("city.clerk");

        HttpResponse<String> byChair = call("PUT", "/api/education-grants/quotas/2026/east", "city.chair",
                "{\"places\":" + (granted("east") + 3) + "}");
        assertThat(byChair.statusCode()).as(byChair.body()).isEqualTo(200);

        for (String outsider : List.of("east.chair", "east.clerk", "eaststeel.clerk", "city.auditor")) {
            HttpResponse<String> refused = call("PUT", "/api/education-grants/quotas/2026/east", outsider,
                    "{\"places\":50}");
            assertRefused(refused, 403, 20032);
            assertThat(json.readTree(refused.body()).get("message").asText()).as(outsider).contains("市总工会");
        }
        assertThat(quotaRows.findById(new GrantQuota.Key(2026, "east")).orElseThrow().getPlaces())
                .as("refused calls change nothing").isEqualTo(granted("east") + 3);

        assertRefused(call("PUT", "/api/education-grants/quotas/2026/east", "city.clerk", "{\"places\":-1}"),
                400, 20001);
        assertRefused(call("PUT", "/api/education-grants/quotas/2026/east", "city.clerk", "{\"places\":100001}"),
                400, 20001);
        assertRefused(call("PUT", "/api/education-grants/quotas/2026/east", "city.clerk", "{}"), 400, 20001);
        HttpResponse<String> unknown = call("PUT", "/api/education-grants/quotas/2026/nowhere", "city.clerk",
                "{\"places\":3}");
        assertRefused(unknown, 400, 20001);
        assertThat(json.readTree(unknown.body()).get("message").asText()).contains("未知的单位");
        HttpResponse<String> notADistrict = call("PUT", "/api/education-grants/quotas/2026/eaststeel", "city.clerk",
                "{\"places\":3}");
        assertRefused(notADistrict, 400, 20001);
        assertThat(json.readTree(notADistrict.body()).get("message").asText()).contains("不是区总工会");

        assertThat(call("PUT", "/api/education-grants/quotas/2026/east", null, "{\"places\":3}").statusCode())
                .isEqualTo(401);
    }

    @Test
    void theYearsQuotasListEveryDistrict() throws Exception {
        assertThat(call("PUT", "/api/education-grants/quotas/2031/west", "city.clerk", "{\"places\":7}")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> listed = call("GET", "/api/education-grants/quotas/2031", "east.clerk", null);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        JsonNode rows = json.readTree(listed.body());
        List<String> districts = new ArrayList<>();
        Map<String, JsonNode> byDistrict = new HashMap<>();
        rows.forEach(r -> {
            districts.add(r.get("districtUnionId").asText());
            byDistrict.put(r.get("districtUnionId").asText(), r);
            assertThat(r.get("districtName").asText()).matches(".*\\p{IsHan}.*");
            assertThat(r.get("year").asInt()).isEqualTo(2031);
        });
        assertThat(districts).containsExactlyInAnyOrderElementsOf(jurisdiction.unionsAt(UnionLevel.DISTRICT)
                .stream().map(u -> u.getId()).toList());
        assertThat(byDistrict.get("west").get("places").asInt()).isEqualTo(7);
        assertThat(byDistrict.get("west").get("granted").asInt()).isZero();
        assertThat(byDistrict.get("east").get("places").isNull()).as("not set yet").isTrue();
        assertThat(byDistrict.get("east").get("granted").asInt()).isZero();

        assertThat(call("GET", "/api/education-grants/quotas/2031", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aQuotaCannotBeLoweredBelowThePlacesAlreadyGranted() throws Exception {
        grantedAndPaid("eaststeel", "undergraduate");
        int granted = granted("east");
        assertThat(granted).isGreaterThanOrEqualTo(1);

        HttpResponse<String> lowered = call("PUT", "/api/education-grants/quotas/2026/east", "city.clerk",
                "{\"places\":" + (granted - 1) + "}");
        assertRefused(lowered, 409, 20608);
        assertThat(json.readTree(lowered.body()).get("message").asText()).contains("东城区总工会2026年已批准");
        HttpResponse<String> same = call("PUT", "/api/education-grants/quotas/2026/east", "city.clerk",
                "{\"places\":" + granted + "}");
        assertThat(same.statusCode()).as(same.body()).isEqualTo(200);
        assertThat(json.readTree(same.body()).get("granted").asInt()).isEqualTo(granted);
    }

    // ---------------------------------------------------------------- exports

    @Test
    void theDistrictsNoticeListShowsItsApprovedApplicationsMasked() throws Exception {
        String student = IdNumbers.next();
        ProcessInstance onNotice = education.awaitingDistrict("eaststeel",
                temporaryHardship(student, IdNumbers.next(), "undergraduate"));
        String waitingStudent = IdNumbers.next();
        ProcessInstance waiting = education.file("eaststreet.clerk",
                temporaryHardship(waitingStudent, IdNumbers.next(), "highSchool"));
        approveInOneSitting("east", onNotice);
        EducationGrant g = grants.findByProcessInstanceId(onNotice.getId()).orElseThrow();
        assertThat(g.getStatus()).isEqualTo(EducationGrant.Status.ON_NOTICE);

        HttpResponse<byte[]> list = download("/api/exports/education/notice-list.xlsx?year=2026&district=east",
                "east.clerk");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type").orElse("")).startsWith(XLSX);
        List<List<String>> rows = sheet(list.body());
        String text = rows.toString();
        assertThat(text).contains("公示").doesNotContain(student).doesNotContain(waitingStudent)
                .doesNotContain(g.getBankCard());
        assertThat(rows).anySatisfy(r -> assertThat(r).contains(g.getCaseNumber(), g.getStudentName(),
                PersonalData.maskIdNumber(student), "东城钢铁厂工会", "本科"));
        assertThat(rows).noneSatisfy(r -> assertThat(r).contains(education.caseNumber(waiting)));
        assertThat(rows).anySatisfy(r -> assertThat(r.get(0)).isEqualTo("合计"));
        assertThat(rows.stream().flatMap(List::stream))
                .noneMatch(cell -> cell.matches(".*(?<![0-9])[0-9]{17}[0-9Xx](?![0-9]).*"));

        assertThat(download("/api/exports/education/notice-list.xlsx?year=2026&district=east", "city.chair")
                .statusCode()).isEqualTo(200);
        assertRefused(call("GET", "/api/exports/education/notice-list.xlsx?year=2026&district=east", "west.clerk",
                null), 403, 20032);
        assertRefused(call("GET", "/api/exports/education/notice-list.xlsx?year=2026&district=nowhere", "east.clerk",
                null), 400, 20001);
        assertThat(call("GET", "/api/exports/education/notice-list.xlsx?year=2026&district=east", null, null)
                .statusCode()).isEqualTo(401);
    }

    @Test
    void theCitysListCountsTheGrantsPerDistrictAndLevel() throws Exception {
        ProcessInstance east = grantedAndPaid("eaststeel", "undergraduate");
        ProcessInstance west = grantedAndPaid("westtextile", "highSchool");
        EducationGrant eastGrant = grants.findByProcessInstanceId(east.getId()).orElseThrow();
        EducationGrant westGrant = grants.findByProcessInstanceId(west.getId()).orElseThrow();
        assertThat(eastGrant.getStatus()).isEqualTo(EducationGrant.Status.GRANTED);

        HttpResponse<byte[]> list = download("/api/exports/education/grants-by-district.xlsx?year=2026",
                "city.chair");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type").orElse("")).startsWith(XLSX);
        List<List<String>> rows = sheet(list.body());
        assertThat(rows).anySatisfy(r -> assertThat(r).containsSequence("区总工会", "就读层次", "资助人数", "资助金额（元）"));
        List<EducationGrant> granted = grants.findAll().stream().filter(g -> g.getGrantYear() == 2026
                && g.getStatus() == EducationGrant.Status.GRANTED).toList();
        for (EducationGrant mine : List.of(eastGrant, westGrant)) {
            List<EducationGrant> same = granted.stream().filter(g -> g.getDistrictUnionId()
                    .equals(mine.getDistrictUnionId()) && g.getLevel() == mine.getLevel()).toList();
            String name = jurisdiction.union(mine.getDistrictUnionId()).getName();
            String amount = same.stream().map(EducationGrant::getAmount)
                    .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add).setScale(2).toPlainString();
            assertThat(rows).as(name + " " + mine.getLevel().label()).anySatisfy(r -> {
                assertThat(r.get(0)).isEqualTo(name);
                assertThat(r.get(1)).isEqualTo(mine.getLevel().label());
                assertThat(r.get(2)).isEqualTo(String.valueOf(same.size()));
                assertThat(new java.math.BigDecimal(r.get(3).replace(",", ""))).isEqualByComparingTo(amount);
            });
        }
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get(0)).isEqualTo("全市合计");
            assertThat(r.get(2)).isEqualTo(String.valueOf(granted.size()));
        });

        assertThat(download("/api/exports/education/grants-by-district.xlsx?year=2026", "city.auditor")
                .statusCode()).isEqualTo(200);
        for (String outsider : List.of("east.clerk", "east.chair", "east.auditor", "eaststeel.clerk")) {
            HttpResponse<String> refused = call("GET", "/api/exports/education/grants-by-district.xlsx?year=2026",
                    outsider, null);
            assertRefused(refused, 403, 20032);
        }
    }

    // ---------------------------------------------------------------- withdrawal

    @Test
    void aWithdrawalNeedsAReasonAndALogin() throws Exception {
        ProcessInstance pi = education.file("eaststeel.clerk",
                temporaryHardship(IdNumbers.next(), IdNumbers.next(), "juniorCollege"));
        String path = "/api/education-grants/" + pi.getId() + "/withdrawal";

        assertRefused(call("POST", path, "eaststeel.clerk", null), 400, 20022);
        assertRefused(call("POST", path, "eaststeel.clerk", "{}"), 400, 20022);
        assertRefused(call("POST", path, "eaststeel.clerk", "{\"reason\":\"   \"}"), 400, 20022);
        assertThat(call("POST", path, null, "{\"reason\":\"家长放弃\"}").statusCode()).isEqualTo(401);
        assertRefused(call("POST", path, "westtextile.clerk", "{\"reason\":\"家长放弃\"}"), 403, 20032);
        assertRefused(call("POST", "/api/education-grants/no-such-case/withdrawal", "eaststeel.clerk",
                "{\"reason\":\"家长放弃\"}"), 404, 20033);
        assertThat(grants.findByProcessInstanceId(pi.getId()).orElseThrow().getStatus())
                .isEqualTo(EducationGrant.Status.GRASSROOTS_CHECK);

        HttpResponse<String> withdrawn = call("POST", path, "eaststeel.clerk", "{\"reason\":\"家长放弃申请\"}");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        assertThat(grants.findByProcessInstanceId(pi.getId()).orElseThrow().getStatus())
                .isEqualTo(EducationGrant.Status.WITHDRAWN);
    }

    // ---------------------------------------------------------------- helpers

    private int granted(String district) {
        return quotaRows.findById(new GrantQuota.Key(2026, district)).map(GrantQuota::getGranted).orElse(0);
    }

    /** Filed, passed, approved by the district's sitting, through the notice, approved by the city and paid. */
    private ProcessInstance grantedAndPaid(String union, String level) throws Exception {
        ProcessInstance pi = education.awaitingDistrict(union,
                temporaryHardship(IdNumbers.next(), IdNumbers.next(), level));
        String district = jurisdiction.ancestorAtLevel(union, UnionLevel.DISTRICT).getId();
        approveInOneSitting(district, pi);
        driver.fireTimer(pi);
        HttpResponse<String> quota = call("PUT", "/api/education-grants/quotas/2026/" + district, "city.clerk",
                "{\"places\":" + (granted(district) + 1) + "}");
        assertThat(quota.statusCode()).as(quota.body()).isEqualTo(200);
        driver.complete(pi, "cityApproval", "city.chair", "approve", "同意");
        education.pay(pi);
        return pi;
    }

    private void approveInOneSitting(String district, ProcessInstance... mine) {
        ProcessInstance sitting = education.convene(district);
        Map<String, String[]> decisions = new HashMap<>();
        for (Map<String, Object> row : education.agenda(sitting)) {
            decisions.put((String) row.get("caseNumber"), new String[]{"return", "本次会议不研究"});
        }
        for (ProcessInstance pi : mine) {
            decisions.put(education.caseNumber(pi), new String[]{"approve", "同意"});
        }
        education.decide(sitting, district, decisions);
    }

    private void assertRefused(HttpResponse<String> refused, int status, int code) throws Exception {
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(status);
        JsonNode body = json.readTree(refused.body());
        assertThat(body.get("code")).as(refused.body()).isNotNull();
        assertThat(body.get("code").isNumber()).as(refused.body()).isTrue();
        assertThat(body.get("code").asInt()).as(refused.body()).isEqualTo(code);
        assertThat(body.get("message").asText()).as(refused.body()).matches("(?s).*\\p{IsHan}.*")
                .doesNotContain("Exception");
    }

    private static List<List<String>> sheet(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : formatter.formatCellValue(cell).strip());
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    private HttpRequest.Builder request(String method, String path, String user, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (user != null) {
            String password = "admin".equals(user) ? "admin" : "demo";
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private HttpResponse<String> call(String method, String path, String user, String body) throws Exception {
        return http.send(request(method, path, user, body).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> download(String path, String user) throws Exception {
        return http.send(request("GET", path, user, null).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
