package org.unionassist.intake;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The app on a random port and its own in-memory database (PostgreSQL in the PostgreSQL run), shared by the intake
 * API tests that do not test the rate limit (theirs is high enough never to be reached).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:union-assist-intake-api-test;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "camunda.bpm.job-execution.enabled=false",
        "union-assist.intake.rate-limit.limit-for-period=100000"})
@ActiveProfiles("demo")
@interface IntakeApiTestConfig {
}
