package org.unionassist.support;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * In the PostgreSQL run ({@code -Dua.test.database=postgres}), points every Spring test that names an in-memory H2
 * database at its own database on the embedded PostgreSQL instead (see {@link TestDatabases}). Registered in the
 * tests' {@code META-INF/spring.factories}; does nothing in the H2 run or in an app started by hand.
 */
public class PostgresTestEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String replacement = TestDatabases.replacementFor(environment.getProperty("spring.datasource.url"));
        if (replacement == null) {
            return;
        }
        environment.getPropertySources().addFirst(new MapPropertySource("union-assist-test-postgres", Map.of(
                "spring.datasource.url", replacement,
                "spring.datasource.username", TestDatabases.USER,
                "spring.datasource.password", "",
                // many test contexts stay cached at once: keep each one's idle connections few
                "spring.datasource.hikari.minimum-idle", "1",
                "spring.datasource.hikari.maximum-pool-size", "12")));
    }
}
