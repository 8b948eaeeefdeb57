package org.unionassist.education;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.register.CaseEntryRepository;
import org.unionassist.casework.signoff.SignOffRepository;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.MedicalAidDriver;
import org.unionassist.support.ProcessTest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.spin.Spin.JSON;

/** The city sets a year's places per district in Tasklist: its clerk drafts the list, its chair approves it. */
@ProcessTest
class QuotaPlanProcessTest {

    @Autowired CaseDriver driver;
    @Autowired MedicalAidDriver starter;
    @Autowired GrantQuotaRepository quotaRows;
    @Autowired GrantQuotas quotas;
    @Autowired QuotaPlanRepository plans;
    @Autowired SignOffRepository signOffs;
    @Autowired TransactionTemplate transactions;
    @Autowired CaseEntryRepository register;

    private ProcessInstance draft(int year) {
        return starter.start("city.clerk", QuotaPlans.PROCESS, Variables.createVariables().putValue("requestedYear", year));
    }

    /** The list the task shows, with the places typed in for each district named. */
    @SuppressWarnings("unchecked")
    private VariableMap list(ProcessInstance pi, String decision, String opinion, Map<String, Object> places) {
        JsonValue shown = driver.runtime().getVariableTyped(pi.getId(), QuotaPlans.LIST);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : (List<Map<String, Object>>) JSON(shown.getValueSerialized()).mapTo(List.class)) {
            Map<String, Object> typed = new LinkedHashMap<>(row);
            if (places.containsKey(row.get("districtUnionId"))) {
                typed.put("places", places.get(row.get("districtUnionId")));
            }
            rows.add(typed);
        }
        return CaseDriver.decisionOf(decision, opinion).putValueTyped(QuotaPlans.LIST,
                SpinValues.jsonValue(JSON(rows)).create());
    }

    @Test
    void theClerkDraftsTheChairReturnsThenApprovesAndThePlacesAreSet() {
        ProcessInstance pi = draft(2031);
        assertThat(driver.runtime().getVariable(pi.getId(), "caseNumber")).asString().startsWith("JXME2031-");

        assertThatThrownBy(() -> driver.complete(pi, "fillQuotas", "city.clerk",
                list(pi, "submit", null, Map.of("east", 4))))
                .isInstanceOfSatisfying(UnionAssistException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("西城区总工会：名额不能为空"));
        assertThatThrownBy(() -> driver.complete(pi, "fillQuotas", "city.clerk",
                list(pi, "submit", null, Map.of("east", -1, "west", 2.5))))
                .isInstanceOfSatisfying(UnionAssistException.class, e -> assertThat(e.getMessage())
                        .contains("名额表中有2处需要改正").contains("东城区总工会：名额应为0至100000之间的整数")
                        .contains("西城区总工会：名额应为0至100000之间的整数"));
        driver.complete(pi, "fillQuotas", "city.clerk", list(pi, "submit", null, Map.of("east", 4, "west", 6)));

        driver.complete(pi, "approveQuotas", "city.chair", list(pi, "return", "东城区今年申请较多，请增加名额", Map.of()));
        assertThat(quotaRows.findById(new GrantQuota.Key(2031, "east"))).isEmpty();
        driver.complete(pi, "fillQuotas", "city.clerk", list(pi, "submit", "已增加", Map.of("east", 8)));
        driver.complete(pi, "approveQuotas", "city.chair", list(pi, "approve", "同意", Map.of()));

        assertThat(quotaRows.findById(new GrantQuota.Key(2031, "east"))).get()
                .satisfies(q -> {
                    assertThat(q.getPlaces()).isEqualTo(8);
                    assertThat(q.getSetBy()).isEqualTo("city.chair");
                });
        assertThat(quotaRows.findById(new GrantQuota.Key(2031, "west"))).get()
                .extracting(GrantQuota::getPlaces).isEqualTo(6);
        assertThat(plans.findByProcessInstanceId(pi.getId())).get()
                .extracting(QuotaPlan::getStatus).isEqualTo(QuotaPlan.Status.SET);
        assertThat(signOffs.findByProcessInstanceIdOrderByDecidedAtAscIdAsc(pi.getId()))
                .extracting(s -> s.getActorId() + ":" + s.getDecision().code())
                .containsExactly("city.clerk:submit", "city.chair:return", "city.clerk:submit", "city.chair:approve");
        assertThat(driver.engineHistoryEnd(pi)).isEqualTo("quotasSet");
        assertThat(register.findById(pi.getId())).get().satisfies(entry -> {
            assertThat(entry.getCityUnionId()).as("the city's own process, for the city's auditors").isEqualTo("city");
            assertThat(entry.getDistrictUnionId()).isNull();
            assertThat(entry.getGrassrootsUnionId()).isNull();
        });
    }

    @Test
    void aDistrictCannotGetFewerPlacesThanTheCityHasGrantedThere() {
        quotas.set(2032, "east", 3, "city.clerk");
        Integer taken = transactions.execute(status -> quotaRows.takePlace(2032, "east"));
        assertThat(taken).isEqualTo(1);
        ProcessInstance pi = draft(2032);

        assertThatThrownBy(() -> driver.complete(pi, "fillQuotas", "city.clerk",
                list(pi, "submit", null, Map.of("east", 0, "west", 1))))
                .isInstanceOfSatisfying(UnionAssistException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(EducationError.QUOTA_BELOW_GRANTED);
                    assertThat(e.getMessage()).contains("东城区总工会2032年已批准1个名额");
                });
    }

    @Test
    void aRejectedListChangesNothingAndOnlyCityClerksDraftOne() {
        ProcessInstance pi = draft(2033);
        driver.complete(pi, "fillQuotas", "city.clerk", list(pi, "submit", null, Map.of("east", 1, "west", 1)));
        assertThatThrownBy(() -> driver.complete(pi, "approveQuotas", "city.chair", list(pi, "reject", null, Map.of())))
                .isInstanceOfSatisfying(UnionAssistException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CaseworkError.OPINION_REQUIRED));
        driver.complete(pi, "approveQuotas", "city.chair", list(pi, "reject", "待预算批复后再下达", Map.of()));

        assertThat(quotaRows.findByKeyGrantYearOrderByKeyDistrictUnionId(2033)).isEmpty();
        assertThat(driver.engineHistoryEnd(pi)).isEqualTo("quotasNotSet");
        assertThatThrownBy(() -> starter.start("east.clerk", QuotaPlans.PROCESS,
                Variables.createVariables().putValue("requestedYear", 2033)))
                .isInstanceOf(AuthorizationException.class);
    }
}
