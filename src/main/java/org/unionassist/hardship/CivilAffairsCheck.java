package org.unionassist.hardship;

import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.Coded;
import org.unionassist.casework.UnionAssistException;

/** 民政经济状况核对结果: the district's civil-affairs data check, as the district-check form submits it. */
public enum CivilAffairsCheck implements Coded {
    CONSISTENT("consistent", "核对一致"),
    INCONSISTENT("inconsistent", "核对不一致"),
    UNAVAILABLE("unavailable", "无法核对");

    private final String code;
    private final String label;

    CivilAffairsCheck(String code, String label) {
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

    public static CivilAffairsCheck fromCode(Object code) {
        return Coded.find(CivilAffairsCheck.class, code)
                .orElseThrow(() -> new UnionAssistException(CaseworkError.INVALID_INPUT, "请填写民政经济状况核对结果"));
    }
}
