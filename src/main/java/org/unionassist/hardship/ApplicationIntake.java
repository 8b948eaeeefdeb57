package org.unionassist.hardship;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import org.unionassist.engine.EngineCommands;
import org.unionassist.casework.PersonalDataInEngine;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.CaseUnions;
import org.unionassist.organisation.Members;
import org.unionassist.organisation.Role;


import static org.camunda.spin.Spin.JSON;

/**
 * Service step 登记申请 ({@code ${applicationIntake}}): validates the application, registers the household and the
 * case under the initiating caseworker's grassroots union, and grants per-case read rights along the union path.
 * Runs again after a supplement, then updating the same case. The raw ID and card numbers stay in the household and
 * case tables: the engine keeps masked copies ({@link PersonalDataInEngine}).
 */
@Component("applicationIntake")
public class ApplicationIntake implements JavaDelegate {

    static final String PROGRAMME = "困难职工认定";

    private final HardshipCases cases;
    private final EngineCommands asEngine;
    private final Members members;
    private final CaseUnions caseUnions;
    private final ShanghaiClock clock;
    private final IdentityService identityService;
    private final PersonalDataInEngine personalData;

    public ApplicationIntake(HardshipCases cases, Members members, CaseUnions caseUnions,
                             ShanghaiClock clock, IdentityService identityService, PersonalDataInEngine personalData, EngineCommands asEngine) {
        this.asEngine = asEngine;
        this.cases = cases;
        this.members = members;
        this.caseUnions = caseUnions;
        this.clock = clock;
        this.identityService = identityService;
        this.personalData = personalData;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean firstTime = !CaseUnions.isOpen(execution);
        if (!firstTime) {
            personalData.restoreIn(execution, originals(cases.byProcessInstance(execution.getProcessInstanceId())));
        }
        ApplicationData data = ApplicationData.from(execution, clock.today());
        CaseUnions.Path path = caseUnions.of(execution, PROGRAMME);
        HardshipCase registered = cases.register(execution.getProcessInstanceId(), data, path.grassroots(),
                path.district(), path.city(), clock.today());
        caseUnions.open(execution, path, PROGRAMME, registered.getCaseNumber());
        if (firstTime) {
            execution.setVariable("panelCandidates", panelCandidates(path.grassroots().getId()));
        }
        data.displayVariables().forEach(execution::setVariable);
        execution.setVariable("applicantName", data.applicantName());
        CaseVariables.publish(execution, registered);
        personalData.maskIn(execution);
    }

    /** The raw numbers this case stored, which the supplement form shows masked. */
    private static PersonalDataInEngine.Originals originals(HardshipCase c) {
        var originals = new PersonalDataInEngine.Originals()
                .idNumber(c.getHousehold().getHeadIdNumber())
                .bankCard(c.getBankCard());
        c.getHousehold().getMembers().forEach(m -> originals.idNumber(m.getIdNumber()));
        return originals;
    }

    /** Options for the panel checklist on the grassroots review form: the union's democratic-review panel. */
    private Object panelCandidates(String unionId) {
        var users = asEngine.call(() -> identityService.createUserQuery()
                .memberOfGroup(Role.PANEL.groupOf(unionId)).orderByUserId().asc().list());
        var options = users.stream()
                .map(u -> java.util.Map.of("label", members.displayName(u.getId()) + "（" + u.getId() + "）",
                        "value", u.getId()))
                .toList();
        return SpinValues.jsonValue(JSON(options)).create();
    }
}
