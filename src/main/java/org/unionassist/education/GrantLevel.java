package org.unionassist.education;

import org.unionassist.casework.Coded;

/** 就读层次: the level a student studies at, as the form offers it and the amount table reads it. */
public enum GrantLevel implements Coded {
    HIGH_SCHOOL("highSchool", "高中/中职"),
    JUNIOR_COLLEGE("juniorCollege", "专科"),
    UNDERGRADUATE("undergraduate", "本科"),
    POSTGRADUATE("postgraduate", "研究生");

    private final String code;
    private final String label;

    GrantLevel(String code, String label) {
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
