package org.unionassist.organisation;

public enum UnionLevel {
    CITY("市总工会"),
    DISTRICT("区/县总工会"),
    GRASSROOTS("基层工会");

    private final String label;

    UnionLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
