package org.unionassist.casework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionassist.hardship.HardshipCaseRepository;
import org.unionassist.hardship.HouseholdMember;
import org.unionassist.medical.MedicalClaimRepository;
import org.unionassist.medical.MembershipRepository;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.spin.Spin.JSON;
import static org.unionassist.support.MedicalAidDriver.CLAIM;
import static org.unionassist.support.MedicalAidDriver.ENROLMENT;

/**
 * Raw ID numbers, bank cards and diagnoses live only in the programmes' tables: every demo user reading every variable
 * and every historic variable, detail and form field of a hardship case, an enrolment and a claim (each taken through a
 * return where a number is typed again) finds masked copies only, and so does a look into the engine's tables and the
 * application log. The payer alone reads the full card, at the payment endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:union-assist-personal-data-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("demo")
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataStaysOutOfEngineTest {

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired CaseDriver driver;
    @Autowired MedicalAidDriver medical;
    @Autowired HistoryService history;
    @Autowired JdbcTemplate jdbc;
    @Autowired HardshipCaseRepository hardshipCases;
    @Autowired MedicalClaimRepository claims;
    @Autowired MembershipRepository memberships;
    @Autowired DisbursementRepository disbursements;
    @Autowired TransactionTemplate transactions;
    private final HttpClient http = HttpClient.newHttpClient();

    /** Every raw value the test typed, each as typed and as stored. */
    private final List<String> raw = new ArrayList<>();

    @AfterEach
    void realTime() {
        CaseDriver.realTime();
    }

    @Test
    void noDemoUserReadsARawIdNumberCardOrDiagnosisFromTheEngine(CapturedOutput log) throws Exception {
        ProcessInstance hardship = hardshipCaseReturnedForSupplementWithANewCardAndMember();
        ProcessInstance enrolment = enrolmentCorrectedWithAThirdWorker();
        ProcessInstance claim = claimSupplementedWithANewCardAndPaid();

        List<String> users = driver.identity().createUserQuery().list().stream().map(User::getId).toList();
        assertThat(users).as("every role of every union, the panel and the administrator")
                .contains("admin", "city.clerk", "city.chair", "city.auditor", "east.auditor", "eaststeel.clerk",
                        "eaststeel.rep1", "westtextile.clerk", "west.chair", "westhospital.auditor")
                .hasSizeGreaterThanOrEqualTo(42);
        int readable = 0;
        for (String user : users) {
            for (ProcessInstance pi : List.of(hardship, enrolment, claim)) {
                readable += readEverything(user, pi.getId());
            }
        }
        assertThat(readable).as("answers that carried the cases' variables").isGreaterThan(100);

        assertNoRawValueInHistoryService(hardship, enrolment, claim);
        assertNoRawValueInEngineTables();
        assertThat(log.getAll()).as("application log").doesNotContain(raw);
    }

    @Test
    void theOneOffCleanUpMasksValuesStoredBeforeThisRelease() throws Exception {
        String applicant = IdNumbers.next();
        String spouse = IdNumbers.next();
        VariableMap application = CaseDriver.deepHardshipApplication(applicant)
                .putValueTyped("householdMembers", SpinValues.jsonValue(JSON(List.of(
                        Map.of("memberName", "李秀英", "memberRelation", "配偶", "memberIdNumber", spouse)))).create())
                .putValue("householdSize", 2);
        String pid = driver.apply("eaststeel.clerk", application).getId();
        // what an earlier release left behind: the raw values in the runtime row, its history and a detail row
        for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
            jdbc.update("update " + table + " set TEXT_ = ? where NAME_ = 'applicantIdNumber' and PROC_INST_ID_ = ?",
                    applicant, pid);
        }
        String members = jdbc.queryForObject("select BYTEARRAY_ID_ from ACT_RU_VARIABLE where NAME_ = "
                + "'householdMembers' and PROC_INST_ID_ = ?", String.class, pid);
        jdbc.update("update ACT_GE_BYTEARRAY set BYTES_ = ? where ID_ = ?", JSON(List.of(Map.of("memberName", "李秀英",
                "memberIdNumber", spouse))).toString().getBytes(StandardCharsets.UTF_8), members);
        assertThat(driver.runtime().getVariable(pid, "applicantIdNumber")).isEqualTo(applicant);

        assertThat(post("/api/admin/personal-data/cleanup", "eaststeel.clerk").statusCode()).isEqualTo(403);
        assertThat(post("/api/admin/personal-data/cleanup", "city.auditor").statusCode()).isEqualTo(403);
        assertThat(driver.runtime().getVariable(pid, "applicantIdNumber")).as("refused calls change nothing")
                .isEqualTo(applicant);
        HttpResponse<String> cleaned = post("/api/admin/personal-data/cleanup", "admin");
        assertThat(cleaned.statusCode()).as(cleaned.body()).isEqualTo(200);
        assertThat(JSON_MAPPER.readTree(cleaned.body()).get("ACT_HI_DETAIL").asInt()).isGreaterThanOrEqualTo(1);

        assertThat(driver.runtime().getVariable(pid, "applicantIdNumber")).isEqualTo(PersonalData.maskIdNumber(applicant));
        assertThat(driver.runtime().getVariable(pid, "householdMembers").toString())
                .contains(PersonalData.maskIdNumber(spouse)).doesNotContain(spouse);
        raw.addAll(List.of(applicant, spouse));
        assertNoRawValueInEngineTables();
        HttpResponse<String> again = post("/api/admin/personal-data/cleanup", "admin");
        assertThat(JSON_MAPPER.readTree(again.body()).get("ACT_RU_VARIABLE").asInt()).as("nothing left to mask")
                .isZero();
    }

    private ProcessInstance hardshipCaseReturnedForSupplementWithANewCardAndMember() {
        String applicant = remember(IdNumbers.next());
        String spouse = remember(IdNumbers.next());
        String child = remember(IdNumbers.next());
        String newChildId = remember(IdNumbers.next());
        String firstCard = remember("6217 0000 1111 2222 333");
        String newCard = remember("6217000011112222444");
        VariableMap application = CaseDriver.deepHardshipApplication(applicant)
                .putValue("bankCard", firstCard)
                .putValueTyped("householdMembers", SpinValues.jsonValue(JSON(List.of(
                        Map.of("memberName", "李秀英", "memberRelation", "配偶", "memberIdNumber", spouse),
                        Map.of("memberName", "王小明", "memberRelation", "子女", "memberIdNumber", child)))).create());
        ProcessInstance pi = driver.apply("eaststeel.clerk", application);
        driver.complete(pi, "homeVisit", "eaststeel.clerk", CaseDriver.decisionOf("return", "缺少收入证明")
                .putValue("visitDate", LocalDate.now().toString()).putValue("visitFindings", "材料不全"));

        // the supplement form is filled from the engine's (masked) copies; the clerk types a new card and one new ID
        Map<String, Object> shown = driver.runtime().getVariables(pi.getId());
        assertThat(shown.get("applicantIdNumber")).isEqualTo(PersonalData.maskIdNumber(applicant));
        List<Map<String, Object>> members = rows(shown.get("householdMembers"));
        assertThat(members).extracting(m -> m.get("memberIdNumber"))
                .containsExactly(PersonalData.maskIdNumber(spouse), PersonalData.maskIdNumber(child));
        members.get(1).put("memberIdNumber", newChildId);
        driver.complete(pi, "supplementDocuments", "eaststeel.clerk", CaseDriver.decisionOf("resubmit", "已补充收入证明")
                .putValue("applicantIdNumber", shown.get("applicantIdNumber"))
                .putValue("bankCard", newCard)
                .putValueTyped("householdMembers", SpinValues.jsonValue(JSON(members)).create()));

        var stored = hardshipCases.findByProcessInstanceId(pi.getId()).orElseThrow();
        assertThat(stored.getBankCard()).as("the new card is in the case row").isEqualTo("6217000011112222444");
        assertThat(stored.getHousehold().getHeadIdNumber()).as("the masked ID stood for the stored one")
                .isEqualTo(applicant);
        List<String> memberIds = transactions.execute(status -> hardshipCases.findByProcessInstanceId(pi.getId())
                .orElseThrow().getHousehold().getMembers().stream().map(HouseholdMember::getIdNumber).toList());
        assertThat(memberIds).contains(applicant, spouse, newChildId).doesNotContain(child);

        driver.complete(pi, "homeVisit", "eaststeel.clerk", CaseDriver.decisionOf("submit", "材料齐全")
                .putValue("visitDate", LocalDate.now().toString()).putValue("visitFindings", "属实"));
        driver.complete(pi, "grassrootsReview", "eaststeel.chair", CaseDriver.approveWithPanel("eaststeel"));
        driver.vote(pi, "eaststeel.rep1", "agree");
        return pi;
    }

    private ProcessInstance enrolmentCorrectedWithAThirdWorker() {
        String first = remember(IdNumbers.next());
        String second = remember(IdNumbers.next());
        String third = remember(IdNumbers.next());
        CaseDriver.today(LocalDate.of(2026, 1, 5));
        ProcessInstance pi = medical.start("eaststeel.clerk", ENROLMENT,
                MedicalAidDriver.enrolmentForm(2026, "张伟", first, "李娜", second));
        driver.complete(pi, "districtConfirmation", "east.clerk", "return", "请补录赵六");

        Object shownRows = driver.runtime().getVariable(pi.getId(), "workers");
        assertThat(rows(shownRows)).extracting(m -> m.get("workerIdNumber"))
                .containsExactly(PersonalData.maskIdNumber(first), PersonalData.maskIdNumber(second));
        driver.complete(pi, "rosterCorrection", "eaststeel.clerk", CaseDriver.decisionOf("resubmit", "已补录")
                .putValueTyped("workers", SpinValues.jsonValue(JSON(rows(shownRows))).create())
                .putValue("rosterText", "姓名,身份证号\n赵六," + third));
        driver.complete(pi, "districtConfirmation", "east.clerk", "approve", null);

        assertThat(memberships.findByIdNumberAndPlanYearAndStatus(first, 2026,
                org.unionassist.medical.Membership.Status.ACTIVE)).as("a masked row stood for the stored worker")
                .isPresent();
        assertThat(memberships.findByIdNumberAndPlanYearAndStatus(third, 2026,
                org.unionassist.medical.Membership.Status.ACTIVE)).isPresent();
        return pi;
    }

    private ProcessInstance claimSupplementedWithANewCardAndPaid() throws Exception {
        String member = IdNumbers.next();
        medical.enrolAndConfirm("eaststeel", "east", LocalDate.of(2026, 1, 5), "孙强", remember(member));
        remember("6222 0202 0011 2233 445");
        String newCard = remember("6222020200115566778");
        remember("急性阑尾炎");
        CaseDriver.today(LocalDate.of(2026, 3, 20));
        ProcessInstance pi = medical.fileClaim("eaststeel.clerk", MedicalAidDriver.inpatientClaim(member, 12000));
        driver.complete(pi, "documentCheck", "eaststeel.clerk", CaseDriver.decisionOf("return", "银行卡已注销，请更换"));

        Map<String, Object> shown = driver.runtime().getVariables(pi.getId());
        assertThat(shown.get("diagnosis")).isEqualTo(PersonalDataInEngine.WITHHELD);
        driver.complete(pi, "claimSupplement", "eaststeel.clerk", CaseDriver.decisionOf("resubmit", "已更换银行卡")
                .putValue("memberIdNumber", shown.get("memberIdNumber"))
                .putValue("bankCard", newCard)
                .putValue("diagnosis", shown.get("diagnosis")));
        var stored = claims.findByProcessInstanceId(pi.getId()).orElseThrow();
        assertThat(stored.getBankCard()).isEqualTo(newCard);
        assertThat(stored.getDiagnosis()).as("the placeholder stood for the stored diagnosis").isEqualTo("急性阑尾炎");

        driver.complete(pi, "documentCheck", "eaststeel.clerk", MedicalAidDriver.documentsChecked());
        driver.complete(pi, "claimDistrictApproval", "east.chair", "approve", null);
        medical.settle(pi);
        long disbursement = disbursements.findByProcessInstanceId(pi.getId()).orElseThrow().getId();

        String payee = "/api/payments/disbursements/" + disbursement + "/payee";
        HttpResponse<String> payer = get(payee, "city.clerk");
        assertThat(payer.statusCode()).isEqualTo(200);
        assertThat(payer.body()).as("the payer reads the full card").contains(newCard);
        for (String other : List.of("city.chair", "city.auditor", "east.chair", "east.clerk", "eaststeel.clerk")) {
            HttpResponse<String> refused = get(payee, other);
            assertThat(refused.statusCode()).as(other).isEqualTo(403);
            assertThat(refused.body()).doesNotContain(newCard);
        }
        for (String cityStaff : List.of("city.chair", "city.auditor", "city.clerk")) {
            HttpResponse<String> list = get("/api/payments/disbursements", cityStaff);
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).as(cityStaff).contains(PersonalData.maskBankCard(newCard))
                    .doesNotContain(newCard).doesNotContain(member);
        }
        return pi;
    }

    /** Reads the case through every engine REST resource that returns variables; returns how many answered 200. */
    private int readEverything(String user, String pid) throws Exception {
        List<String> paths = new ArrayList<>(List.of(
                "/engine-rest/process-instance/" + pid + "/variables",
                "/engine-rest/process-instance/" + pid + "/variables?deserializeValues=false",
                "/engine-rest/variable-instance?processInstanceIdIn=" + pid,
                "/engine-rest/variable-instance?processInstanceIdIn=" + pid + "&deserializeValues=false",
                "/engine-rest/history/variable-instance?processInstanceId=" + pid,
                "/engine-rest/history/variable-instance?processInstanceId=" + pid + "&deserializeValues=false",
                "/engine-rest/history/detail?processInstanceId=" + pid,
                "/engine-rest/history/detail?processInstanceId=" + pid + "&deserializeValues=false",
                "/engine-rest/history/process-instance?processInstanceId=" + pid,
                "/engine-rest/history/task?processInstanceId=" + pid,
                "/engine-rest/process-instance?processInstanceIds=" + pid));
        HttpResponse<String> tasks = get("/engine-rest/task?processInstanceId=" + pid, user);
        assertThat(tasks.body()).doesNotContain(raw);
        if (tasks.statusCode() == 200) {
            for (JsonNode task : JSON_MAPPER.readTree(tasks.body())) {
                String id = task.get("id").asText();
                paths.add("/engine-rest/task/" + id + "/variables");
                paths.add("/engine-rest/task/" + id + "/form-variables");
                paths.add("/engine-rest/task/" + id + "/form-variables?deserializeValues=false");
            }
        }
        int carried = 0;
        for (String path : paths) {
            HttpResponse<String> answer = get(path, user);
            assertThat(answer.body()).as("%s reading %s", user, path).doesNotContain(raw);
            if (answer.statusCode() == 200 && answer.body().length() > 2) {
                carried++;
            }
        }
        return carried;
    }

    private void assertNoRawValueInHistoryService(ProcessInstance... instances) {
        int sensitiveDetails = 0;
        for (ProcessInstance pi : instances) {
            for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(pi.getId())
                    .disableCustomObjectDeserialization().list()) {
                String name;
                Object value;
                if (detail instanceof HistoricVariableUpdate update) {
                    name = update.getVariableName();
                    value = update.getTypedValue() == null ? null : update.getTypedValue().getValue();
                } else {
                    name = ((HistoricFormField) detail).getFieldId();
                    value = ((HistoricFormField) detail).getFieldValue();
                }
                assertThat(String.valueOf(value)).as("ACT_HI_DETAIL %s", name).doesNotContain(raw);
                if (List.of("applicantIdNumber", "bankCard", "householdMembers", "workers", "rosterText",
                        "memberIdNumber", "diagnosis").contains(name)) {
                    sensitiveDetails++;
                }
            }
            history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                    .disableCustomObjectDeserialization().list()
                    .forEach(v -> assertThat(String.valueOf(v.getValue())).as("ACT_HI_VARINST %s", v.getName())
                            .doesNotContain(raw));
        }
        assertThat(sensitiveDetails).as("the updates and form fields are recorded, masked").isGreaterThan(10);
        assertThat(history.createHistoricDetailQuery().processInstanceId(instances[0].getId()).formFields().list())
                .as("the start form's fields at history level full")
                .anySatisfy(f -> assertThat(((HistoricFormField) f).getFieldId()).isEqualTo("applicantIdNumber"));
    }

    /** The engine's tables as an operator's SQL would read them, byte arrays (Json variables) included. */
    private void assertNoRawValueInEngineTables() {
        for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
            jdbc.queryForList("select NAME_, TEXT_, TEXT2_ from " + table).forEach(row ->
                    assertThat(row.get("TEXT_") + " " + row.get("TEXT2_")).as("%s %s", table, row.get("NAME_"))
                            .doesNotContain(raw));
        }
        jdbc.query("select NAME_, BYTES_ from ACT_GE_BYTEARRAY", rs -> {
            byte[] bytes = rs.getBytes("BYTES_");
            String text = bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
            assertThat(text).as("ACT_GE_BYTEARRAY %s", rs.getString("NAME_")).doesNotContain(raw);
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Object json) {
        try {
            List<Map<String, Object>> rows = JSON_MAPPER.readValue(json.toString(), List.class);
            return new ArrayList<>(rows.stream().map(r -> (Map<String, Object>) new LinkedHashMap<>(r)).toList());
        } catch (Exception e) {
            throw new AssertionError("not a Json list: " + json, e);
        }
    }

    private String remember(String value) {
        raw.add(value);
        String stored = value.replaceAll("\\s", "");
        if (!stored.equals(value)) {
            raw.add(stored);
        }
        return value;
    }

    private HttpResponse<String> post(String path, String user) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()), user);
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET(), user);
    }

    private HttpResponse<String> send(HttpRequest.Builder builder, String user) throws Exception {
        String password = "admin".equals(user) ? "admin" : "demo";
        HttpRequest request = builder.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
