package org.unionassist.education;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.unionassist.casework.ShanghaiClock;

import java.util.Map;

/**
 * Demo quotas (profile "demo"): this year's 金秋助学 places of each demo district, as the city would set them, so a
 * new user's applications can be approved at once (and the fourth in 东城区 is refused). A quota already set, by this
 * class or by the city, is left as it is.
 */
@Component
@Profile("demo")
// off only where a test starts the previous release's schema, which had no quotas
@ConditionalOnProperty(name = "union-assist.demo.education-quotas", matchIfMissing = true)
public class DemoEducation {

    private static final Logger log = LoggerFactory.getLogger(DemoEducation.class);
    static final Map<String, Integer> PLACES = Map.of("east", 3, "west", 5);

    private final GrantQuotas quotas;
    private final GrantQuotaRepository quotaRows;
    private final ShanghaiClock clock;

    public DemoEducation(GrantQuotas quotas, GrantQuotaRepository quotaRows, ShanghaiClock clock) {
        this.quotas = quotas;
        this.quotaRows = quotaRows;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(40)
    @Transactional
    public void load() {
        int year = clock.today().getYear();
        PLACES.forEach((district, places) -> {
            if (!quotaRows.existsById(new GrantQuota.Key(year, district))) {
                quotas.set(year, district, places, "city.clerk");
            }
        });
        log.info("Demo 金秋助学 quotas for {}: {}", year, PLACES);
    }
}
