package org.unionassist.warmth;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.unionassist.casework.CaseAccess;
import org.unionassist.casework.CaseUnions;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.FormValues;
import org.unionassist.casework.Money;
import org.unionassist.casework.Refusals;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.lists.ListCells;
import org.unionassist.casework.lists.ListColumn;
import org.unionassist.casework.lists.ListReader;
import org.unionassist.organisation.Jurisdiction;
import org.unionassist.organisation.Union;
import org.unionassist.organisation.UnionLevel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.camunda.spin.Spin.JSON;

/**
 * 两节送温暖 (process {@code warmthCampaign}): the city's plan and its approval, the budget passed down to the
 * districts and by each district to its grassroots unions (through the {@link Ledger}), one list process per union
 * with an allocation, and the settlement of each district and of the city.
 */
@Component("warmthCampaigns")
public class WarmthCampaigns {

    public static final String PROCESS = "warmthCampaign";
    static final String STANDARDS = "standards";
    static final String DISTRICT_ALLOCATIONS = "districtAllocations";
    static final String UNION_ALLOCATIONS = "unionAllocations";
    static final int MOST_RECIPIENTS = 10_000_000;

    private static final ListColumn<RecipientGroup> GROUP =
            ListColumn.required("groupLabel", "慰问对象类别", ListCells.oneOf(RecipientGroup.class));
    private static final ListColumn<BigDecimal> CASH = ListColumn.required("cash", "现金（元）", ListCells.amount());
    private static final ListColumn<BigDecimal> GOODS = ListColumn.required("goods", "物资折价（元）", ListCells.amount());
    private static final ListReader<Map.Entry<RecipientGroup, WarmthProperties.Standard>> STANDARD_ROWS =
            ListReader.of("慰问标准", List.of(GROUP, CASH, GOODS),
                    row -> Map.entry(row.get(GROUP), new WarmthProperties.Standard(row.get(CASH), row.get(GOODS))));

    private static final ListColumn<String> UNION = ListColumn.required("unionId", "单位", ListCells.anyText());
    private static final ListColumn<BigDecimal> AMOUNT = ListColumn.required("amount", "分配经费（元）", ListCells.amount());
    private static final ListColumn<Integer> PEOPLE =
            ListColumn.required("recipients", "慰问名额（人）", ListCells.count(0, MOST_RECIPIENTS));
    private static final ListReader<Allocation> ALLOCATION_ROWS = ListReader.of("分配表", List.of(UNION, AMOUNT, PEOPLE),
            row -> new Allocation(row.source(), row.get(UNION), row.get(AMOUNT), row.get(PEOPLE)));

    /** One row of an allocation form: a union, its money and its recipient quota. */
    record Allocation(String source, String unionId, BigDecimal amount, int recipients) {
    }

    private final CampaignRepository campaigns;
    private final Ledger ledger;
    private final WarmthReports reports;
    private final WarmthProperties properties;
    private final CaseUnions caseUnions;
    private final CaseAccess caseAccess;
    private final Jurisdiction jurisdiction;
    private final JdbcTemplate jdbc;
    private final ShanghaiClock clock;

