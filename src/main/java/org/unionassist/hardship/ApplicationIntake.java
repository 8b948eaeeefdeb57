package org.unionassist.hardship;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import org.unionassist.casework.AsEngine;
import org.unionassist.casework.ErrorCode;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.organisation.CaseAccess;
import org.unionassist.organisation.Jurisdiction;
import org.unionassist.organisation.Members;
import org.unionassist.organisation.Role;
import org.unionassist.organisation.Union;
import org.unionassist.organisation.UnionLevel;
import org.unionassist.organisation.UnionMember;

import java.util.List;

import static org.camunda.spin.Spin.JSON;

/**
 * Service step 登记申请 ({@code ${applicationIntake}}): validates the application, registers the household and the
 * case under the initiating caseworker's grassroots union, and grants per-case read rights along the union path.
 * Runs again after a supplement, then updating the same case.
 */
@Component("applicationIntake")
public class ApplicationIntake implements JavaDelegate {

    private final HardshipCases cases;
    private final Members members;
    private final Jurisdiction jurisdiction;
    private final CaseAccess caseAccess;
    private final ShanghaiClock clock;
    private final IdentityService identityService;

    public ApplicationIntake(HardshipCases cases, Members members, Jurisdiction jurisdiction, CaseAccess caseAccess,
                             ShanghaiClock clock, IdentityService identityService) {
        this.cases = cases;
        this.members = members;
        this.jurisdiction = jurisdiction;
        this.caseAccess = caseAccess;
        this.clock = clock;
        this.identityService = identityService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ApplicationData data = ApplicationData.from(execution, clock.today());
        boolean firstTime = !execution.hasVariable("grassrootsUnion");
        Union grassroots = firstTime ? grassrootsUnionOf((String) execution.getVariable("initiator"))
                : jurisdiction.union((String) execution.getVariable("grassrootsUnion"));
        Union district = jurisdiction.ancestorAtLevel(grassroots.getId(), UnionLevel.DISTRICT);
        Union city = jurisdiction.ancestorAtLevel(grassroots.getId(), UnionLevel.CITY);
        HardshipCase registered = cases.register(execution.getProcessInstanceId(), data, grassroots, district, city,
                clock.today());
        if (firstTime) {
            caseAccess.openCase(execution.getProcessInstanceId(), grassroots.getId());
            execution.setProcessBusinessKey(registered.getCaseNumber());
            execution.setVariable("grassrootsUnion", grassroots.getId());
            execution.setVariable("grassrootsUnionName", grassroots.getName());
            execution.setVariable("districtUnion", district.getId());
            execution.setVariable("districtUnionName", district.getName());
            execution.setVariable("cityUnion", city.getId());
            execution.setVariable("cityUnionName", city.getName());
            execution.setVariable("programme", "困难职工认定");
            execution.setVariable("panelCandidates", panelCandidates(grassroots.getId()));
        }
        data.displayVariables().forEach(execution::setVariable);
        execution.setVariable("applicantName", data.applicantName());
        CaseVariables.publish(execution, registered);
    }

    private Union grassrootsUnionOf(String initiator) {
        if (initiator == null) {
            throw new UnionAssistException(ErrorCode.NOT_A_GRASSROOTS_CLERK, "无法确认申请经办人：请登录后再提交");
        }
        List<UnionMember> clerkships = members.rolesOf(initiator).stream()
                .filter(m -> m.role() == Role.CLERK)
                .filter(m -> jurisdiction.union(m.unionId()).getLevel() == UnionLevel.GRASSROOTS)
                .toList();
        if (clerkships.size() != 1) {
            throw new UnionAssistException(ErrorCode.NOT_A_GRASSROOTS_CLERK,
                    "困难职工认定申请只能由一个基层工会的经办人提交");
        }
        return jurisdiction.union(clerkships.get(0).unionId());
    }

    /** Options for the panel checklist on the grassroots review form: the union's democratic-review panel. */
    private Object panelCandidates(String unionId) {
        var users = AsEngine.call(() -> identityService.createUserQuery()
                .memberOfGroup(Role.PANEL.groupOf(unionId)).orderByUserId().asc().list());
        var options = users.stream()
                .map(u -> java.util.Map.of("label", members.displayName(u.getId()) + "（" + u.getId() + "）",
                        "value", u.getId()))
                .toList();
        return SpinValues.jsonValue(JSON(options)).create();
    }
}
