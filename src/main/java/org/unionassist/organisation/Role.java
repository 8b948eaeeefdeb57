package org.unionassist.organisation;

/**
 * The roles inside every union. Each (union, role) pair is one Camunda group, id {@code <union>-<role>}, e.g.
 * {@code eaststeel-clerk}; candidate groups of user tasks are computed from the case's union with {@link CandidateGroups}.
 */
public enum Role {
    CLERK("clerk", "经办人"),
    CHAIR("chair", "审批人"),
    AUDITOR("auditor", "经费审查委员"),
    PANEL("panel", "民主评议小组成员");

    private final String key;
    private final String label;

    Role(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public String groupOf(String unionId) {
        return unionId + "-" + key;
    }

    public static Role fromKey(String key) {
        for (Role role : values()) {
            if (role.key.equals(key)) {
                return role;
            }
        }
        throw new IllegalArgumentException("Unknown role " + key);
    }
}
