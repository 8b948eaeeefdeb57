package org.unionassist.education;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionassist.audit.AuditWorkspaceController;
import org.unionassist.casework.PersonalData;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.register.CaseEntry;
import org.unionassist.casework.register.CaseEntryRepository;
import org.unionassist.casework.register.CaseOutcome;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.EducationGrantDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.ProcessTest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A 金秋助学 case decided in a district sitting, as the auditors see it: found in the search within the jurisdiction
 * only, with the district's collective decision signed by its chair, the outcome and the payment; and no raw ID number
 * or card in the engine's variables or history.
 */
@ProcessTest
class EducationInAuditorViewsTest {

    private static final String CARD = "6222 0202 0011 2233 445";

    @Autowired EducationGrantDriver education;
    @Autowired CaseDriver driver;
    @Autowired AuditWorkspaceController workspace;
    @Autowired CaseEntryRepository register;
    @Autowired GrantQuotas quotas;
    @Autowired GrantQuotaRepository quotaRows;
    @Autowired EducationGrantRepository grants;
    @Autowired HistoryService history;

    /** A grant year of the tests that count the quota (see {@link EducationGrantDriver#OWN_YEAR}). */
    static final java.time.LocalDate IN_WINDOW = EducationGrantDriver.IN_OWN_YEAR;
    static final int YEAR = EducationGrantDriver.OWN_YEAR;

    @BeforeEach
    void inTheWindow() {
        CaseDriver.today(IN_WINDOW);
    }

