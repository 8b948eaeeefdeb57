package org.unionassist.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the audit chains sealed and checked without anyone asking: seals new rows every
 * {@code union-assist.audit.chain.seal-interval}, verifies every chain every {@code verify-interval}, and publishes the
 * outcome for the operator: {@code unionassist_audit_chain_intact} (1 intact, 0 broken, -1 not yet checked) and
 * {@code unionassist_audit_chain_unsealed}, with an ERROR line naming the first broken row.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "union-assist.audit.chain.scheduled", havingValue = "true", matchIfMissing = true)
public class AuditChainSchedule {

    private static final Logger log = LoggerFactory.getLogger(AuditChainSchedule.class);

    private final AuditChain chain;
    private final AtomicLong intact = new AtomicLong(-1);
    private final AtomicLong unsealed = new AtomicLong();

    public AuditChainSchedule(AuditChain chain, MeterRegistry meters) {
        this.chain = chain;
        Gauge.builder("unionassist.audit.chain.intact", intact, AtomicLong::get)
                .description("1 when the last verification found every audit chain intact, 0 when one is broken")
                .register(meters);
        Gauge.builder("unionassist.audit.chain.unsealed", unsealed, AtomicLong::get)
                .description("audit rows not yet sealed at the last verification").register(meters);
    }

    @Scheduled(fixedDelayString = "${union-assist.audit.chain.seal-interval:PT5S}",
            initialDelayString = "${union-assist.audit.chain.seal-interval:PT5S}")
    public void seal() {
        try {
            chain.seal();
        } catch (RuntimeException e) {
            log.warn("Sealing the audit chains failed, will try again: {}", e.toString());
        }
    }

    @Scheduled(fixedDelayString = "${union-assist.audit.chain.verify-interval:PT1H}",
            initialDelayString = "${union-assist.audit.chain.verify-initial-delay:PT1M}")
    public void verify() {
        record(chain.verify());
    }

    /** Publishes a verification's outcome, whoever ran it. */
    void record(AuditChain.Verification verification) {
        intact.set(verification.intact() ? 1 : 0);
        unsealed.set(verification.rowsUnsealed());
    }
}
