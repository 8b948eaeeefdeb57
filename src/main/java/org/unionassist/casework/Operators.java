package org.unionassist.casework;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.authorization.Groups;

/** The check every operator-only action makes: the caller is a member of camunda-admin, else NOT_AN_OPERATOR. */
public final class Operators {

    private Operators() {
    }

    /**
     * The authenticated operator, or a refusal naming what only operators may do.
     *
     * @param action what the caller tried, as it reads after "只有系统运维人员（camunda-admin组）可以", e.g. "备份数据库"
     */
    public static Authentication require(IdentityService identityService, String action) {
        Authentication caller = identityService.getCurrentAuthentication();
        if (caller == null || caller.getGroupIds() == null || !caller.getGroupIds().contains(Groups.CAMUNDA_ADMIN)) {
            throw new UnionAssistException(CaseworkError.NOT_AN_OPERATOR, "只有系统运维人员（camunda-admin组）可以" + action);
        }
        return caller;
    }
}
