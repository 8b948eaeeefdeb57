package org.unionassist.warmth;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.signoff.CaseRecordPolicy;
import org.unionassist.casework.signoff.Decision;
import org.unionassist.casework.signoff.SignedValues;
import org.unionassist.casework.signoff.StepRules;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Sign-offs of a grassroots union's list: its unions, campaign and number are protected. Each step's check reads
 * what the form submits before anything is kept; the sign-off then takes it into the recipients' rows (typed rows and
 * removals, the approver's resolutions, visits, phone-back outcomes) in the same transaction as the step.
 */
@Component
public class ListRecords extends CaseRecordPolicy<RecipientList> {

    private final RecipientListRepository lists;
    private final WarmthLists warmthLists;
    private final WarmthReports reports;
    private final ShanghaiClock clock;

    public ListRecords(RecipientListRepository lists, WarmthLists warmthLists, WarmthReports reports,
                       ShanghaiClock clock) {
        super(WarmthLists.PROCESS);
        this.lists = lists;
        this.warmthLists = warmthLists;
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    protected RecipientList load(DelegateTask task) {
        return lists.findByProcessInstanceId(task.getProcessInstanceId()).orElseThrow();
    }

    @Override
    protected Map<String, Function<RecipientList, Object>> protectedVariables() {
        return Map.of("grassrootsUnion", RecipientList::getGrassrootsUnionId,
                "districtUnion", RecipientList::getDistrictUnionId, "campaignId", RecipientList::getCampaignId,
                "caseNumber", RecipientList::number);
    }

    @Override
    protected String caseNumber(RecipientList list) {
        return list.number();
    }

    @Override
    public Map<String, StepCheck<RecipientList>> checks() {
        return Map.of(
                "listRows", (task, list, decision) -> warmthLists.changes(task, list),
                "listApproval", (task, list, decision) -> {
                    if (decision == Decision.APPROVE) {
                        warmthLists.resolutions(task, list);
                    }
                },
                "visits", (task, list, decision) -> warmthLists.deliveries(task));
    }

    @Override
    protected SignedValues apply(DelegateTask task, RecipientList list, Decision decision, StepRules step) {
        BigDecimal amount = null;
        switch (task.getTaskDefinitionKey()) {
            case "fillList" -> {
                warmthLists.takeChanges(task, list);
                amount = warmthLists.listedTotal(list);
            }
            case "approveList" -> {
                if (decision == Decision.APPROVE) {
                    amount = warmthLists.resolve(task, list);
                } else {
                    list.returned(clock.today());
                }
            }
            case "recordVisits" -> warmthLists.takeVisits(task, list);
            case "phoneBack" -> warmthLists.takePhoneBack(task, list, WarmthCampaigns.loggedIn("回访"));
            default -> {
                // the settlement is recorded by its service step
            }
        }
        return amount == null ? SignedValues.none() : new SignedValues(null, null, amount, null);
    }

    @Override
    protected Map<String, Object> snapshot(DelegateTask task, RecipientList list) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("caseNumber", list.number());
        s.put("status", list.getStatus().label());
        s.put("listShown", warmthLists.described(list));
        s.put("allocationShown", String.valueOf(task.getVariable("allocationShown")));
        switch (task.getTaskDefinitionKey()) {
            case "approveList" -> {
                s.put("findingsShown", String.valueOf(task.getVariable("findingsShown")));
                s.put("resolutions", WarmthLists.summary(task.getVariable(WarmthLists.FINDINGS),
                        "kinds", "action", "justification"));
            }
            case "recordVisits" -> s.put("visitShown", String.valueOf(task.getVariable("visitShown")));
            case "phoneBack" -> s.put("phoneBackOutcomes", WarmthLists.summary(task.getVariable(WarmthLists.SAMPLE),
                    "outcome", "note"));
            case "settleList" -> s.put("settlementSigned", WarmthReports.summary(reports.ofList(list)));
            default -> {
                // the list's figures are all
            }
        }
        return s;
    }
}
