package org.unionassist.casework.register;

import java.util.Arrays;

/**
 * How a case ended, for every programme alike. Each end event of a process names its kind in the {@code outcome}
 * property ({@code approved}, {@code rejected}, {@code withdrawn} or {@code closed}; the model check requires one);
 * the event's own name is the outcome in the programme's words. A case an operator deleted ended as
 * {@link #CANCELLED}.
 */
public enum CaseOutcome {
    APPROVED("approved", "通过"),
    REJECTED("rejected", "未通过"),
    WITHDRAWN("withdrawn", "撤回"),
    CLOSED("closed", "关闭"),
    CANCELLED("cancelled", "运维终止");

    public static final String PROPERTY = "outcome";

    private final String code;
    private final String label;

    CaseOutcome(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() { return code; }
    public String label() { return label; }

    /** The outcome an end event declares, or null when its property is missing or unknown. */
    public static CaseOutcome ofProperty(String value) {
        return Arrays.stream(values()).filter(o -> o != CANCELLED && o.code.equals(value)).findFirst().orElse(null);
    }

    public static CaseOutcome ofCode(String code) {
        return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown outcome " + code));
    }
}
