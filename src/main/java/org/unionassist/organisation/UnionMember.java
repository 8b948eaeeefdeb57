package org.unionassist.organisation;

/** A user acting in one role of one union, as derived from their Camunda group memberships. */
public record UnionMember(String userId, String displayName, String unionId, String unionName, Role role) {
}
