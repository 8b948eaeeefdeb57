package org.unionassist.warmth;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.unionassist.casework.signoff.CaseRecordPolicy;
import org.unionassist.casework.signoff.Decision;
import org.unionassist.casework.signoff.SignedValues;
import org.unionassist.casework.signoff.StepRules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Sign-offs of a campaign: the city, the campaign and its number are protected. The plan's steps check the plan
 * (the clerk's submission is what the campaign then holds); the allocation steps check their rows against the budget
 * and write them to the ledger when signed; each settlement marks its union settled. The snapshot keeps the plan and
 * the figures the signer saw.
 */
@Component
public class CampaignRecords extends CaseRecordPolicy<Campaign> {

    private final CampaignRepository campaigns;
    private final WarmthCampaigns warmthCampaigns;
    private final WarmthReports reports;

    public CampaignRecords(CampaignRepository campaigns, WarmthCampaigns warmthCampaigns, WarmthReports reports) {
        super(WarmthCampaigns.PROCESS);
        this.campaigns = campaigns;
        this.warmthCampaigns = warmthCampaigns;
        this.reports = reports;
    }

    @Override
    protected Campaign load(DelegateTask task) {
        return campaigns.findByProcessInstanceId(task.getProcessInstanceId()).orElseThrow();
    }

    @Override
    protected Map<String, Function<Campaign, Object>> protectedVariables() {
        return Map.of("cityUnion", Campaign::getCityUnionId, "campaignId", Campaign::getId,
                "caseNumber", Campaign::number);
    }

    @Override
    protected String caseNumber(Campaign campaign) {
        return campaign.number();
    }

    @Override
    public Map<String, StepCheck<Campaign>> checks() {
        return Map.of(
                "plan", (task, campaign, decision) -> {
                    if (decision == Decision.SUBMIT) {
                        warmthCampaigns.plan(task);
                        warmthCampaigns.standards(task);
                    }
                },
                "districtAllocation", (task, campaign, decision) -> warmthCampaigns.allocations(task,
                        WarmthCampaigns.DISTRICT_ALLOCATIONS, campaign.getId(), campaign.getCityUnionId()),
                "unionAllocation", (task, campaign, decision) -> warmthCampaigns.allocations(task,
                        WarmthCampaigns.UNION_ALLOCATIONS, campaign.getId(), district(task)));
    }

    @Override
    protected SignedValues apply(DelegateTask task, Campaign campaign, Decision decision, StepRules step) {
        String signer = WarmthCampaigns.loggedIn("办理");
        switch (task.getTaskDefinitionKey()) {
            case "fillPlan" -> warmthCampaigns.replan(campaign, task);
            case "allocateDistricts" -> warmthCampaigns.allocateDistricts(task, campaign, signer);
            case "allocateUnions" -> warmthCampaigns.allocateUnions(task, campaign, district(task), signer);
            case "districtSettlement" -> warmthCampaigns.settleAccount(campaign, district(task), signer);
            case "citySettlement" -> warmthCampaigns.settleAccount(campaign, campaign.getCityUnionId(), signer);
            default -> {
                // the chair's approval changes nothing here: 启动活动 opens the campaign
            }
        }
        return new SignedValues(null, null, campaign.getTotalBudget(), null);
    }

    private static String district(DelegateTask task) {
        return (String) task.getVariable("roundDistrict");
    }

    @Override
    protected Map<String, Object> snapshot(DelegateTask task, Campaign campaign) {
        Campaign.Plan plan = campaign.plan();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("caseNumber", campaign.number());
        s.put("holiday", plan.holiday());
        s.put("totalBudget", plan.totalBudget());
        s.put("plannedRecipients", plan.plannedRecipients());
        s.put("listDeadline", plan.listDeadline().toString());
        s.put("visitDeadline", plan.visitDeadline().toString());
        s.put("standardsSigned", String.join("；", warmthCampaigns.standardsOf(campaign.getId()).entrySet().stream()
                .map(e -> e.getKey().label() + "：现金" + e.getValue().cash() + "元、物资" + e.getValue().goods() + "元")
                .toList()));
        switch (task.getTaskDefinitionKey()) {
            case "allocateDistricts" -> s.put("allocationsSigned",
                    WarmthCampaigns.summary(task.getVariable(WarmthCampaigns.DISTRICT_ALLOCATIONS)));
            case "allocateUnions" -> s.put("allocationsSigned",
                    WarmthCampaigns.summary(task.getVariable(WarmthCampaigns.UNION_ALLOCATIONS)));
            case "districtSettlement" -> s.put("settlementSigned",
                    WarmthReports.summary(reports.ofDistrict(campaign.getId(), district(task))));
            case "citySettlement" -> s.put("settlementSigned", WarmthReports.summary(reports.ofCity(campaign)));
            default -> {
                // the plan is all
            }
        }
        return s;
    }
}
