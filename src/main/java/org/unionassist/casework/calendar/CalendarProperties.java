package org.unionassist.casework.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

@ConfigurationProperties("union-assist.calendar")
public record CalendarProperties(List<String> locations) {

    public CalendarProperties {
        locations = locations == null ? List.of("classpath*:calendar/*.csv") : List.copyOf(locations);
    }
}
