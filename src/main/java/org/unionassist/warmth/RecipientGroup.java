package org.unionassist.warmth;

import org.unionassist.casework.Coded;

/** Who a send-warmth campaign visits (domain.md section 4); each campaign sets a cash and a goods standard for each. */
public enum RecipientGroup implements Coded {
    HARDSHIP("hardship", "困难职工家庭"),
    FRONT_LINE("frontLine", "一线及节日值守职工"),
    MODEL_WORKER("modelWorker", "劳动模范"),
    NEW_EMPLOYMENT("newEmployment", "新就业形态劳动者"),
    DUTY_DEATH_FAMILY("dutyDeathFamily", "因公牺牲职工家属");

    private final String code;
    private final String label;

    RecipientGroup(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }
}
