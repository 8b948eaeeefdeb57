package org.unionassist.organisation;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.unionassist.engine.EngineCommands;

import java.util.List;
import java.util.Optional;

/** Answers "in which union and role does this user act?" from Camunda's identity service and the union table. */
@Service
public class Members {

    private final IdentityService identityService;
    private final UnionRepository unions;
    private final EngineCommands engine;

    public Members(IdentityService identityService, UnionRepository unions, EngineCommands engine) {
        this.identityService = identityService;
        this.unions = unions;
        this.engine = engine;
    }

    /** Every (union, role) the user belongs to. Queries run as the engine, so the caller's own rights do not matter. */
    public List<UnionMember> rolesOf(String userId) {
        List<Group> groups = engine.call(() -> identityService.createGroupQuery().groupMember(userId).list());
        String displayName = displayName(userId);
        return groups.stream()
                .map(group -> toMember(userId, displayName, group.getId()))
                .flatMap(Optional::stream)
                .toList();
    }

    public Optional<UnionMember> inRole(String userId, Role role, String unionId) {
        return rolesOf(userId).stream()
                .filter(m -> m.role() == role && m.unionId().equals(unionId))
                .findFirst();
    }

    /** The member acting for a task whose candidate group is {@code <union>-<role>}. */
    public Optional<UnionMember> actingFor(String userId, Iterable<String> candidateGroups) {
        List<UnionMember> roles = rolesOf(userId);
        for (String group : candidateGroups) {
            for (UnionMember m : roles) {
                if (m.role().groupOf(m.unionId()).equals(group)) {
                    return Optional.of(m);
                }
            }
        }
        return Optional.empty();
    }

    public String displayName(String userId) {
        User user = engine.call(() -> identityService.createUserQuery().userId(userId).singleResult());
        if (user == null) {
            return userId;
        }
        String name = ((user.getLastName() == null ? "" : user.getLastName())
                + (user.getFirstName() == null ? "" : user.getFirstName())).trim();
        return name.isEmpty() ? userId : name;
    }

    private Optional<UnionMember> toMember(String userId, String displayName, String groupId) {
        return Role.Group.of(groupId).flatMap(g -> unions.findById(g.unionId())
                .map(u -> new UnionMember(userId, displayName, u.getId(), u.getName(), g.role())));
    }
}
