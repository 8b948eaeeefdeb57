package org.unionassist.organisation;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.ProcessTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.unionassist.support.CaseDriver.decisionOf;

/**
 * Who sees and works a case: its own union's people at their own step; auditors read within their jurisdiction, and
 * the decision tables (the city's rules), and change nothing.
 */
@ProcessTest
class CaseAuthorizationTest {

    @Autowired CaseDriver driver;
    @Autowired HistoryService historyService;
    @Autowired RepositoryService repositoryService;
    @Autowired DecisionService decisionService;

    @Test
    void aClerkOfAnotherUnionNeitherSeesNorCompletesTheCaseTasks() {
        ProcessInstance pi = driver.apply("eaststeel.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
        Task visit = driver.task(pi, "homeVisit");

        assertThat(driver.as("eaststeel.clerk", () -> driver.tasks().createTaskQuery().taskId(visit.getId()).count()))
                .isEqualTo(1);
        for (String outsider : new String[] {"westtextile.clerk", "eaststreet.clerk", "eaststeel.auditor"}) {
            assertThat(driver.as(outsider, () -> driver.tasks().createTaskQuery().processInstanceId(pi.getId()).count()))
                    .as(outsider).isZero();
            assertThatThrownBy(() -> driver.asDo(outsider, () ->
                    driver.tasks().complete(visit.getId(), decisionOf("submit", null))))
                    .as(outsider).isInstanceOf(AuthorizationException.class);
        }
        assertThat(driver.as("westtextile.clerk", () -> driver.runtime().createProcessInstanceQuery()
                .processInstanceId(pi.getId()).count())).isZero();
    }

    @Test
    void theDistrictSeesTheCaseOnlyWhenItReachesTheDistrictStep() {
        ProcessInstance pi = driver.apply("eaststeel.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));
        assertThat(driver.as("east.clerk", () -> driver.tasks().createTaskQuery().processInstanceId(pi.getId()).count()))
                .isZero();
        ProcessInstance atDistrict = driver.caseAtDistrict("eaststreet", IdNumbers.next());
        assertThat(driver.as("east.clerk", () -> driver.tasks().createTaskQuery()
                .processInstanceId(atDistrict.getId()).count())).isEqualTo(1);
        assertThat(driver.as("west.clerk", () -> driver.tasks().createTaskQuery()
                .processInstanceId(atDistrict.getId()).count())).isZero();
        assertThat(driver.as("eaststreet.clerk", () -> driver.tasks().createTaskQuery()
                .processInstanceId(atDistrict.getId()).count())).isZero();
    }

    @Test
    void auditorsReadTheHistoryOfEveryCaseInTheirJurisdictionAndNothingElse() {
        ProcessInstance pi = driver.apply("eaststeel.clerk", CaseDriver.deepHardshipApplication(IdNumbers.next()));

        for (String auditor : new String[] {"eaststeel.auditor", "east.auditor", "city.auditor"}) {
            assertThat(driver.as(auditor, () -> historyService.createHistoricProcessInstanceQuery()
                    .processInstanceId(pi.getId()).count())).as(auditor).isEqualTo(1);
            assertThat(driver.as(auditor, () -> driver.runtime().createProcessInstanceQuery()
                    .processInstanceId(pi.getId()).count())).as(auditor).isEqualTo(1);
        }
        for (String outsider : new String[] {"west.auditor", "eaststreet.auditor", "westtextile.auditor"}) {
            assertThat(driver.as(outsider, () -> historyService.createHistoricProcessInstanceQuery()
                    .processInstanceId(pi.getId()).count())).as(outsider).isZero();
        }
        assertThatThrownBy(() -> driver.asDo("city.auditor",
                () -> driver.runtime().setVariable(pi.getId(), "category", "DEEP")))
                .isInstanceOf(AuthorizationException.class);
    }

    @Test
    void auditorsReadTheDecisionTablesAndEvaluateNone() {
        for (String auditor : new String[] {"eaststeel.auditor", "east.auditor", "city.auditor"}) {
            assertThat(driver.as(auditor, () -> repositoryService.createDecisionDefinitionQuery().latestVersion().list())
                    .stream().map(DecisionDefinition::getKey)).as(auditor)
                    .contains("hardshipCategory", "minimumLivingStandard", "medicalAidBenefit", "medicalAidApprovalLevel");
            assertThat(driver.as(auditor, () -> repositoryService.createDecisionRequirementsDefinitionQuery()
                    .decisionRequirementsDefinitionKey("hardshipCategoryDefinitions").count())).as(auditor).isOne();
            assertThatThrownBy(() -> driver.asDo(auditor, () -> decisionService.evaluateDecisionTableByKey(
                    "medicalAidApprovalLevel", Variables.createVariables().putValue("claimType", "INPATIENT")
                            .putValue("payout", 100))))
                    .as(auditor).isInstanceOf(AuthorizationException.class);
            assertThat(driver.as(auditor, () -> historyService.createHistoricDecisionInstanceQuery().count()))
                    .as("%s reads no evaluations: the engine cannot limit them to a jurisdiction", auditor).isZero();
        }
        for (String caseworker : new String[] {"eaststeel.clerk", "east.chair", "city.clerk"}) {
            assertThat(driver.as(caseworker, () -> repositoryService.createDecisionDefinitionQuery().count()))
                    .as(caseworker).isZero();
        }
    }
}
