package org.unionassist.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.RestBodies;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-off trail, the interventions and the export records are hash chains: an auditor's verification says 完整
 * while every row is as sealed, and names the first row that was edited or deleted directly in the database. The
 * scheduled sealing is off here, so that the test decides when rows are sealed (verification seals first, as it does
 * in production).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:union-assist-audit-chain;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "camunda.bpm.job-execution.enabled=false",
        "union-assist.audit.chain.scheduled=false"})
@ActiveProfiles("demo")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditChainTest {

    @LocalServerPort int port;
    @Autowired CaseDriver driver;
    @Autowired JdbcTemplate db;
    @Autowired AuditChain chain;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private HttpResponse<String> verifyAs(String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/audit/chain-verification"))
                .header("Authorization", RestBodies.basic(user)).header("Accept-Language", "zh-CN")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode verified(String user) throws Exception {
        HttpResponse<String> reply = verifyAs(user);
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return json.readTree(reply.body());
    }

    @Test
    @Order(1)
    void everyRowIsSealedInTurnAndTheChainIsIntact() throws Exception {
        ProcessInstance pi = driver.caseOnPublicNotice("eaststeel", IdNumbers.next());
        int signOffs = db.queryForObject("select count(*) from ua_sign_off", Integer.class);
        assertThat(db.queryForObject("select count(*) from ua_sign_off where chain_seq is null", Integer.class))
                .as("written unsealed").isEqualTo(signOffs);

        JsonNode result = verified("east.auditor");
        assertThat(result.path("intact").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.path("result").asText()).startsWith("完整");
        assertThat(result.path("rowsChecked").asLong()).isGreaterThanOrEqualTo(signOffs);
        assertThat(result.path("rowsUnsealed").asLong()).isZero();
        assertThat(db.queryForList("select chain_seq from ua_sign_off where process_instance_id = ? order by id",
                Long.class, pi.getId())).as("sealed in the order written").isSorted().doesNotContainNull();

        driver.fireTimer(pi);
        assertThat(chain.seal()).as("the row the timer's step wrote").isPositive();
        assertThat(verified("admin").path("intact").asBoolean()).isTrue();
    }

    @Test
    @Order(2)
    void onlyAuditorsAndOperatorsVerify() throws Exception {
        HttpResponse<String> clerk = verifyAs("eaststeel.clerk");
        assertThat(clerk.statusCode()).isEqualTo(403);
        assertThat(json.readTree(clerk.body()).path("message").asText()).isEqualTo("只有经费审查委员或系统运维人员可以校验审计记录链");
        assertThat(verifyAs("westtextile.auditor").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void anOpinionEditedInTheDatabaseIsFoundAndNamed() throws Exception {
        Map<String, Object> row = db.queryForMap("select id, chain_seq, opinion from ua_sign_off"
                + " where opinion is not null order by chain_seq limit 1 offset 1");
        db.update("update ua_sign_off set opinion = ? where id = ?", "事后改写的意见", row.get("id"));

        JsonNode result = verified("east.auditor");
        assertThat(result.path("intact").asBoolean()).isFalse();
        JsonNode broken = result.path("broken").get(0);
        assertThat(broken.path("chain").asText()).isEqualTo("sign-off");
        assertThat(broken.path("rowId").asLong()).isEqualTo(((Number) row.get("id")).longValue());
        assertThat(broken.path("reason").asText()).isEqualTo("记录内容与封存时不一致（记录被改动）");
        assertThat(result.path("result").asText()).startsWith("已损坏：签批记录第 " + row.get("chain_seq") + " 条");

        db.update("update ua_sign_off set opinion = ? where id = ?", row.get("opinion"), row.get("id"));
        assertThat(verified("east.auditor").path("intact").asBoolean()).as("the original text fits again").isTrue();
    }

    @Test
    @Order(4)
    void aDeletedRowAndARewrittenHashAreFound() throws Exception {
        long second = db.queryForObject("select id from ua_sign_off where chain_seq = 2", Long.class);
        String hash = db.queryForObject("select row_hash from ua_sign_off where id = ?", String.class, second);
        db.update("update ua_sign_off set row_hash = ? where id = ?", "f".repeat(64), second);
        JsonNode rewritten = verified("city.auditor").path("broken").get(0);
        assertThat(rewritten.path("rowId").asLong()).isEqualTo(second);
        db.update("update ua_sign_off set row_hash = ? where id = ?", hash, second);

        db.update("delete from ua_sign_off where chain_seq = 3");
        JsonNode result = verified("city.auditor");
        assertThat(result.path("intact").asBoolean()).isFalse();
        assertThat(result.path("broken").get(0).path("reason").asText()).isEqualTo("缺少第 3 条（记录被删除）");
    }

    @Test
    @Order(5)
    void anExportRecordEditedInTheDatabaseBreaksItsOwnChain() throws Exception {
        HttpRequest download = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/audit/cases.xlsx?state=ENDED"))
                .header("Authorization", RestBodies.basic("east.auditor")).GET().build();
        assertThat(http.send(download, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        long id = db.queryForObject("select max(id) from ua_export_record where actor_id = 'east.auditor'",
                Long.class);
        assertThat(verified("east.auditor").path("broken").findValuesAsText("chain"))
                .as("the export chain is intact").doesNotContain("export");
        assertThat(db.queryForObject("select chain_seq from ua_export_record where id = ?", Long.class, id))
                .isNotNull();

        db.update("update ua_export_record set row_count = row_count + 1 where id = ?", id);

        JsonNode result = verified("east.auditor");
        assertThat(result.path("intact").asBoolean()).isFalse();
        JsonNode broken = null;
        for (JsonNode b : result.path("broken")) {
            if (b.path("chain").asText().equals("export")) {
                broken = b;
            }
        }
        assertThat(broken).as(result.toString()).isNotNull();
        assertThat(broken.path("chainLabel").asText()).isEqualTo("导出记录");
        assertThat(broken.path("rowId").asLong()).isEqualTo(id);
        assertThat(broken.path("reason").asText()).isEqualTo("记录内容与封存时不一致（记录被改动）");
        assertThat(result.path("result").asText()).contains("导出记录第 ");
    }
}
