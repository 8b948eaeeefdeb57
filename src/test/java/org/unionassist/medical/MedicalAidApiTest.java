package org.unionassist.medical;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.MedicalAidDriver;
import org.unionassist.support.Spreadsheets;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionassist.support.MedicalAidDriver.documentsChecked;
import static org.unionassist.support.MedicalAidDriver.inpatientClaim;

/** The medical mutual-aid API over HTTP: enrolment lists uploaded as files, and disbursements for the payer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:union-assist-medical-api-test;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("demo")
class MedicalAidApiTest {

    @LocalServerPort int port;
    @Autowired CaseDriver driver;
    @Autowired MedicalAidDriver medical;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void resetClock() {
        CaseDriver.realTime();
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String user) throws Exception {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> upload(String user, int planYear, String fileName, byte[] content) throws Exception {
        String boundary = "----union-assist-test";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"planYear\"\r\n\r\n" + planYear
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/medical-aid/enrolments"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), user);
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET(), user);
    }

    @Test
    void aClerkUploadsAnExcelListWhichGoesToTheDistrictForConfirmation() throws Exception {
        String first = IdNumbers.next();
        String second = IdNumbers.next();
        byte[] file = Spreadsheets.excel(new Object[][]{{"姓名", "身份证号"}, {"王芳", first}, {"李雷", second}});

        HttpResponse<String> response = upload("eaststeel.clerk", LocalDate.now().getYear() + 1, "名单.xlsx", file);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("memberCount").asInt()).isEqualTo(2);
        assertThat(body.get("feeTotal").asText()).isEqualTo("72.00");
        assertThat(driver.tasks().createTaskQuery().processInstanceId(body.get("processInstanceId").asText())
                .taskDefinitionKey("districtConfirmation").count()).isEqualTo(1);
    }

    @Test
    void aBadListIsRefusedWithACodeAndAChineseMessage() throws Exception {
        HttpResponse<String> response = upload("eaststeel.clerk", LocalDate.now().getYear() + 1, "名单.csv",
                "姓名,身份证号\n王芳,110105197001010000\n".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("code").asInt()).isEqualTo(20002);
        assertThat(body.get("message").asText()).contains("上传名单第2行 王芳 的身份证号");
        assertThat(get("/api/payments/disbursements", null).statusCode()).isEqualTo(401);
    }

    @Test
    void thePayerAloneSeesTheFullCardNumber() throws Exception {
        String member = IdNumbers.next();
        medical.enrolAndConfirm("eaststeel", "east", LocalDate.of(2026, 1, 5), "张伟", member);
        CaseDriver.today(LocalDate.of(2026, 3, 20));
        ProcessInstance pi = medical.fileClaim("eaststeel.clerk", inpatientClaim(member, 12000));
        driver.complete(pi, "documentCheck", "eaststeel.clerk", documentsChecked());
        driver.complete(pi, "claimDistrictApproval", "east.chair", "approve", null);
        medical.settle(pi);

        HttpResponse<String> list = get("/api/payments/disbursements", "city.auditor");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(list.body()).contains("3200.00", "6222 **** **** **** 445").doesNotContain("6222020200112233445")
                .doesNotContain(member);
        long id = json.readTree(list.body()).get(0).get("id").asLong();

        assertThat(get("/api/payments/disbursements", "eaststeel.clerk").statusCode()).isEqualTo(403);
        assertThat(get("/api/payments/disbursements/" + id + "/payee", "city.auditor").statusCode()).isEqualTo(403);
        HttpResponse<String> payee = get("/api/payments/disbursements/" + id + "/payee", "city.clerk");
        assertThat(payee.statusCode()).isEqualTo(200);
        assertThat(payee.body()).contains("6222020200112233445");
    }
}
