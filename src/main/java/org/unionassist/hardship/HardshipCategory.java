package org.unionassist.hardship;

import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.UnionAssistException;

/** The categories of domain.md §1; the DMN table hardshipCategory decides which applies. */
public enum HardshipCategory {
    DEEP("深度困难"),
    RELATIVE("相对困难"),
    ACCIDENT("意外致困"),
    INELIGIBLE("不符合认定条件");

    private final String label;

    HardshipCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean fileable() {
        return this != INELIGIBLE;
    }

    public static HardshipCategory fromCode(Object raw) {
        try {
            return valueOf(raw.toString().trim());
        } catch (RuntimeException e) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "无法识别的困难类别：" + raw);
        }
    }
}
