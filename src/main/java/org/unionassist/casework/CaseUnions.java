package org.unionassist.casework;

import org.unionassist.organisation.Members;
import org.unionassist.organisation.Jurisdiction;
import org.unionassist.organisation.Union;
import org.unionassist.organisation.UnionLevel;
import org.unionassist.organisation.Role;
import org.unionassist.organisation.UnionMember;
import org.unionassist.casework.signoff.AuditTrail;
import org.unionassist.casework.signoff.Decision;
import org.unionassist.casework.signoff.SignedValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The unions a case belongs to (grassroots → district → city), taken once from the grassroots caseworker who opens
 * it and published as the process variables that candidate groups and Tasklist filters use. An application an online
 * service channel files ({@link Role#CHANNEL}) belongs to the channel's grassroots union exactly as if that union's
 * caseworker had filed it; the trail records that it came in through the channel.
 */
@Service
public class CaseUnions {

    private final Members members;
    private final Jurisdiction jurisdiction;
    private final CaseAccess caseAccess;
    private final AuditTrail auditTrail;

    public CaseUnions(Members members, Jurisdiction jurisdiction, CaseAccess caseAccess, AuditTrail auditTrail) {
        this.members = members;
        this.jurisdiction = jurisdiction;
        this.caseAccess = caseAccess;
        this.auditTrail = auditTrail;
    }

    /**
     * The case's path: on first intake from the caseworker who is logged in (the initiator variable only when the
     * application itself starts a case), from the case's variables afterwards. {@code StartGuard} refuses a start that
     * sends the unions or another initiator, so a client cannot choose them.
     */
    public Path of(DelegateExecution execution, String programme) {
        if (isOpen(execution)) {
            return of((String) execution.getVariable("grassrootsUnion"));
        }
        return ofCaseworker(loggedIn().orElse((String) execution.getVariable("initiator")), programme);
    }

    /** The user the engine command under way runs for, if a user is logged in. */
    public static Optional<String> loggedIn() {
        CommandContext command = Context.getCommandContext();
        return Optional.ofNullable(command == null ? null : command.getAuthenticatedUserId());
    }

    /** The unions of this level in which the user is a clerk (经办人). */
    public List<Union> clerkships(String userId, UnionLevel level) {
        return members.rolesOf(userId).stream()
                .filter(m -> m.role() == Role.CLERK)
                .map(m -> jurisdiction.union(m.unionId()))
                .filter(u -> u.getLevel() == level)
                .toList();
    }

    public static boolean isOpen(DelegateExecution execution) {
        return execution.hasVariable("grassrootsUnion");
    }

    /**
     * On first intake, once the case is registered: grants read rights along the path, numbers the instance with the
     * case number and publishes the path. Later intakes (after a supplement) change nothing here.
     */
    public void open(DelegateExecution execution, Path path, String programme, String caseNumber) {
        if (isOpen(execution)) {
            return;
        }
        caseAccess.openCase(execution.getProcessInstanceId(), path.grassroots().getId());
        execution.setProcessBusinessKey(caseNumber);
        path.publish(execution, programme);
        loggedIn().flatMap(user -> members.inRole(user, Role.CHANNEL, path.grassroots().getId()))
                .ifPresent(channel -> recordOnlineIntake(execution, channel));
    }

    private void recordOnlineIntake(DelegateExecution execution, UnionMember channel) {
        auditTrail.recordMemberDecision(execution, Decision.ONLINE_INTAKE, Decision.ONLINE_INTAKE.label(),
                "申请人经" + channel.displayName() + "在线提交，由" + channel.unionName() + "受理", null, channel,
                SignedValues.none(), Map.of());
    }

    public record Path(Union grassroots, Union district, Union city) {

        public void publish(DelegateExecution execution, String programme) {
            execution.setVariable("grassrootsUnion", grassroots.getId());
            execution.setVariable("grassrootsUnionName", grassroots.getName());
            execution.setVariable("districtUnion", district.getId());
            execution.setVariable("cityUnion", city.getId());
            execution.setVariable("programme", programme);
        }
    }

    /**
     * The path of a new case: the initiator must be the caseworker, or the online service channel, of exactly one
     * grassroots union.
     */
    public Path ofCaseworker(String initiator, String programme) {
        if (initiator == null) {
            throw new UnionAssistException(CaseworkError.NOT_A_GRASSROOTS_CLERK, "无法确认经办人：请登录后再提交");
        }
        List<Union> clerkships = members.rolesOf(initiator).stream()
                .filter(m -> m.role() == Role.CLERK || m.role() == Role.CHANNEL)
                .map(m -> jurisdiction.union(m.unionId()))
                .filter(u -> u.getLevel() == UnionLevel.GRASSROOTS)
                .toList();
        if (clerkships.size() != 1) {
            throw new UnionAssistException(CaseworkError.NOT_A_GRASSROOTS_CLERK,
                    programme + "只能由一个基层工会的经办人提交");
        }
        return of(clerkships.get(0).getId());
    }

    public Path of(String grassrootsUnionId) {
        Union grassroots = jurisdiction.union(grassrootsUnionId);
        return new Path(grassroots, jurisdiction.ancestorAtLevel(grassroots.getId(), UnionLevel.DISTRICT),
                jurisdiction.ancestorAtLevel(grassroots.getId(), UnionLevel.CITY));
    }
}
