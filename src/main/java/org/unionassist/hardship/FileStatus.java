package org.unionassist.hardship;

public enum FileStatus {
    OPEN("在档"),
    CLOSED("已退出");

    private final String label;

    FileStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
