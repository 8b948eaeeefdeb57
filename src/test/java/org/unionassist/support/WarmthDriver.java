package org.unionassist.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.camunda.spin.Spin.JSON;

/** Drives a send-warmth campaign through Tasklist's steps, as its clerks and chairs would. */
@Component
public class WarmthDriver {

    public static final String CAMPAIGN = "warmthCampaign";
    public static final String LIST = "warmthList";

    private final ProcessEngine engine;
    private final CaseDriver driver;
    private final MedicalAidDriver starter;

    public WarmthDriver(ProcessEngine engine, CaseDriver driver, MedicalAidDriver starter) {
        this.engine = engine;
        this.driver = driver;
        this.starter = starter;
    }

    /** The plan's start form: the holiday, the year, the period, the budget and the deadlines. */
    public static VariableMap plan(String budget, int recipients, LocalDate listDeadline, LocalDate visitDeadline) {
        return Variables.createVariables()
                .putValue("holiday", "2027年元旦春节")
                .putValue("campaignYear", 2027)
                .putValue("periodStart", "2026-12-15")
                .putValue("periodEnd", "2027-02-28")
                .putValue("totalBudget", Double.valueOf(budget))
                .putValue("plannedRecipients", recipients)
                .putValue("listDeadline", listDeadline.toString())
                .putValue("visitDeadline", visitDeadline.toString());
    }

    public ProcessInstance draft(VariableMap plan) {
        return starter.start("city.clerk", CAMPAIGN, plan);
    }

    /** Drafted, submitted with the configured standards, and approved by the city chair. */
    public ProcessInstance approvedCampaign(String budget, int recipients, LocalDate listDeadline, LocalDate visitDeadline) {
        ProcessInstance campaign = draft(plan(budget, recipients, listDeadline, visitDeadline));
        driver.complete(campaign, "fillPlan", "city.clerk", CaseDriver.decisionOf("submit", null));
        driver.complete(campaign, "approvePlan", "city.chair", "approve", "同意");
        return campaign;
    }

    /** A dynamic list the task shows, with values typed into the rows {@code fill} names by a key column. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> rows(String processInstanceOrExecution, String variable) {
        JsonValue shown = engine.getRuntimeService().getVariableTyped(processInstanceOrExecution, variable);
        return (List<Map<String, Object>>) JSON(shown.getValueSerialized()).mapTo(List.class);
    }

    public static VariableMap withList(VariableMap values, String variable, List<Map<String, Object>> rows) {
        return values.putValueTyped(variable, SpinValues.jsonValue(JSON(rows)).create());
    }

    /** Money and recipients per union id. */
    public record Share(String amount, int recipients) {
    }

