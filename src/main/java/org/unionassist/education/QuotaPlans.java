package org.unionassist.education;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import org.unionassist.casework.CaseAccess;
import org.unionassist.casework.CaseUnions;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.Refusals;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.lists.ListCells;
import org.unionassist.casework.lists.ListColumn;
import org.unionassist.casework.lists.ListReader;
import org.unionassist.organisation.Jurisdiction;
import org.unionassist.organisation.Union;
import org.unionassist.organisation.UnionLevel;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.camunda.spin.Spin.JSON;

/**
 * 金秋助学年度名额下达 (process {@code educationGrantQuota}): a city clerk drafts the year's places of every district in
 * one list, the city chair approves them (or returns them with an opinion), and only then are they set
 * ({@link GrantQuotas#set}). A district's places never go below what the city has already granted there.
 */
@Component("quotaPlans")
public class QuotaPlans {

    public static final String PROCESS = "educationGrantQuota";
    static final String LIST = "quotas";

    private static final ListColumn<String> DISTRICT =
            ListColumn.required("districtUnionId", "区总工会", ListCells.anyText());
    private static final ListColumn<Integer> PLACES =
            ListColumn.required("places", "名额", ListCells.count(0, GrantQuotas.MOST_PLACES));
    private static final ListReader<Row> ROWS = ListReader.of("名额表", List.of(DISTRICT, PLACES),
            row -> new Row(row.source(), row.get(DISTRICT), row.get(PLACES)));

    record Row(String source, String districtUnionId, int places) {
    }

    private final QuotaPlanRepository plans;
    private final GrantQuotas quotas;
    private final CaseUnions caseUnions;
    private final Jurisdiction jurisdiction;
    private final CaseAccess caseAccess;
    private final ShanghaiClock clock;

    public QuotaPlans(QuotaPlanRepository plans, GrantQuotas quotas, CaseUnions caseUnions,
                      Jurisdiction jurisdiction, CaseAccess caseAccess, ShanghaiClock clock) {
        this.plans = plans;
        this.quotas = quotas;
        this.caseUnions = caseUnions;
        this.jurisdiction = jurisdiction;
        this.caseAccess = caseAccess;
        this.clock = clock;
    }

    /** Service step 汇总各区名额: the drafting clerk's city, the year, and every district with its current places. */
    public void draft(DelegateExecution execution) {
        String clerk = loggedIn();
        Union city = caseUnions.clerkships(clerk, UnionLevel.CITY).stream()
                .findFirst().orElseThrow(() -> new UnionAssistException(CaseworkError.NOT_AUTHORIZED,
                        "金秋助学年度名额只能由市总工会经办人拟定"));
        int year = year(execution.getVariable("requestedYear"));
        QuotaPlan plan = plans.saveAndFlush(new QuotaPlan(execution.getProcessInstanceId(), city.getId(), year, clerk,
                clock.today()));
        caseAccess.openCase(execution.getProcessInstanceId(), city.getId());
        execution.setProcessBusinessKey(plan.number());
        execution.setVariable("caseNumber", plan.number());
        execution.setVariable("cityUnion", city.getId());
        execution.setVariable("quotaYear", year);
        execution.setVariable("programme", "金秋助学");
        Map<String, GrantQuota> set = quotas.ofYear(year).stream()
                .collect(Collectors.toMap(GrantQuota::getDistrictUnionId, q -> q));
        List<Map<String, Object>> rows = jurisdiction.unionsAt(UnionLevel.DISTRICT).stream().map(d -> {
            GrantQuota q = set.get(d.getId());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("districtUnionId", d.getId());
            row.put("districtName", d.getName());
            // where a refusal says the row is: the district's name, not a line number
            row.put("source", d.getName());
            row.put("granted", q == null ? 0 : q.getGranted());
            row.put("currentPlaces", q == null ? "未下达" : String.valueOf(q.getPlaces()));
            row.put("places", q == null ? null : q.getPlaces());
            return row;
        }).toList();
        execution.setVariable(LIST, SpinValues.jsonValue(JSON(rows)).create());
    }

    /** The list as submitted: one row per district, each a whole number not below what is already granted. */
    List<Row> check(VariableScope scope, int year) {
        List<Row> rows = ROWS.rows(scope.getVariable(LIST), "第%d行");
        Set<String> districts = jurisdiction.unionsAt(UnionLevel.DISTRICT).stream().map(Union::getId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, Integer> granted = quotas.ofYear(year).stream()
                .collect(Collectors.toMap(GrantQuota::getDistrictUnionId, GrantQuota::getGranted));
        Refusals refusals = new Refusals("名额表");
        Set<String> seen = new LinkedHashSet<>();
        for (Row row : rows) {
            refusals.attempt(() -> {
                if (!districts.contains(row.districtUnionId()) || !seen.add(row.districtUnionId())) {
                    throw new UnionAssistException(CaseworkError.INVALID_INPUT, row.source() + "的区总工会不在名额表中或重复出现");
                }
                int already = granted.getOrDefault(row.districtUnionId(), 0);
                if (row.places() < already) {
                    throw new UnionAssistException(EducationError.QUOTA_BELOW_GRANTED,
                            jurisdiction.union(row.districtUnionId()).getName() + year + "年已批准" + already
                            + "个名额，名额不能少于" + already + "个");
                }
                return row;
            });
        }
        Set<String> missing = new LinkedHashSet<>(districts);
        missing.removeAll(seen);
        if (!missing.isEmpty()) {
            refusals.attempt(() -> {
                throw new UnionAssistException(CaseworkError.INVALID_INPUT, "请为每个区总工会填写名额，缺少："
                        + missing.stream().map(id -> jurisdiction.union(id).getName()).collect(Collectors.joining("、")));
            });
        }
        refusals.throwIfAny();
        return rows;
    }

    /** Service step 下达各区名额, after the chair approved: the places are set, and the plan records who set them. */
    public void apply(DelegateExecution execution) {
        QuotaPlan plan = plans.findByProcessInstanceId(execution.getProcessInstanceId()).orElseThrow();
        String chair = loggedIn();
        for (Row row : check(execution, plan.getGrantYear())) {
            quotas.set(plan.getGrantYear(), row.districtUnionId(), row.places(), chair);
        }
        plan.decided(QuotaPlan.Status.SET, chair, clock.now());
    }

    /** Service step 记录未下达: the chair did not approve the list; nothing changes. */
    public void notSet(DelegateExecution execution) {
        plans.findByProcessInstanceId(execution.getProcessInstanceId()).orElseThrow()
                .decided(QuotaPlan.Status.NOT_SET, loggedIn(), clock.now());
    }

    static int year(Object raw) {
        return org.unionassist.casework.FormValues.year(raw, CaseworkError.INVALID_INPUT, "请填写名额所属年度（如2026）");
    }

    private static String loggedIn() {
        return CaseUnions.loggedIn().orElseThrow(() -> new UnionAssistException(CaseworkError.NOT_AUTHORIZED,
                "请登录后再办理名额下达"));
    }
}
