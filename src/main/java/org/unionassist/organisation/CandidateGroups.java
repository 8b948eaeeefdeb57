package org.unionassist.organisation;

import org.springframework.stereotype.Component;

/**
 * Computes a user task's candidate group from the union the case is at, e.g.
 * {@code camunda:candidateGroups="${candidateGroups.of(districtUnion, 'chair')}"} → {@code east-chair}.
 */
@Component("candidateGroups")
public class CandidateGroups {

    public String of(String unionId, String roleKey) {
        if (unionId == null || unionId.isBlank()) {
            throw new IllegalStateException("The case has no union for role " + roleKey);
        }
        return Role.fromKey(roleKey).groupOf(unionId);
    }
}
