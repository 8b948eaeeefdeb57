package org.unionassist.warmth;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * 两节送温暖's settings ({@code union-assist.warmth}): the standards a new plan starts from (the clerk may change them
 * in the plan, and the plan's own are the ones that count), how many recipients of each list the district phones
 * back, and how many working days a returned list has for its correction when the list deadline has passed.
 */
@ConfigurationProperties("union-assist.warmth")
public class WarmthProperties {

    /** A group's standard per recipient: cash, and goods valued in yuan. */
    public record Standard(BigDecimal cash, BigDecimal goods) {
    }

    private Map<RecipientGroup, Standard> standards = new EnumMap<>(RecipientGroup.class);
    private int phoneBackSampleSize = 5;
    private int correctionWorkingDays = 5;

    public Map<RecipientGroup, Standard> getStandards() { return standards; }
    public void setStandards(Map<RecipientGroup, Standard> standards) { this.standards = standards; }
    public int getPhoneBackSampleSize() { return phoneBackSampleSize; }
    public void setPhoneBackSampleSize(int phoneBackSampleSize) { this.phoneBackSampleSize = phoneBackSampleSize; }
    public int getCorrectionWorkingDays() { return correctionWorkingDays; }
    public void setCorrectionWorkingDays(int correctionWorkingDays) { this.correctionWorkingDays = correctionWorkingDays; }
}
