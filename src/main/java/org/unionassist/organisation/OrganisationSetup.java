package org.unionassist.organisation;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Creates a union with its groups (one per role) and the standing authorizations of those groups: which webapps
 * they open, which programmes they may read or start, and for auditors the decision tables they read. Per-case rights are granted by casework's CaseAccess. The
 * programmes come from the {@link Programme} beans each programme declares.
 * Idempotent: running it again changes nothing.
 */
@Service
public class OrganisationSetup {

    private final UnionRepository unions;
    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final List<Programme> programmes;

    public OrganisationSetup(UnionRepository unions, IdentityService identityService,
                             AuthorizationService authorizationService, List<Programme> programmes) {
        this.programmes = List.copyOf(programmes);
        this.unions = unions;
        this.identityService = identityService;
        this.authorizationService = authorizationService;
    }

    @Transactional
    public Union addUnion(String id, String name, UnionLevel level, String parentId) {
        Union union = unions.findById(id).orElseGet(() -> unions.save(new Union(id, name, level, parentId)));
        for (Role role : Role.values()) {
            if (role == Role.PANEL && level != UnionLevel.GRASSROOTS || role == Role.CHANNEL) {
                // a channel's group and rights are intake's (a technical user, not a person working cases)
                continue;
            }
            String groupId = role.groupOf(id);
            if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
                Group group = identityService.newGroup(groupId);
                group.setName(name + " " + role.label());
                group.setType("WORKFLOW");
                identityService.saveGroup(group);
            }
            grantStanding(groupId, role, level);
        }
        return union;
    }

    @Transactional
    public void addUser(String userId, String familyName, String givenName, String password, String... groupIds) {
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            User user = identityService.newUser(userId);
            user.setLastName(familyName);
            user.setFirstName(givenName);
            user.setPassword(password);
            user.setEmail(userId + "@union-assist.invalid");
            identityService.saveUser(user);
        }
        for (String groupId : groupIds) {
            if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
                identityService.createMembership(userId, groupId);
            }
        }
    }

    private void grantStanding(String groupId, Role role, UnionLevel level) {
        grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        if (role == Role.AUDITOR) {
            grant(groupId, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            // the decision tables are the city's rules, the same for every union: auditors read them all (Cockpit's
            // 决策 pages). Not their evaluations (READ_HISTORY): the engine cannot limit those to a jurisdiction.
            grant(groupId, Resources.DECISION_DEFINITION, "*", Permissions.READ);
            grant(groupId, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
        }
        grant(groupId, Resources.USER, "*", Permissions.READ);
        grant(groupId, Resources.GROUP, "*", Permissions.READ);
        for (Programme programme : programmes) {
            grant(groupId, Resources.PROCESS_DEFINITION, programme.processKey(), ProcessDefinitionPermissions.READ);
        }
        if (role == Role.CLERK && programmes.stream().anyMatch(p -> p.startedBy() == level)) {
            for (Programme programme : programmes) {
                if (programme.startedBy() == level) {
                    grant(groupId, Resources.PROCESS_DEFINITION, programme.processKey(),
                            ProcessDefinitionPermissions.CREATE_INSTANCE);
                }
            }
            grant(groupId, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        }
    }

    /** Grants the group this permission on the resource, adding it to the group's existing grant if there is one. */
    public void grant(String groupId, Resource resource, String resourceId, Permission permission) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        if (existing == null) {
            Authorization auth = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            auth.setGroupId(groupId);
            auth.setResource(resource);
            auth.setResourceId(resourceId);
            auth.addPermission(permission);
            authorizationService.saveAuthorization(auth);
        } else if (!existing.isPermissionGranted(permission)) {
            existing.addPermission(permission);
            authorizationService.saveAuthorization(existing);
        }
    }
}
