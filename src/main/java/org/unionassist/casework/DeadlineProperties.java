package org.unionassist.casework;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/** Working days each step may take, by BPMN activity id; a city tunes these in configuration. */
@ConfigurationProperties("union-assist.deadlines")
public record DeadlineProperties(int dueSoonWorkingDays, Map<String, Integer> steps) {

    public DeadlineProperties {
        steps = steps == null ? Map.of() : Map.copyOf(steps);
    }

    public int workingDaysFor(String step) {
        Integer days = steps.getOrDefault(step, steps.get("default"));
        if (days == null) {
            throw new IllegalStateException("No deadline configured for step " + step
                    + " and no union-assist.deadlines.steps.default");
        }
        return days;
    }
}
