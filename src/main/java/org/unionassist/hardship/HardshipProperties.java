package org.unionassist.hardship;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Period;

/** Hardship rules a city tunes in configuration (the category thresholds and 低保 live in the DMN table). */
@ConfigurationProperties("union-assist.hardship")
public record HardshipProperties(int publicNoticeWorkingDays, int minimumPanelSize, Period recheckInterval) {
}
