package org.unionassist.casework;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Working days each step may take, by process key and BPMN activity id, so two programmes may both have a
 * {@code districtApproval}; a city tunes these in configuration. A step without its own entry takes its process's
 * {@code default}, else {@code default-working-days}.
 */
@ConfigurationProperties("union-assist.deadlines")
public record DeadlineProperties(int dueSoonWorkingDays, Integer defaultWorkingDays,
                                 Map<String, Map<String, Integer>> processes) {

    static final String PROCESS_DEFAULT = "default";

    public DeadlineProperties {
        processes = processes == null ? Map.of() : processes.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Map.copyOf(e.getValue())));
    }

    public int workingDaysFor(String processKey, String activityId) {
        Map<String, Integer> steps = processes.getOrDefault(processKey, Map.of());
        Integer days = steps.getOrDefault(activityId, steps.getOrDefault(PROCESS_DEFAULT, defaultWorkingDays));
        if (days == null) {
            throw new IllegalStateException("No deadline configured for step " + activityId + " of " + processKey
                    + " and no union-assist.deadlines.default-working-days");
        }
        return days;
    }
}
