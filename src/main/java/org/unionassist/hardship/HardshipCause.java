package org.unionassist.hardship;

import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.Coded;
import org.unionassist.casework.UnionAssistException;

/** 致困原因: the codes the application and re-check forms submit, with the words every later step reads. */
public enum HardshipCause implements Coded {
    NONE("none", "无"),
    ILLNESS("illness", "本人或家属患病"),
    DISASTER("disaster", "自然灾害"),
    ACCIDENT("accident", "重大事故"),
    EPIDEMIC("epidemic", "疫情"),
    WORK_INJURY("workInjury", "工伤"),
    DEATH_ON_DUTY("deathOnDuty", "因公牺牲");

    private final String code;
    private final String label;

    HardshipCause(String code, String label) {
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

    public static HardshipCause fromCode(String code) {
        return Coded.find(HardshipCause.class, code)
                .orElseThrow(() -> new UnionAssistException(CaseworkError.INVALID_INPUT, "无法识别的致困原因：" + code));
    }
}
