package org.unionassist.warmth;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionassist.audit.AuditWorkspaceController;
import org.unionassist.audit.CrossProgrammeCheck;
import org.unionassist.casework.register.CaseEntry;
import org.unionassist.casework.register.CaseEntryRepository;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.ProcessTest;
import org.unionassist.support.WarmthDriver;
import org.unionassist.support.WarmthDriver.Share;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionassist.support.WarmthDriver.person;

/**
 * A campaign and its lists as the auditors see them: both in the register under their unions, the lists' recipients
 * in the case view (masked), the approver's justification for a duplicate kept, the duplicate in the cross-check; and
 * no raw ID number or card in the engine's variables or history, although the clerk typed them in the form.
 */
@ProcessTest
class WarmthInAuditorViewsTest {

    static final String CARD = "6222020200112233445";

    @Autowired WarmthDriver warmth;
    @Autowired CaseDriver driver;
    @Autowired AuditWorkspaceController workspace;
    @Autowired CaseEntryRepository register;
    @Autowired HistoryService history;

    @BeforeEach
    void today() {
        CaseDriver.today(WarmthCampaignProcessTest.TODAY);
    }

    @AfterEach
    void realTime() {
        CaseDriver.realTime();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCampaignItsListsAndRecipientsAreInTheAuditorsViewsMaskedAndNotInTheEngine() {
        ProcessInstance campaign = warmth.approvedCampaign("100000", 100, WarmthCampaignProcessTest.LISTS_DUE,
                WarmthCampaignProcessTest.VISITS_DUE);
        warmth.allocateDistricts(campaign, Map.of("east", new Share("50000", 50), "west", new Share("50000", 50)));
        warmth.allocateUnions(campaign, "east", Map.of("eaststeel", new Share("20000", 20)));
        warmth.allocateUnions(campaign, "west", Map.of("westtextile", new Share("20000", 20)));
        String twice = IdNumbers.next();
        String model = IdNumbers.next();
        ProcessInstance steel = warmth.listOf(campaign, "eaststeel");
        ProcessInstance textile = warmth.listOf(campaign, "westtextile");
        warmth.submitList(steel, "eaststeel", List.of(person("欧阳明", twice, "frontLine", ""),
                person("李劳模", model, "modelWorker", CARD)), "");
        warmth.submitList(textile, "westtextile", List.of(person("欧阳明", twice, "frontLine", "")), "");
        warmth.approveList(steel, "east", f -> new String[] {"keep", "钢铁厂春节值守，区总工会研究同意两处慰问"});
        warmth.approveList(textile, "west", f -> new String[] {"keep", "纺织厂家属慰问"});

        CaseEntry campaignEntry = register.findById(campaign.getId()).orElseThrow();
        assertThat(campaignEntry.getProgrammeName()).isEqualTo("两节送温暖");
        CaseEntry listEntry = register.findById(steel.getId()).orElseThrow();
        assertThat(listEntry.getProgrammeName()).isEqualTo("两节送温暖基层名单");
        assertThat(listEntry.getCaseNumber()).startsWith("SNWL");

        // the list's case view: recipients masked, the justification, the approver's resolution in the trail
        Map<String, Object> view = driver.as("east.auditor", () -> workspace.caseView(steel.getId()));
        assertThat(view.toString()).contains("欧**").contains("钢铁厂春节值守").contains("李**")
                .doesNotContain("欧阳明").doesNotContain("李劳模").doesNotContain(twice).doesNotContain(model)
                .doesNotContain(CARD);
        List<Map<String, Object>> signOffs = (List<Map<String, Object>>) view.get("signOffs");
        assertThat(signOffs).filteredOn(s -> "审核慰问名单".equals(s.get("step"))).singleElement()
                .satisfies(s -> assertThat(s.toString()).contains("核查结果处理").contains("保留"));
        assertThat(signOffs).flatExtracting(s -> (List<Map<String, String>>) s.get("seen"))
                .extracting(r -> r.get("item")).allMatch(item -> item.matches(".*\\p{IsHan}.*"));
        Map<String, Object> campaignView = driver.as("city.auditor", () -> workspace.caseView(campaign.getId()));
        assertThat(campaignView.toString()).contains("经费台账").contains("东城钢铁厂工会");

        // the cross-check: the same person kept on the lists of two unions of one campaign
        CrossProgrammeCheck.Report report = driver.as("city.auditor", () -> workspace.crossChecks(2026));
        assertThat(report.toString()).contains("送温暖名单").contains("钢铁厂春节值守").doesNotContain(twice);

        // no raw ID number or card in the engine, though the clerk typed them into the list form
        List<String> seen = new ArrayList<>();
        for (ProcessInstance pi : List.of(steel, textile)) {
            driver.runtime().createVariableInstanceQuery().processInstanceIdIn(pi.getId())
                    .disableCustomObjectDeserialization().list()
                    .forEach(v -> seen.add("ACT_RU_VARIABLE " + v.getName() + "=" + shown(v.getTypedValue())));
            history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                    .disableCustomObjectDeserialization().list()
                    .forEach(v -> seen.add("ACT_HI_VARINST " + v.getName() + "=" + shown(v.getTypedValue())));
            for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(pi.getId())
                    .disableCustomObjectDeserialization().list()) {
                if (detail instanceof HistoricVariableUpdate update) {
                    seen.add("ACT_HI_DETAIL " + update.getVariableName() + "=" + shown(update.getTypedValue()));
                }
            }
        }
        assertThat(seen).anyMatch(v -> v.contains("newRecipients"));
        assertThat(seen).allSatisfy(v -> assertThat(v).doesNotContain(twice, model, CARD));
    }

    /** A value as stored: the serialized text of a JSON or object value, which is where a raw number would hide. */
    private static String shown(org.camunda.bpm.engine.variable.value.TypedValue value) {
        if (value instanceof org.camunda.bpm.engine.variable.value.SerializableValue serializable) {
            return serializable.getValueSerialized();
        }
        return value == null ? null : String.valueOf(value.getValue());
    }
}
