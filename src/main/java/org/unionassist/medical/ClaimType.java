package org.unionassist.medical;

import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.UnionAssistException;

/** The kinds of medical mutual-aid claim; the code is what forms submit and the DMN tables match on. */
public enum ClaimType {
    INPATIENT("inpatient", "住院"),
    CRITICAL_MILD("criticalMild", "重大疾病（轻症）"),
    CRITICAL_SEVERE("criticalSevere", "重大疾病（重症）"),
    SPECIAL_OUTPATIENT("specialOutpatient", "门诊特殊病");

    private final String code;
    private final String label;

    ClaimType(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public boolean criticalIllness() {
        return this == CRITICAL_MILD || this == CRITICAL_SEVERE;
    }

    public static ClaimType fromCode(Object raw) {
        if (raw != null) {
            for (ClaimType type : values()) {
                if (type.code.equals(raw.toString())) {
                    return type;
                }
            }
        }
        throw new UnionAssistException(CaseworkError.INVALID_INPUT, "请选择理赔类型：住院、重大疾病（轻症/重症）或门诊特殊病");
    }
}
