package org.unionassist.hardship;

public enum CaseStatus {
    IN_PROGRESS("办理中"),
    FILED("已建档"),
    REJECTED("不予认定"),
    WITHDRAWN("已撤回");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
