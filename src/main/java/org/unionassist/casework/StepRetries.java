package org.unionassist.casework;

import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often an asynchronous service step that fails is tried before it becomes an incident, from
 * {@code union-assist.jobs.retry-cycle} (ISO 8601, e.g. {@code R3/PT5M}: three attempts, five minutes apart). A model
 * names it as {@code <camunda:failedJobRetryTimeCycle>${stepRetries.cycle}</camunda:failedJobRetryTimeCycle>}; the
 * engine evaluates the expression at every failure. A cycle the engine could not read would silently fall back to
 * its own three immediate retries, so it is checked at start-up.
 */
@Component("stepRetries")
public class StepRetries {

    private final String cycle;

    public StepRetries(@Value("${union-assist.jobs.retry-cycle}") String cycle) {
        this.cycle = cycle == null ? "" : cycle.strip();
        try {
            DurationHelper readable = new DurationHelper(this.cycle);
            if (!readable.isRepeat() || readable.getTimes() < 1) {
                throw new IllegalArgumentException("not a repetition");
            }
        } catch (Exception e) {
            throw new IllegalStateException("union-assist.jobs.retry-cycle must read like R3/PT5M (attempts/interval), not '"
                    + cycle + "'", e);
        }
    }

    public String getCycle() {
        return cycle;
    }
}
