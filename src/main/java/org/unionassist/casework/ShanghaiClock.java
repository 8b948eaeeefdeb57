package org.unionassist.casework;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Business dates are Asia/Shanghai dates, whatever the server's zone. Reads the engine's clock so that tests which
 * move engine time (ClockUtil) move business dates with it.
 */
@Component
public class ShanghaiClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** How a moment is shown to people: to the second, in Beijing time, without the zone. */
    public static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public LocalDate today() {
        return now().toLocalDate();
    }

    public OffsetDateTime now() {
        return OffsetDateTime.ofInstant(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(), ZONE);
    }

    public Clock asClock() {
        return Clock.fixed(now().toInstant(), ZONE);
    }
}
