package org.unionassist.intake;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionassist.intake.IntakeClient.CHANNEL;
import static org.unionassist.intake.IntakeClient.json;

/** A channel gets the configured number of calls per period; the next one is refused with when to retry. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:union-assist-intake-rate-limit-test;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "camunda.bpm.job-execution.enabled=false",
        "union-assist.intake.rate-limit.limit-for-period=3",
        "union-assist.intake.rate-limit.period=PT1H"})
@ActiveProfiles("demo")
class IntakeRateLimitTest {

    @LocalServerPort int port;

    @Test
    void aChannelOverItsLimitIsToldToRetryLater() throws Exception {
        IntakeClient api = new IntakeClient(port);
        for (int i = 0; i < 3; i++) {
            assertThat(api.get(CHANNEL, "/api/intake/applications/KN1999000001").statusCode()).isEqualTo(404);
        }

        HttpResponse<String> over = api.get(CHANNEL, "/api/intake/applications/KN1999000001");
        HttpResponse<String> filingOver = api.file(CHANNEL, "hardship-applications", "k-1", "{}");

        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(json(over).get("code").asInt()).isEqualTo(20804);
        assertThat(json(over).get("message").asText()).contains("秒后重试");
        assertThat(Long.parseLong(over.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3600L);
        assertThat(filingOver.statusCode()).isEqualTo(429);
        // the limit is the channel's own: another user's calls are not counted against it, nor refused by it
        assertThat(api.get("eaststeel.clerk", "/api/intake/applications/KN1999000001").statusCode()).isEqualTo(403);
    }
}
