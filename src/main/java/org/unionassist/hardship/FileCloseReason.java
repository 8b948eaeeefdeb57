package org.unionassist.hardship;

import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.Coded;
import org.unionassist.casework.UnionAssistException;

/**
 * 退出原因: why the chair closes a household file at its re-check (domain.md §1, dynamic management), as the
 * re-check approval form offers it. The closed file records the reason in its own words, ahead of the chair's opinion.
 */
public enum FileCloseReason implements Coded {
    OUT_OF_HARDSHIP("outOfHardship", "家庭收入连续6个月高于低保标准", "家庭收入连续6个月高于低保标准，已脱困"),
    DEATH("death", "职工死亡"),
    RETIREMENT("retirement", "职工退休"),
    TRANSFER("transfer", "职工调离"),
    OTHER("other", "其他原因");

    private final String code;
    private final String label;
    private final String recorded;

    FileCloseReason(String code, String label) {
        this(code, label, label);
    }

    FileCloseReason(String code, String label, String recorded) {
        this.code = code;
        this.label = label;
        this.recorded = recorded;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    /** What the closed file's reason reads. */
    public String recorded() {
        return recorded;
    }

    public static FileCloseReason fromCode(Object code) {
        return Coded.find(FileCloseReason.class, code)
                .orElseThrow(() -> new UnionAssistException(CaseworkError.INVALID_INPUT, "退出帮扶时请选择退出原因"));
    }
}
