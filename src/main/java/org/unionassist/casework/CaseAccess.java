package org.unionassist.casework;

import org.unionassist.organisation.Role;
import org.unionassist.organisation.Jurisdiction;
import org.unionassist.organisation.Union;
import org.unionassist.organisation.UnionLevel;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Service;
import org.unionassist.engine.EngineCommands;

import java.util.Collection;

/**
 * Per-case read rights, granted when a case opens: the unions on the case's path (its grassroots union, the district
 * and the city) may read the running instance and its history; the auditors of every union whose jurisdiction covers
 * the case read it too, and change nothing. Task rights come from candidate groups (the engine grants those itself),
 * so a union sees and works only the tasks that are at its own level.
 */
@Service
public class CaseAccess {

    private final AuthorizationService authorizationService;
    private final EngineCommands asEngine;
    private final Jurisdiction jurisdiction;

    public CaseAccess(AuthorizationService authorizationService, Jurisdiction jurisdiction, EngineCommands asEngine) {
        this.asEngine = asEngine;
        this.authorizationService = authorizationService;
        this.jurisdiction = jurisdiction;
    }

    public void openCase(String processInstanceId, String grassrootsUnionId) {
        asEngine.run(() -> grantAlongPath(processInstanceId, grassrootsUnionId));
    }

    /**
     * Whether one of these groups holds the read grant of the case's history: the grant is looked up by the case's
     * id (indexed), not through an authenticated engine query, which would first read every group id of the whole
     * authorization table (docs/benchmarks.md).
     */
    public boolean historyGrantedToAny(Collection<String> groupIds, String processInstanceId) {
        if (groupIds == null || groupIds.isEmpty()) {
            return false;
        }
        return asEngine.call(() -> authorizationService.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .resourceType(Resources.HISTORIC_PROCESS_INSTANCE)
                .resourceId(processInstanceId)
                .groupIdIn(groupIds.toArray(String[]::new))
                .hasPermission(HistoricProcessInstancePermissions.READ)
                .count()) > 0;
    }

    private void grantAlongPath(String processInstanceId, String grassrootsUnionId) {
        for (Union union : jurisdiction.selfAndAncestors(grassrootsUnionId)) {
            for (Role role : Role.values()) {
                if (role == Role.PANEL && union.getLevel() != UnionLevel.GRASSROOTS || role == Role.CHANNEL) {
                    // a channel reads the status of what it filed through the intake API only, never the case itself
                    continue;
                }
                String group = role.groupOf(union.getId());
                grant(group, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
                grant(group, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
                        HistoricProcessInstancePermissions.READ);
            }
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
        Authorization auth = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        auth.setGroupId(groupId);
        auth.setResource(resource);
        auth.setResourceId(resourceId);
        auth.addPermission(permission);
        authorizationService.saveAuthorization(auth);
    }
}