    private static List<Map<String, Object>> filled(List<Map<String, Object>> rows, Map<String, Share> shares) {
        List<Map<String, Object>> filled = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> typed = new LinkedHashMap<>(row);
            Share share = shares.getOrDefault((String) row.get("unionId"), new Share("0", 0));
            typed.put("amount", new BigDecimal(share.amount()));
            typed.put("recipients", share.recipients());
            filled.add(typed);
        }
        return filled;
    }

    public void allocateDistricts(ProcessInstance campaign, Map<String, Share> shares) {
        driver.complete(campaign, "allocateDistricts", "city.clerk", withList(CaseDriver.decisionOf("submit", null),
                "districtAllocations", filled(rows(campaign.getId(), "districtAllocations"), shares)));
    }

    /** The district's own 分配基层工会经费和名额 task of the campaign. */
    public Task unionAllocationTask(ProcessInstance campaign, String district) {
        return engine.getTaskService().createTaskQuery().processInstanceId(campaign.getId())
                .taskDefinitionKey("allocateUnions").list().stream()
                .filter(t -> district.equals(engine.getTaskService().getVariable(t.getId(), "roundDistrict")))
                .findFirst().orElseThrow(() -> new AssertionError("no allocation task of " + district));
    }

    public void allocateUnions(ProcessInstance campaign, String district, Map<String, Share> shares) {
        Task task = unionAllocationTask(campaign, district);
        List<Map<String, Object>> shown = rows(task.getExecutionId(), "unionAllocations");
        VariableMap values = withList(CaseDriver.decisionOf("submit", null), "unionAllocations", filled(shown, shares));
        driver.asDo(district + ".clerk", () -> engine.getTaskService().complete(task.getId(), values));
    }

    /** The list process of a grassroots union in the campaign. */
    public ProcessInstance listOf(ProcessInstance campaign, String union) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(LIST)
                .superProcessInstanceId(campaign.getId()).variableValueEquals("grassrootsUnion", union).singleResult();
    }

    /** A recipient row as the list form types it (amounts blank: the plan's standard). */
    public static Map<String, Object> person(String name, String idNumber, String group, String bankCard) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("idNumber", idNumber);
        row.put("group", group);
        row.put("bankCard", bankCard);
        return row;
    }

    public void submitList(ProcessInstance list, String union, List<Map<String, Object>> typed, String removeLines) {
        driver.complete(list, "fillList", union + ".clerk", withList(CaseDriver.decisionOf("submit", null),
                "newRecipients", typed).putValue("removeLines", removeLines));
    }

    /** The approver's form: every finding resolved by {@code resolution} (line → action and justification). */
    public VariableMap approval(ProcessInstance list, Function<Map<String, Object>, String[]> resolution) {
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Map<String, Object> row : rows(list.getId(), "listFindings")) {
            Map<String, Object> typed = new LinkedHashMap<>(row);
            String[] r = resolution.apply(row);
            typed.put("action", r[0]);
            typed.put("justification", r.length > 1 ? r[1] : null);
            findings.add(typed);
        }
        return withList(CaseDriver.decisionOf("approve", "同意"), "listFindings", findings);
    }

    public void approveList(ProcessInstance list, String district, Function<Map<String, Object>, String[]> resolution) {
        driver.complete(list, "approveList", district + ".chair", approval(list, resolution));
    }

    /** A visit row: delivered on a day with a signature, or not reached. */
    public static Map<String, Object> delivered(int line, LocalDate on, String visitor) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("line", line);
        row.put("outcome", "delivered");
        row.put("deliveredOn", on.toString());
        row.put("given", "米、油、慰问信");
        row.put("visitor", visitor);
        row.put("proofKind", "signature");
        return row;
    }

    public static Map<String, Object> unreached(int line, String visitor) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("line", line);
        row.put("outcome", "unreached");
        row.put("visitor", visitor);
        return row;
    }

    public void recordVisits(ProcessInstance list, String union, List<Map<String, Object>> deliveries) {
        driver.complete(list, "recordVisits", union + ".clerk", withList(CaseDriver.decisionOf("submit", null),
                "deliveries", deliveries));
    }

    /** The district's phone-back: every sampled recipient confirms. */
    public void phoneBack(ProcessInstance list, String district) {
        List<Map<String, Object>> sample = new ArrayList<>();
        for (Map<String, Object> row : rows(list.getId(), "phoneBackSample")) {
            Map<String, Object> typed = new LinkedHashMap<>(row);
            typed.put("outcome", "confirmed");
            sample.add(typed);
        }
        driver.complete(list, "phoneBack", district + ".clerk", withList(CaseDriver.decisionOf("submit", null),
                "phoneBackSample", sample));
    }

    public void settleList(ProcessInstance list, String union) {
        driver.complete(list, "settleList", union + ".clerk", "submit", null);
    }

    public void settleDistrict(ProcessInstance campaign, String district) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(campaign.getId())
                .taskDefinitionKey("districtSettlement").list().stream()
                .filter(t -> district.equals(engine.getTaskService().getVariable(t.getId(), "roundDistrict")))
                .findFirst().orElseThrow(() -> new AssertionError("no settlement task of " + district));
        driver.asDo(district + ".clerk", () -> engine.getTaskService().complete(task.getId(),
                CaseDriver.decisionOf("submit", null)));
    }
}
