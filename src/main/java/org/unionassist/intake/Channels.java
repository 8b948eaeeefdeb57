package org.unionassist.intake;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.organisation.Jurisdiction;
import org.unionassist.organisation.Members;
import org.unionassist.organisation.OrganisationSetup;
import org.unionassist.organisation.Role;
import org.unionassist.organisation.Union;
import org.unionassist.organisation.UnionLevel;
import org.unionassist.organisation.UnionMember;

import java.util.List;

/**
 * Online service channels: each is a technical Camunda user in exactly one group {@code <grassroots union>-channel},
 * which binds it to that union. The group may start the programmes a channel files ({@link IntakeProgramme}) and
 * nothing else: no webapp, no reading of users, groups or cases (the status a channel reads comes from the intake
 * API, which checks that the channel filed the case). Every grassroots union gets its channel group on start, so an
 * operator adds a channel in Admin by creating a user and adding it to that group.
 */
@Service
public class Channels {

    private final IdentityService identityService;
    private final Jurisdiction jurisdiction;
    private final Members members;
    private final OrganisationSetup organisation;

    public Channels(IdentityService identityService, Jurisdiction jurisdiction, Members members, OrganisationSetup organisation) {
        this.identityService = identityService;
        this.organisation = organisation;
        this.jurisdiction = jurisdiction;
        this.members = members;
    }

    /** After the organisation is loaded (DemoOrganisation is order 0): a channel group for every grassroots union. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    public void openChannelGroups() {
        jurisdiction.unionsAt(UnionLevel.GRASSROOTS).forEach(union -> openGroup(union.getId()));
    }

    /** Creates the union's channel group with its rights, if missing. Idempotent. */
    @Transactional
    public String openGroup(String grassrootsUnionId) {
        Union union = jurisdiction.union(grassrootsUnionId);
        if (union.getLevel() != UnionLevel.GRASSROOTS) {
            throw new IllegalArgumentException("Only a grassroots union takes applications online: " + grassrootsUnionId);
        }
        String groupId = Role.CHANNEL.groupOf(union.getId());
        if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identityService.newGroup(groupId);
            group.setName(union.getName() + " " + Role.CHANNEL.label());
            group.setType("SYSTEM");
            identityService.saveGroup(group);
        }
        for (IntakeProgramme programme : IntakeProgramme.values()) {
            organisation.grant(groupId, Resources.PROCESS_DEFINITION, programme.processKey(), ProcessDefinitionPermissions.READ);
            organisation.grant(groupId, Resources.PROCESS_DEFINITION, programme.processKey(),
                    ProcessDefinitionPermissions.CREATE_INSTANCE);
        }
        organisation.grant(groupId, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        return groupId;
    }

    /** A channel user bound to the union (the demo's, or an installation's set up in code). Idempotent. */
    @Transactional
    public void addChannel(String userId, String displayName, String password, String grassrootsUnionId) {
        organisation.addUser(userId, displayName, "", password, openGroup(grassrootsUnionId));
    }

    /** The channel a user acts as: its one channel group's union. */
    public UnionMember channelOf(String userId) {
        List<UnionMember> bindings = members.rolesOf(userId).stream().filter(m -> m.role() == Role.CHANNEL).toList();
        if (bindings.isEmpty()) {
            throw new UnionAssistException(IntakeError.NOT_A_CHANNEL,
                    "受理接口只供线上服务渠道账号调用；经办人请在任务中心提交申请");
        }
        if (bindings.size() > 1) {
            throw new UnionAssistException(IntakeError.CHANNEL_NOT_BOUND,
                    "该线上服务渠道账号绑定了多个基层工会，无法确定受理单位：请系统管理员只保留一个渠道组");
        }
        return bindings.get(0);
    }

    /** Whether one of these groups is a channel group ({@code <union>-channel}). */
    static boolean anyChannelGroup(List<String> groupIds) {
        return groupIds != null && groupIds.stream()
                .anyMatch(g -> Role.Group.of(g).map(group -> group.role() == Role.CHANNEL).orElse(false));
    }

}
