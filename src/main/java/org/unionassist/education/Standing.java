package org.unionassist.education;

import org.unionassist.casework.Coded;

/**
 * Where the student's household stands for the grant, as the hardship files say (never as the clerk types it): an
 * open file of a category, or no open file, which is temporary hardship and needs a cause the grassroots chair
 * confirms. The amount table ({@code education-grant-amount.dmn}) reads the code.
 */
public enum Standing implements Coded {
    DEEP("deep", "在档深度困难职工家庭"),
    RELATIVE("relative", "在档相对困难职工家庭"),
    ACCIDENT("accident", "在档意外致困职工家庭"),
    TEMPORARY("temporary", "未建档（临时困难）");

    private final String code;
    private final String label;

    Standing(String code, String label) {
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

    public boolean temporary() {
        return this == TEMPORARY;
    }
}