    public WarmthCampaigns(CampaignRepository campaigns, Ledger ledger, WarmthReports reports,
                           WarmthProperties properties, CaseUnions caseUnions, CaseAccess caseAccess,
                           Jurisdiction jurisdiction, JdbcTemplate jdbc, ShanghaiClock clock) {
        this.campaigns = campaigns;
        this.ledger = ledger;
        this.reports = reports;
        this.properties = properties;
        this.caseUnions = caseUnions;
        this.caseAccess = caseAccess;
        this.jurisdiction = jurisdiction;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ the plan

    /** Service step 生成方案草稿: the campaign's row from the start form, with the configured standards to start from. */
    public void draft(DelegateExecution execution) {
        String clerk = loggedIn("拟定活动方案");
        Union city = caseUnions.clerkships(clerk, UnionLevel.CITY).stream().findFirst()
                .orElseThrow(() -> new UnionAssistException(CaseworkError.NOT_AUTHORIZED, "两节送温暖活动方案只能由市总工会经办人拟定"));
        Campaign.Plan plan = plan(execution);
        Campaign campaign = campaigns.saveAndFlush(new Campaign(execution.getProcessInstanceId(), city.getId(), plan,
                clerk, clock.today()));
        Map<RecipientGroup, WarmthProperties.Standard> standards = new EnumMap<>(RecipientGroup.class);
        for (RecipientGroup group : RecipientGroup.values()) {
            WarmthProperties.Standard configured = properties.getStandards().get(group);
            standards.put(group, configured == null
                    ? new WarmthProperties.Standard(Money.yuan(BigDecimal.ZERO), Money.yuan(BigDecimal.ZERO)) : configured);
        }
        saveStandards(campaign.getId(), standards);
        caseAccess.openCase(execution.getProcessInstanceId(), city.getId());
        execution.setProcessBusinessKey(campaign.number());
        execution.setVariable("caseNumber", campaign.number());
        execution.setVariable("campaignId", campaign.getId());
        execution.setVariable("cityUnion", city.getId());
        execution.setVariable("programme", "两节送温暖");
        execution.setVariable(STANDARDS, standardRows(standards));
    }

    /** The plan's fields as a form gives them; every field that is wrong is named in one refusal. */
    Campaign.Plan plan(VariableScope v) {
        Refusals refusals = new Refusals("活动方案");
        String holiday = refusals.attempt(() -> FormValues.requiredText(v, "holiday", "节日名称", 50)).orElse(null);
        Integer year = refusals.attempt(() -> year(v.getVariable("campaignYear"))).orElse(null);
        LocalDate start = refusals.attempt(() -> FormValues.requiredDate(v, "periodStart", "活动开始日期")).orElse(null);
        LocalDate end = refusals.attempt(() -> FormValues.requiredDate(v, "periodEnd", "活动结束日期")).orElse(null);
        BigDecimal budget = refusals.attempt(() -> positive(FormValues.requiredMoney(v, "totalBudget", "活动总预算"),
                "活动总预算")).orElse(null);
        Integer planned = refusals.attempt(() -> Money.countFromVariable(v.getVariable("plannedRecipients"),
                "计划慰问人数", 1)).orElse(null);
        LocalDate lists = refusals.attempt(() -> FormValues.requiredDate(v, "listDeadline", "名单报送截止日期")).orElse(null);
        LocalDate visits = refusals.attempt(() -> FormValues.requiredDate(v, "visitDeadline", "慰问完成截止日期")).orElse(null);
        if (start != null && end != null && end.isBefore(start)) {
            refusals.attempt(() -> refuse("活动结束日期不能早于开始日期"));
        }
        if (lists != null && visits != null && visits.isBefore(lists)) {
            refusals.attempt(() -> refuse("慰问完成截止日期不能早于名单报送截止日期"));
        }
        if (lists != null && lists.isBefore(clock.today())) {
            refusals.attempt(() -> refuse("名单报送截止日期不能早于今天（" + clock.today() + "）"));
        }
        refusals.throwIfAny();
        return new Campaign.Plan(holiday, year, start, end, budget, planned, lists, visits);
    }

    /** The standards list of the plan form: one row for each group, none twice, cash and goods not both nothing. */
    Map<RecipientGroup, WarmthProperties.Standard> standards(VariableScope v) {
        Map<RecipientGroup, WarmthProperties.Standard> standards = new EnumMap<>(RecipientGroup.class);
        Refusals refusals = new Refusals("慰问标准");
        for (Map.Entry<RecipientGroup, WarmthProperties.Standard> row
                : STANDARD_ROWS.rows(v.getVariable(STANDARDS), "第%d行")) {
            refusals.attempt(() -> {
                if (standards.put(row.getKey(), row.getValue()) != null) {
                    refuse(row.getKey().label() + "的标准填写了两次");
                }
                if (row.getValue().cash().add(row.getValue().goods()).signum() == 0) {
                    refuse(row.getKey().label() + "的现金和物资不能都为0");
                }
                return row;
            });
        }
        for (RecipientGroup group : RecipientGroup.values()) {
            if (!standards.containsKey(group)) {
                refusals.attempt(() -> refuse("请填写" + group.label() + "的慰问标准"));
            }
        }
        refusals.throwIfAny();
        return standards;
    }

    /** The clerk's plan, as submitted: the campaign's row and standards follow it. */
    void replan(Campaign campaign, VariableScope v) {
        campaign.replan(plan(v));
        saveStandards(campaign.getId(), standards(v));
    }

    public Map<RecipientGroup, WarmthProperties.Standard> standardsOf(long campaignId) {
        Map<RecipientGroup, WarmthProperties.Standard> standards = new EnumMap<>(RecipientGroup.class);
        jdbc.query("select recipient_group, cash, goods from ua_warmth_standard where campaign_id = ?", rs -> {
            standards.put(RecipientGroup.valueOf(rs.getString(1)),
                    new WarmthProperties.Standard(rs.getBigDecimal(2).setScale(2), rs.getBigDecimal(3).setScale(2)));
        }, campaignId);
        return standards;
    }

    private void saveStandards(long campaignId, Map<RecipientGroup, WarmthProperties.Standard> standards) {
        jdbc.update("delete from ua_warmth_standard where campaign_id = ?", campaignId);
        standards.forEach((group, s) -> jdbc.update(
                "insert into ua_warmth_standard (campaign_id, recipient_group, cash, goods) values (?, ?, ?, ?)",
                campaignId, group.name(), Money.yuan(s.cash()), Money.yuan(s.goods())));
    }

    static SpinJsonNode standardRows(Map<RecipientGroup, WarmthProperties.Standard> standards) {
        return standardRows(standards, amount -> amount);
    }

    /** The standards as rows, each amount as {@code shown} makes it (a number for a form's field, text for a table). */
    static SpinJsonNode standardRows(Map<RecipientGroup, WarmthProperties.Standard> standards,
                                     java.util.function.Function<BigDecimal, Object> shown) {
        List<Map<String, Object>> rows = new ArrayList<>();
        standards.forEach((group, s) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("group", group.code());
            row.put("groupLabel", group.label());
            row.put("source", group.label());
            row.put("cash", shown.apply(Money.yuan(s.cash())));
            row.put("goods", shown.apply(Money.yuan(s.goods())));
            rows.add(row);
        });
        return JSON(rows);
    }

