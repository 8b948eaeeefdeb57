package org.unionassist.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.unionassist.support.AppNode;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.RestBodies;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a backup must carry over, done over REST as the demo users do it: before the backup, a hardship case past its
 * home visit and first review (waiting for the panel's three votes) and a case just applied for; after it, one vote
 * and one more case. A copy restored from the backup shows the first two cases as they were, with the same case
 * numbers, sign-offs and open votes, and neither the vote nor the case made after the backup.
 */
final class CasesAroundABackup {

    private static final String CLERK = "eaststeel.clerk";
    private static final String VOTER = "eaststeel.rep1";

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> caseNumbers = new LinkedHashMap<>();
    private String atTheVote;
    private JsonNode signOffsAtTheVote;
    private long hardshipCases;
    private String startedAfterTheBackup;

    /** The two cases the backup must hold. */
    void makeBeforeTheBackup(AppNode node) throws Exception {
        atTheVote = apply(node);
        complete(node, atTheVote, "homeVisit", CLERK, """
                {"decision":{"value":"submit"},"opinion":{"value":"材料齐全"},
                 "visitDate":{"value":"%s"},"visitFindings":{"value":"入户核实，情况属实"}}"""
                .formatted(LocalDate.now(ZoneId.of("Asia/Shanghai"))));
        complete(node, atTheVote, "grassrootsReview", "eaststeel.chair", """
                {"decision":{"value":"approve"},"opinion":{"value":"同意提交民主评议"},
                 "panelMembers":{"type":"Json",
                   "value":"[\\"eaststeel.rep1\\",\\"eaststeel.rep2\\",\\"eaststeel.rep3\\"]"}}""");
        String justApplied = apply(node);
        for (String pid : new String[] {atTheVote, justApplied}) {
            caseNumbers.put(pid, caseNumber(node, pid));
        }
        signOffsAtTheVote = signOffs(node, atTheVote);
        assertThat(signOffsAtTheVote.findValuesAsText("step")).as("sign-offs before the backup")
                .containsExactly("入户调查", "基层工会初审");
        assertThat(openVotesOf(node, VOTER)).isEqualTo(1);
        hardshipCases = hardshipCaseCount(node);
    }

    /** Work the backup must not contain: a panel member votes, and a new case is applied for. */
    void changeAfterTheBackup(AppNode node) throws Exception {
        complete(node, atTheVote, "democraticReview", VOTER, "{\"decision\":{\"value\":\"agree\"}}");
        assertThat(openVotesOf(node, VOTER)).isZero();
        startedAfterTheBackup = apply(node);
        assertThat(hardshipCaseCount(node)).isEqualTo(hardshipCases + 1);
    }

    /** The restored copy shows the cases as of the backup. */
    void assertShownAsOfTheBackup(AppNode restored) throws Exception {
        assertThat(hardshipCaseCount(restored)).as("hardship cases in the restored copy").isEqualTo(hardshipCases);
        for (Map.Entry<String, String> c : caseNumbers.entrySet()) {
            assertThat(caseNumber(restored, c.getKey())).as("case number of %s", c.getKey()).isEqualTo(c.getValue());
        }
        assertThat(signOffs(restored, atTheVote)).as("sign-offs of the case at the vote").isEqualTo(signOffsAtTheVote);
        assertThat(openVotesOf(restored, VOTER)).as("the vote cast after the backup is open again").isEqualTo(1);
        assertThat(restored.call("GET", "/engine-rest/history/process-instance/" + startedAfterTheBackup, null,
                "admin").statusCode()).as("the case started after the backup").isEqualTo(404);
    }

    private String apply(AppNode node) throws Exception {
        HttpResponse<String> started = node.call("POST",
                "/engine-rest/process-definition/key/hardshipVerification/submit-form",
                RestBodies.hardshipApplication(IdNumbers.next()), CLERK);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        return json.readTree(started.body()).path("id").asText();
    }

    private void complete(AppNode node, String pid, String taskKey, String user, String variables) throws Exception {
        JsonNode tasks = read(node, "/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=" + taskKey
                + (taskKey.equals("democraticReview") ? "&assignee=" + user : ""), user);
        assertThat(tasks).as("%s's open %s of %s", user, taskKey, pid).hasSize(1);
        HttpResponse<String> done = node.call("POST", "/engine-rest/task/" + tasks.get(0).path("id").asText()
                + "/complete", "{\"variables\":" + variables + "}", user);
        assertThat(done.statusCode()).as("%s completes %s: %s", user, taskKey, done.body()).isBetween(200, 299);
    }

    private String caseNumber(AppNode node, String pid) throws Exception {
        JsonNode variables = read(node, "/engine-rest/history/variable-instance?processInstanceId=" + pid
                + "&variableName=caseNumber", CLERK);
        assertThat(variables).as("the case number of %s", pid).hasSize(1);
        String number = variables.get(0).path("value").asText();
        assertThat(number).isNotBlank();
        return number;
    }

    private JsonNode signOffs(AppNode node, String pid) throws Exception {
        return read(node, "/api/cases/" + pid + "/sign-offs", CLERK);
    }

    private int openVotesOf(AppNode node, String member) throws Exception {
        return read(node, "/engine-rest/task?processInstanceId=" + atTheVote
                + "&taskDefinitionKey=democraticReview&assignee=" + member, member).size();
    }

    private long hardshipCaseCount(AppNode node) throws Exception {
        return read(node, "/engine-rest/history/process-instance/count?processDefinitionKey=hardshipVerification",
                "admin").path("count").asLong();
    }

    private JsonNode read(AppNode node, String path, String user) throws Exception {
        HttpResponse<String> answer = node.call("GET", path, null, user);
        assertThat(answer.statusCode()).as("GET %s as %s: %s", path, user, answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }
}