    @AfterEach
    void resetClock() {
        CaseDriver.realTime();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCaseDecidedInASittingIsFoundSignedAndPaidWithinTheJurisdictionOnly() {
        String student = IdNumbers.next();
        String worker = IdNumbers.next();
        ProcessInstance pi = education.awaitingDistrict("eaststeel",
                EducationGrantDriver.temporaryHardship(student, worker, "undergraduate"));
        ProcessInstance sitting = approveInOneSitting("east", pi);
        driver.fireTimer(pi);
        int granted = quotaRows.findById(new GrantQuota.Key(YEAR, "east")).map(GrantQuota::getGranted).orElse(0);
        quotas.set(YEAR, "east", granted + 1, "city.clerk");
        driver.complete(pi, "cityApproval", "city.chair", "approve", "同意");
        education.pay(pi);
        EducationGrant grant = grants.findByProcessInstanceId(pi.getId()).orElseThrow();
        String caseNumber = grant.getCaseNumber();

        // the register: approved after payment, applicant masked
        CaseEntry entry = register.findById(pi.getId()).orElseThrow();
        assertThat(entry.getProgrammeName()).isEqualTo("金秋助学");
        assertThat(entry.getOutcome()).isEqualTo(CaseOutcome.APPROVED);
        assertThat(entry.isRunning()).isFalse();
        assertThat(entry.getApplicantMasked()).isEqualTo("王**");
        assertThat(entry.getAmount()).isEqualByComparingTo(grant.getAmount());

        // the search, within east only
        Map<String, Object> found = search("east.auditor", caseNumber);
        assertThat(found.get("total")).isEqualTo(1L);
        Map<String, Object> row = ((List<Map<String, Object>>) found.get("rows")).get(0);
        assertThat(row).containsEntry("caseNumber", caseNumber).containsEntry("programme", "金秋助学")
                .containsEntry("applicant", "王**").containsEntry("state", "已办结")
                .containsEntry("grassrootsUnion", "东城钢铁厂工会").containsEntry("districtUnion", "东城区总工会")
                .containsEntry("processInstanceId", pi.getId());
        assertThat(row.toString()).doesNotContain("王小明").doesNotContain(student);
        Map<String, Object> byProgramme = driver.as("east.auditor", () -> workspace.cases(
                EducationGrantDriver.GRANT, null, null, null, null, null, caseNumber, null, null, null, 0, 20));
        assertThat(byProgramme.get("total")).isEqualTo(1L);
        assertThat(search("west.auditor", caseNumber).get("total")).isEqualTo(0L);
        assertThat(search("city.auditor", caseNumber).get("total")).isEqualTo(1L);

        // the case view: the district's collective decision signed by its chair, with the sitting's attendees
        Map<String, Object> view = driver.as("east.auditor", () -> workspace.caseView(pi.getId()));
        List<Map<String, Object>> signOffs = (List<Map<String, Object>>) view.get("signOffs");
        assertThat(signOffs).filteredOn(s -> "区总工会集体研究决定".equals(s.get("step"))).singleElement()
                .satisfies(s -> {
                    assertThat((String) s.get("actor")).contains("east.chair");
                    assertThat(s.get("union")).isEqualTo("东城区总工会");
                    assertThat(s.get("decision")).isEqualTo("同意资助，进入公示");
                    assertThat((String) s.get("findings")).contains("参会人员").contains("张主席");
                });
        assertThat(signOffs).flatExtracting(s -> (List<Map<String, String>>) s.get("seen"))
                .as("every value under its form's label").extracting(r -> r.get("item"))
                .allMatch(item -> item.matches(".*\\p{IsHan}.*"));
        assertThat(view.get("case")).satisfies(c -> assertThat((Map<String, Object>) c)
                .containsEntry("programme", "金秋助学").containsEntry("applicant", "王**"));
        List<Map<String, Object>> paid = (List<Map<String, Object>>) view.get("disbursements");
        assertThat(paid).singleElement().satisfies(d -> {
            assertThat(d.get("amount")).isEqualTo(grant.getAmount().toPlainString());
            assertThat(d.get("payee")).isEqualTo("王**");
        });
        assertThat(view.toString()).doesNotContain(student).doesNotContain(worker)
                .doesNotContain(CARD.replace(" ", "")).doesNotContain("王小明").doesNotContain("王建国");

        for (String outsider : new String[] {"west.auditor", "westtextile.auditor", "eaststreet.auditor"}) {
            assertThatThrownBy(() -> driver.as(outsider, () -> workspace.caseView(pi.getId())))
                    .as(outsider).isInstanceOfSatisfying(UnionAssistException.class,
                            e -> assertThat(e.errorCode().httpStatus()).isEqualTo(404))
                    .hasMessageContaining("找不到该案件");
        }

        // no raw student ID, worker ID or card in the engine: the case's and the sitting's variables and history
        List<String> raw = List.of(student, worker, CARD, CARD.replace(" ", ""));
        assertNoRawValueInEngine(raw, pi, sitting);
    }

    private Map<String, Object> search(String auditor, String caseNumber) {
        return driver.as(auditor, () -> workspace.cases(null, null, null, null, null, null, caseNumber, null, null,
                null, 0, 20));
    }

    private ProcessInstance approveInOneSitting(String district, ProcessInstance mine) {
        ProcessInstance sitting = education.convene(district);
        Map<String, String[]> decisions = new HashMap<>();
        for (Map<String, Object> row : education.agenda(sitting)) {
            decisions.put((String) row.get("caseNumber"), new String[]{"return", "本次会议不研究"});
        }
        decisions.put(education.caseNumber(mine), new String[]{"approve", "同意"});
        education.decide(sitting, district, decisions);
        return sitting;
    }

    private void assertNoRawValueInEngine(List<String> raw, ProcessInstance... instances) {
        int checked = 0;
        for (ProcessInstance pi : instances) {
            List<String> seen = new ArrayList<>();
            driver.runtime().createVariableInstanceQuery().processInstanceIdIn(pi.getId())
                    .disableCustomObjectDeserialization().list()
                    .forEach(v -> seen.add("ACT_RU_VARIABLE " + v.getName() + "=" + v.getValue()));
            history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                    .disableCustomObjectDeserialization().list()
                    .forEach(v -> seen.add("ACT_HI_VARINST " + v.getName() + "=" + v.getValue()));
            for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(pi.getId())
                    .disableCustomObjectDeserialization().list()) {
                if (detail instanceof HistoricVariableUpdate update) {
                    seen.add("ACT_HI_DETAIL " + update.getVariableName() + "="
                            + (update.getTypedValue() == null ? null : update.getTypedValue().getValue()));
                } else if (detail instanceof HistoricFormField field) {
                    seen.add("ACT_HI_DETAIL form " + field.getFieldId() + "=" + field.getFieldValue());
                }
            }
            for (String value : seen) {
                assertThat(value).doesNotContain(raw);
            }
            checked += seen.size();
        }
        assertThat(checked).as("variables and details looked at").isGreaterThan(20);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instances[0].getId())
                .variableName("studentIdNumber").singleResult().getValue())
                .as("the engine keeps the masked copy").isEqualTo(PersonalData.maskIdNumber(raw.get(0)));
    }
}
