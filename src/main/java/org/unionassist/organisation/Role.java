package org.unionassist.organisation;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles inside every union. Each (union, role) pair is one Camunda group, id {@code <union>-<role>}, e.g.
 * {@code eaststeel-clerk}; candidate groups of user tasks are computed from the case's union with {@link CandidateGroups}.
 * {@link #CHANNEL} is no role of a person: code that grants or lists what people of a union do leaves it out.
 */
public enum Role {
    CLERK("clerk", "经办人"),
    CHAIR("chair", "审批人"),
    AUDITOR("auditor", "经费审查委员"),
    PANEL("panel", "民主评议小组成员"),
    /**
     * An online service channel (服务一张网): a technical user bound to one grassroots union, which files applications
     * for that union through the intake API and reads their status, and does nothing else. Not a person working cases:
     * no Tasklist, no per-case grants, no tasks. Its group {@code <union>-channel} and rights are set up by intake.
     */
    CHANNEL("channel", "线上服务渠道");

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

    /** A union's group, its id split back into the union and the role ({@link #groupOf}). */
    public record Group(String unionId, Role role) {

        /** The union and role a group id {@code <union>-<role>} names; empty for any other group (camunda-admin). */
        public static Optional<Group> of(String groupId) {
            int dash = groupId.lastIndexOf('-');
            if (dash < 0) {
                return Optional.empty();
            }
            return byKey(groupId.substring(dash + 1)).map(role -> new Group(groupId.substring(0, dash), role));
        }
    }

    public static Role fromKey(String key) {
        return byKey(key).orElseThrow(() -> new IllegalArgumentException("Unknown role " + key));
    }

    private static Optional<Role> byKey(String key) {
        return Arrays.stream(values()).filter(role -> role.key.equals(key)).findFirst();
    }
}