    /** Service step 启动活动, after the chair approved: the accounts open, and the city's account holds the budget. */
    public void open(DelegateExecution execution) {
        Campaign campaign = campaign(execution);
        String chair = loggedIn("审定活动方案");
        campaign.approved(chair, clock.now());
        ledger.openAccounts(campaign.getId(), campaign.getCityUnionId());
        ledger.record(campaign.getId(), campaign.getCityUnionId(), Ledger.Kind.ALLOCATION,
                campaign.getTotalBudget(), campaign.getPlannedRecipients(), null, "活动总预算", chair);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Union district : jurisdiction.unionsBelow(campaign.getCityUnionId())) {
            rows.add(allocationRow(district, null, null));
        }
        execution.setVariable(DISTRICT_ALLOCATIONS, SpinValues.jsonValue(JSON(rows)).create());
        execution.setVariable("budgetShown", "活动总预算 " + campaign.getTotalBudget() + " 元，计划慰问 "
                + campaign.getPlannedRecipients() + " 人");
    }

    /** Service step 记录方案未批准. */
    public void rejected(DelegateExecution execution) {
        campaign(execution).rejected(loggedIn("审定活动方案"), clock.now());
    }

    // ------------------------------------------------------------------ allocations

    private static Map<String, Object> allocationRow(Union union, BigDecimal amount, Integer recipients) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("unionId", union.getId());
        row.put("unionName", union.getName());
        row.put("source", union.getName());
        row.put("amount", amount);
        row.put("recipients", recipients);
        return row;
    }

    /**
     * An allocation form as submitted: a row for each union below {@code parentId}, each once, adding up to no more
     * than the parent's allocation (money and recipients).
     */
    List<Allocation> allocations(VariableScope v, String variable, long campaignId, String parentId) {
        List<Allocation> rows = ALLOCATION_ROWS.rows(v.getVariable(variable), "第%d行");
        Set<String> below = new LinkedHashSet<>();
        jdbc.queryForList("select union_id from ua_warmth_account where campaign_id = ? and parent_union_id = ? "
                + "order by union_id", String.class, campaignId, parentId).forEach(below::add);
        Refusals refusals = new Refusals("分配表");
        Set<String> seen = new LinkedHashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        int people = 0;
        for (Allocation row : rows) {
            refusals.attempt(() -> {
                if (!below.contains(row.unionId()) || !seen.add(row.unionId())) {
                    refuse(row.source() + "的单位不在分配表中或重复出现");
                }
                return row;
            });
            sum = sum.add(row.amount());
            people += row.recipients();
        }
        Set<String> missing = new LinkedHashSet<>(below);
        missing.removeAll(seen);
        if (!missing.isEmpty()) {
            refusals.attempt(() -> refuse("请为每个单位填写分配（可填0），缺少：" + String.join("、",
                    missing.stream().map(id -> jurisdiction.union(id).getName()).toList())));
        }
        Ledger.Balance parent = ledger.balance(campaignId, parentId);
        String parentName = jurisdiction.union(parentId).getName();
        if (sum.compareTo(parent.allocated()) > 0) {
            BigDecimal total = sum;
            refusals.attempt(() -> {
                throw new UnionAssistException(WarmthError.OVER_BUDGET, "分配合计" + Money.yuan(total) + "元，超出"
                        + parentName + "可分配经费" + parent.allocated() + "元");
            });
        }
        if (people > parent.recipientsAllocated()) {
            int total = people;
            refusals.attempt(() -> {
                throw new UnionAssistException(WarmthError.OVER_RECIPIENT_QUOTA, "分配名额合计" + total + "人，超出"
                        + parentName + "慰问名额" + parent.recipientsAllocated() + "人");
            });
        }
        refusals.throwIfAny();
        return rows;
    }

    /** An allocation form's rows in words ("东城区总工会：1500000.00元，7000人"), as the sign-off keeps them. */
    static String summary(Object raw) {
        try {
            return String.join("；", ALLOCATION_ROWS.rows(raw, "第%d行").stream().map(a -> {
                String name = a.source();
                return name + "：" + Money.yuan(a.amount()) + "元，" + a.recipients() + "人";
            }).toList());
        } catch (UnionAssistException unreadable) {
            return String.valueOf(raw);
        }
    }

    /** The city clerk's allocation to the districts, as signed (see {@link CampaignRecords}). */
    void allocateDistricts(VariableScope v, Campaign campaign, String clerk) {
        for (Allocation row : allocations(v, DISTRICT_ALLOCATIONS, campaign.getId(), campaign.getCityUnionId())) {
            ledger.allocate(campaign.getId(), row.unionId(), row.amount(), row.recipients(), clerk);
        }
    }

    /** A district clerk's allocation to the district's grassroots unions, as signed. */
    void allocateUnions(VariableScope v, Campaign campaign, String district, String clerk) {
        for (Allocation row : allocations(v, UNION_ALLOCATIONS, campaign.getId(), district)) {
            ledger.allocate(campaign.getId(), row.unionId(), row.amount(), row.recipients(), clerk);
        }
    }

    /** Input of 分配基层工会经费和名额: the district's allocation and a row for each of its grassroots unions. */
    public SpinJsonNode unionRows(DelegateExecution execution) {
        Campaign campaign = campaign(execution);
        String district = (String) execution.getVariable("roundDistrict");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String unionId : jdbc.queryForList("select union_id from ua_warmth_account where campaign_id = ? "
                + "and parent_union_id = ? order by union_id", String.class, campaign.getId(), district)) {
            Ledger.Balance b = ledger.balance(campaign.getId(), unionId);
            rows.add(allocationRow(jurisdiction.union(unionId), b.allocated().signum() == 0 ? null : b.allocated(),
                    b.recipientsAllocated() == 0 ? null : b.recipientsAllocated()));
        }
        return JSON(rows);
    }

    /** Input of 分配基层工会经费和名额: what the city allocated to the district. */
    public String districtAllocationShown(DelegateExecution execution) {
        Campaign campaign = campaign(execution);
        String district = (String) execution.getVariable("roundDistrict");
        Ledger.Balance b = ledger.balance(campaign.getId(), district);
        return jurisdiction.union(district).getName() + "：市总工会分配经费 " + b.allocated() + " 元，慰问名额 "
                + b.recipientsAllocated() + " 人";
    }

    /** The districts of the multi-instance round: those the city allocated money to. */
    public List<String> districts(DelegateExecution execution) {
        Campaign campaign = campaign(execution);
        return jurisdiction.unionsBelow(campaign.getCityUnionId()).stream().map(Union::getId)
                .filter(d -> ledger.balance(campaign.getId(), d).allocated().signum() > 0).toList();
    }

    /** The grassroots unions of the round's district that have money to list recipients for: one list process each. */
    public List<String> listUnions(DelegateExecution execution) {
        Campaign campaign = campaign(execution);
        String district = (String) execution.getVariable("roundDistrict");
        return jdbc.queryForList("select union_id from ua_warmth_account where campaign_id = ? and parent_union_id = ? "
                        + "order by union_id", String.class, campaign.getId(), district).stream()
                .filter(u -> ledger.balance(campaign.getId(), u).allocated().signum() > 0).toList();
    }

    /**
     * A revision of an allocation outside the forms (API): the parent's clerk sets a union's money and quota anew,
     * never below what it has committed and spent.
     */
    public Ledger.Balance revise(Campaign campaign, String unionId, BigDecimal amount, int recipients, String by) {
        if (campaign.getStatus() != Campaign.Status.APPROVED) {
            throw new UnionAssistException(WarmthError.LIST_NOT_OPEN, "活动" + campaign.number() + "不在实施中，不能调整分配");
        }
        ledger.allocate(campaign.getId(), unionId, Money.yuan(amount), recipients, by);
        return ledger.balance(campaign.getId(), unionId);
    }

    // ------------------------------------------------------------------ settlement

    /** Input of a settlement task: the report of the district of the round, or of the whole city. */
    public SpinJsonNode settlementRows(DelegateExecution execution) {
        Campaign campaign = campaign(execution);
        Object district = execution.getVariable("roundDistrict");
        return JSON(district == null ? reports.cityRows(campaign) : reports.districtRows(campaign, district.toString()));
    }

    void settleAccount(Campaign campaign, String unionId, String by) {
        jdbc.update("update ua_warmth_account set settled_by = ?, settled_at = ? where campaign_id = ? and union_id = ?",
                by, java.sql.Timestamp.from(clock.now().toInstant()), campaign.getId(), unionId);
    }

    /** Service step 结束活动: every union has settled; the campaign closes. */
    public void close(DelegateExecution execution) {
        Campaign campaign = campaign(execution);
        campaign.closed(loggedIn("结束活动"), clock.now());
    }

    // ------------------------------------------------------------------ helpers

    Campaign campaign(VariableScope v) {
        Object id = v.getVariable("campaignId");
        return campaigns.findById(((Number) id).longValue()).orElseThrow();
    }

    Campaign byId(long id) {
        return campaigns.findById(id).orElseThrow();
    }

    public Campaign byNumber(String number) {
        String digits = number == null ? "" : number.replaceAll(".*-", "");
        Campaign campaign = digits.matches("[0-9]{1,18}") ? campaigns.findById(Long.parseLong(digits)).orElse(null) : null;
        if (campaign == null || !campaign.number().equals(number)) {
            throw new UnionAssistException(WarmthError.NOT_FOUND, "没有编号为" + number + "的送温暖活动");
        }
        return campaign;
    }


    private static int year(Object raw) {
        return FormValues.year(raw, WarmthError.PLAN_INVALID, "请填写活动年度（如2027）");
    }

    private static BigDecimal positive(BigDecimal amount, String label) {
        if (amount.signum() <= 0) {
            refuse(label + "应大于0");
        }
        return amount;
    }

    static <T> T refuse(String message) {
        throw new UnionAssistException(WarmthError.PLAN_INVALID, message);
    }

    static String loggedIn(String what) {
        return CaseUnions.loggedIn().orElseThrow(() -> new UnionAssistException(CaseworkError.NOT_AUTHORIZED,
                "请登录后再" + what));
    }
}
