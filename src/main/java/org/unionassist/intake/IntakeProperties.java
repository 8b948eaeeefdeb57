package org.unionassist.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code union-assist.intake.*}: the rate limit every online channel gets (requests per period, per channel user) and
 * the longest idempotency key accepted.
 */
@ConfigurationProperties("union-assist.intake")
public record IntakeProperties(RateLimit rateLimit, Integer maxKeyLength) {

    public IntakeProperties {
        rateLimit = rateLimit == null ? new RateLimit(null, null) : rateLimit;
        maxKeyLength = maxKeyLength == null ? 100 : maxKeyLength;
    }

    /** {@code limit-for-period} calls per {@code period}; a call over the limit is refused at once (429). */
    public record RateLimit(Integer limitForPeriod, Duration period) {
        public RateLimit {
            limitForPeriod = limitForPeriod == null ? 60 : limitForPeriod;
            period = period == null ? Duration.ofMinutes(1) : period;
        }
    }
}
