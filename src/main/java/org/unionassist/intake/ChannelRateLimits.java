package org.unionassist.intake;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * One Resilience4j rate limiter per channel user, all with the configured limit ({@code union-assist.intake.rate-limit}).
 * A call over the limit is refused at once, never queued: the channel is told when to retry.
 */
@Component
class ChannelRateLimits {

    private final RateLimiterRegistry registry;

    ChannelRateLimits(IntakeProperties properties) {
        this.registry = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(properties.rateLimit().limitForPeriod())
                .limitRefreshPeriod(properties.rateLimit().period())
                .timeoutDuration(Duration.ZERO)
                .build());
    }

    /** Takes a permit for the channel's call; empty if it got one, else how long until the next period. */
    Optional<Duration> refusal(String channelUserId) {
        RateLimiter limiter = registry.rateLimiter(channelUserId);
        return limiter.acquirePermission() ? Optional.empty() : Optional.of(untilNextPeriod(limiter));
    }

    private static Duration untilNextPeriod(RateLimiter limiter) {
        long nanos = limiter instanceof AtomicRateLimiter atomic ? atomic.getDetailedMetrics().getNanosToWait() : 0;
        return nanos > 0 ? Duration.ofNanos(nanos) : limiter.getRateLimiterConfig().getLimitRefreshPeriod();
    }
}
