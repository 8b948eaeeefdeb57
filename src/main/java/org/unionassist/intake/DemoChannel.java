package org.unionassist.intake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's online channel: {@value #USER} (password {@value #PASSWORD}), bound to 东城钢铁厂工会, so that a new
 * user can file through the intake API and find the case in Tasklist as eaststeel.clerk. Only in the "demo" profile.
 */
@Component
@Profile("demo")
public class DemoChannel {

    private static final Logger log = LoggerFactory.getLogger(DemoChannel.class);
    static final String USER = "eaststeel.online";
    static final String PASSWORD = "demo";
    static final String UNION = "eaststeel";

    private final Channels channels;

    public DemoChannel(Channels channels) {
        this.channels = channels;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    public void load() {
        channels.addChannel(USER, "东钢线上服务渠道", PASSWORD, UNION);
        log.info("Demo online channel ready: {} for union {}", USER, UNION);
    }
}
