package org.unionassist.warmth;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import org.unionassist.casework.CaseAccess;
import org.unionassist.casework.CaseUnions;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.DueDates;
import org.unionassist.casework.Money;
import org.unionassist.casework.PersonalData;
import org.unionassist.casework.Refusals;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.calendar.WorkingDayCalendar;
import org.unionassist.casework.lists.CellRefused;
import org.unionassist.casework.lists.ListCells;
import org.unionassist.casework.lists.ListColumn;
import org.unionassist.casework.lists.ListReader;
import org.unionassist.casework.signoff.AuditTrail;
import org.unionassist.casework.signoff.SignedValues;
import org.unionassist.engine.EngineCommands;
import org.unionassist.hardship.HouseholdStandings;
import org.unionassist.organisation.Jurisdiction;
import org.unionassist.payment.Disbursements;
import org.unionassist.payment.PaymentOrder;

import java.io.InputStream;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.camunda.spin.Spin.JSON;

/**
 * One grassroots union's list of a campaign (process {@code warmthList}, one instance per union, started by the
 * campaign): the list typed in Tasklist or imported from a file, its checks, the district's approval that commits its
 * money, the visits, the phone-back sample, the cash paid once per recipient, and the union's settlement.
 */
@Component("warmthLists")
public class WarmthLists {

    public static final String PROCESS = "warmthList";
    static final String TYPED = "newRecipients";
    static final String REMOVE = "removeLines";
    static final String FINDINGS = "listFindings";
    static final String DELIVERIES = "deliveries";
    static final String SAMPLE = "phoneBackSample";
    /** Rows a form shows at most; the summary and the exports cover every row. */
    static final int SHOWN = 300;
    static final String PURPOSE = "WARMTH_CASH";

    private static final ListColumn<String> NAME = ListColumn.required("name", "姓名", ListCells.text(50));
    private static final ListColumn<String> ID = ListColumn.required("idNumber", "身份证号", ListCells.anyText())
            .headedBy("身份证");
    private static final ListColumn<RecipientGroup> GROUP = ListColumn.required("group", "慰问对象类别",
            ListCells.oneOf(RecipientGroup.class)).headedBy("类别");
    private static final ListColumn<String> CARD = ListColumn.optional("bankCard", "银行卡号", ListCells.anyText())
            .headedBy("银行卡");
    private static final ListColumn<BigDecimal> CASH = ListColumn.optional("cash", "现金（元）", ListCells.amount())
            .headedBy("现金");
    private static final ListColumn<BigDecimal> GOODS = ListColumn.optional("goods", "物资折价（元）", ListCells.amount())
            .headedBy("物资");
    private static final ListReader<Row> ROWS = ListReader.of("慰问名单", List.of(NAME, ID, GROUP, CARD, CASH, GOODS),
            r -> new Row(r.source(), r.get(NAME), r.get(ID), r.get(GROUP), r.get(CARD), r.get(CASH), r.get(GOODS)));

    private static final ListColumn<Integer> LINE = ListColumn.required("line", "序号", ListCells.count(1, 10_000_000));
    private static final ListColumn<String> WHO = ListColumn.optional("name", "姓名", ListCells.text(50));
    // optional in the reader, so that a line of the visit sheet not filled in yet (序号 and 姓名 only) is skipped;
    // a line with anything else on it needs both (checked below)
    private static final ListColumn<Codes.Outcome> OUTCOME = ListColumn.optional("outcome", "发放结果",
            ListCells.oneOf(Codes.Outcome.class)).headedBy("结果");
    private static final ListColumn<LocalDate> ON = ListColumn.optional("deliveredOn", "慰问日期", WarmthLists::date)
            .headedBy("日期");
    private static final ListColumn<String> GIVEN = ListColumn.optional("given", "慰问品", ListCells.text(200));
    private static final ListColumn<BigDecimal> CASH_GIVEN = ListColumn.optional("cashGiven", "发放现金（元）",
            ListCells.amount()).headedBy("现金");
    private static final ListColumn<String> VISITOR = ListColumn.optional("visitor", "慰问人", ListCells.text(50));
    private static final ListColumn<Codes.ProofKind> PROOF = ListColumn.optional("proofKind", "凭证类型",
            ListCells.oneOf(Codes.ProofKind.class)).headedBy("凭证类型");
    private static final ListColumn<String> PROOF_REF = ListColumn.optional("proofRef", "凭证编号", ListCells.text(100))
            .headedBy("凭证编号");
    private static final ListReader<Recipients.Delivery> DELIVERY_ROWS = ListReader.of("慰问登记",
            List.of(LINE, WHO, OUTCOME, ON, GIVEN, CASH_GIVEN, VISITOR, PROOF, PROOF_REF),
            r -> new Recipients.Delivery(r.source(), r.get(LINE), r.get(WHO), r.get(OUTCOME), r.get(ON), r.get(GIVEN),
                    r.get(CASH_GIVEN), r.get(VISITOR), r.get(PROOF), r.get(PROOF_REF)));

    record Row(String source, String name, String idNumber, RecipientGroup group, String bankCard, BigDecimal cash,
               BigDecimal goods) {
    }

    private final RecipientListRepository lists;
    private final Recipients recipients;
    private final WarmthCampaigns campaigns;
    private final WarmthReports reports;
    private final Ledger ledger;
    private final HouseholdStandings standings;
    private final Disbursements disbursements;
    private final AuditTrail auditTrail;
    private final CaseAccess caseAccess;
    private final Jurisdiction jurisdiction;
    private final WorkingDayCalendar calendar;
    private final DueDates dueDates;
    private final WarmthProperties properties;
    private final RuntimeService runtimeService;
    private final EngineCommands engine;
    private final ShanghaiClock clock;
    private final SecureRandom random = new SecureRandom();

    public WarmthLists(RecipientListRepository lists, Recipients recipients, WarmthCampaigns campaigns,
                       WarmthReports reports, Ledger ledger, HouseholdStandings standings, Disbursements disbursements,
                       AuditTrail auditTrail, CaseAccess caseAccess, Jurisdiction jurisdiction,
                       WorkingDayCalendar calendar, DueDates dueDates, WarmthProperties properties, RuntimeService runtimeService,
                       EngineCommands engine, ShanghaiClock clock) {
        this.lists = lists;
        this.recipients = recipients;
        this.campaigns = campaigns;
        this.reports = reports;
        this.ledger = ledger;
        this.standings = standings;
        this.disbursements = disbursements;
        this.auditTrail = auditTrail;
        this.caseAccess = caseAccess;
        this.jurisdiction = jurisdiction;
        this.calendar = calendar;
        this.dueDates = dueDates;
        this.properties = properties;
        this.runtimeService = runtimeService;
        this.engine = engine;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ the list

    /** Service step 建立基层名单: the union's list row, its number, and what its clerk's form shows. */
    public void open(DelegateExecution execution) {
        Campaign campaign = campaigns.campaign(execution);
        String union = (String) execution.getVariable("grassrootsUnion");
        String district = (String) execution.getVariable("districtUnion");
        RecipientList list = lists.saveAndFlush(new RecipientList(campaign.getId(), union, district,
                execution.getProcessInstanceId()));
        caseAccess.openCase(execution.getProcessInstanceId(), union);
        execution.setProcessBusinessKey(list.number());
        execution.setVariable("caseNumber", list.number());
        execution.setVariable("campaignNumber", campaign.number());
        execution.setVariable("programme", "两节送温暖");
        execution.setVariable("holiday", campaign.getHoliday());
        execution.setVariable("listDeadline", campaign.getListDeadline().toString());
        execution.setVariable("visitDeadline", campaign.getVisitDeadline().toString());
        execution.setVariable("standardsShown", WarmthCampaigns.standardRows(campaigns.standardsOf(campaign.getId()),
                java.math.BigDecimal::toPlainString));
        execution.setVariable(TYPED, SpinValues.jsonValue(JSON(List.of())).create());
        execution.setVariable(REMOVE, "");
        show(execution.getProcessInstanceId(), list, execution::setVariable);
    }

    /** The list's due day: the campaign's deadline, or for a list returned after it, the correction's working days. */
    LocalDate deadline(RecipientList list, Campaign campaign) {
        LocalDate deadline = campaign.getListDeadline();
        if (list.getReturnedOn() != null) {
            LocalDate correction = calendar.plusWorkingDays(list.getReturnedOn(), properties.getCorrectionWorkingDays());
            if (correction.isAfter(deadline)) {
                return correction;
            }
        }
        return deadline;
    }

    /** The timer of 报送截止: the end of the list's due day in Shanghai. */
    public Date deadlineOf(DelegateExecution execution) {
        return DueDates.endOf(deadline(list(execution), campaigns.campaign(execution)));
    }

    public Date listDue(DelegateExecution execution) {
        return deadlineOf(execution);
    }

    public Date listFollowUp(DelegateExecution execution) {
        return dueDates.followUpBefore(listDue(execution));
    }

    public Date visitDue(DelegateExecution execution) {
        return DueDates.endOf(campaigns.campaign(execution).getVisitDeadline());
    }

    public Date visitFollowUp(DelegateExecution execution) {
        return dueDates.followUpBefore(visitDue(execution));
    }

    /** Service step 记录视为放弃: the deadline passed before the list was submitted; no money is taken. */
    public void waive(DelegateExecution execution) {
        RecipientList list = list(execution);
        list.waived();
        LocalDate deadline = deadline(list, campaigns.campaign(execution));
        String early = clock.today().isAfter(deadline) ? "" : CaseUnions.loggedIn()
                .map(operator -> "，于" + clock.today() + "由" + operator + "提前执行截止").orElse("，提前执行截止");
        auditTrail.recordEvent(execution, WarmthDecisions.WAIVED, clock.today().isAfter(deadline)
                        ? "名单报送截止日期（" + deadline + "）已过，未报送名单，视为放弃"
                        : "名单报送截止日期为" + deadline + early + "；未报送名单，视为放弃",
                AuditTrail.SYSTEM, SignedValues.none(), Map.of("listNumber", list.number()));
    }

    /**
     * The rows typed in the form (ID numbers and cards must be valid: the clerk is there to correct them) and the
     * line numbers to take off, as the clerk submits them; refused as a whole, naming every row that is wrong.
     */
    record Changes(List<Recipients.NewRecipient> added, Set<Integer> removed) {
    }

    Changes changes(VariableScope v, RecipientList list) {
        Map<RecipientGroup, WarmthProperties.Standard> standards = campaigns.standardsOf(list.getCampaignId());
        Refusals refusals = new Refusals("慰问名单");
        List<Recipients.NewRecipient> added = new ArrayList<>();
        for (Row row : ROWS.rows(v.getVariable(TYPED), "逐个录入第%d人")) {
            refusals.attempt(() -> added.add(recipient(row, standards, true)));
        }
        Set<Integer> removed = refusals.attempt(() -> lineNumbers(v.getVariable(REMOVE))).orElse(Set.of());
        refusals.throwIfAny();
        return new Changes(added, removed);
    }

    /** Fill step signed: the typed rows join the list, the lines named are taken off, and the list goes up. */
    void takeChanges(VariableScope v, RecipientList list) {
        Changes changes = changes(v, list);
        List<Integer> unknown = recipients.remove(list.getId(), changes.removed());
        if (!unknown.isEmpty()) {
            throw new UnionAssistException(WarmthError.UNKNOWN_RECIPIENT, "名单上没有以下行号，无法删除："
                    + String.join("、", unknown.stream().map(String::valueOf).toList()));
        }
        recipients.insert(list.getId(), list.getCampaignId(), changes.added());
        if (recipients.count(list.getId(), Recipient.Status.LISTED) == 0) {
            throw new UnionAssistException(WarmthError.EMPTY_LIST, "名单中还没有慰问对象：请逐个录入，或通过接口上传 Excel/CSV 名单");
        }
        list.submitted(clock.now());
    }

    /**
     * Service step 汇总名单并核查: the typed rows are now the list's; the approver's form gets its figures and checks.
     * A list still awaiting its approver that shares an ID number with this one gets the duplicate among its checks
     * too, so that both approvers see it.
     */
    public void submit(DelegateExecution execution) {
        RecipientList list = list(execution);
        execution.setVariable(TYPED, SpinValues.jsonValue(JSON(List.of())).create());
        execution.setVariable(REMOVE, "");
        show(execution.getProcessInstanceId(), list, execution::setVariable);
        showAgainToApprovers(list);
    }

    /**
     * The lists awaiting their approver that share an ID number with this one see their checks anew: the duplicate
     * is a finding of theirs from the moment the rows are on this list (uploaded or submitted), not only once this
     * list is submitted, or the approver's form would lack a finding that the approval then asks for.
     */
    private void showAgainToApprovers(RecipientList list) {
        for (Long other : recipients.submittedListsSharingIds(list.getId())) {
            RecipientList waiting = lists.findById(other).orElseThrow();
            Map<String, Object> shown = new LinkedHashMap<>();
            show(waiting.getProcessInstanceId(), waiting, shown::put);
            engine.run(() -> runtimeService.setVariables(waiting.getProcessInstanceId(), shown));
        }
    }

    /**
     * An Excel or CSV file of recipients for a list still being filled (columns 姓名, 身份证号, 慰问对象类别, 银行卡号,
     * 现金, 物资折价; the last three may be left out). Rows whose ID number or card is not valid are kept and flagged
     * for the approver; a row a column cannot read at all refuses the file, and nothing of it is kept.
     */
    public Map<String, Object> importFile(RecipientList list, String fileName, InputStream content) {
        if (list.getStatus() != RecipientList.Status.OPEN) {
            throw new UnionAssistException(WarmthError.LIST_NOT_OPEN, "名单" + list.number() + "当前状态为"
                    + list.getStatus().label() + "，不能再上传名单");
        }
        Map<RecipientGroup, WarmthProperties.Standard> standards = campaigns.standardsOf(list.getCampaignId());
        List<Row> rows = ROWS.file(fileName, content);
        if (rows.isEmpty()) {
            throw new UnionAssistException(WarmthError.EMPTY_LIST, "上传的名单中没有慰问对象");
        }
        Map<String, Boolean> filed = new HashMap<>();
        List<Recipients.NewRecipient> added = rows.stream().map(r -> recipient(r, standards, false, filed)).toList();
        recipients.insert(list.getId(), list.getCampaignId(), added);
        Map<String, Object> shown = new LinkedHashMap<>();
        show(list.getProcessInstanceId(), list, shown::put);
        engine.run(() -> runtimeService.setVariables(list.getProcessInstanceId(), shown));
        showAgainToApprovers(list);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("listNumber", list.number());
        result.put("imported", added.size());
        result.put("listed", recipients.count(list.getId(), Recipient.Status.LISTED));
        result.put("flagged", added.stream().filter(r -> r.idProblem() != null || r.cardProblem() != null
                || r.groupProblem() != null).count());
        return result;
    }

    private Recipients.NewRecipient recipient(Row row, Map<RecipientGroup, WarmthProperties.Standard> standards,
                                              boolean strict) {
        return recipient(row, standards, strict, new HashMap<>());
    }

    /** A read row with its checks: the ID number, the card for cash, the hardship file, and the plan's amounts. */
    private Recipients.NewRecipient recipient(Row row, Map<RecipientGroup, WarmthProperties.Standard> standards,
                                              boolean strict, Map<String, Boolean> filedCache) {
        String id = row.idNumber() == null ? "" : row.idNumber().strip().toUpperCase();
        String idProblem = id.isEmpty() ? "未填写身份证号" : PersonalData.idNumberProblem(id, clock.today()).orElse(null);
        if (strict && idProblem != null) {
            throw new UnionAssistException(CaseworkError.INVALID_ID_NUMBER, row.source() + "：身份证号" + idProblem);
        }
        WarmthProperties.Standard standard = standards.get(row.group());
        BigDecimal cash = Money.yuan(row.cash() == null ? standard.cash() : row.cash());
        BigDecimal goods = Money.yuan(row.goods() == null ? standard.goods() : row.goods());
        String card = null;
        String cardProblem = null;
        if (row.bankCard() != null && !row.bankCard().isBlank()) {
            try {
                card = PersonalData.requireValidBankCard(row.bankCard());
            } catch (UnionAssistException invalid) {
                cardProblem = invalid.getMessage();
            }
        } else if (cash.signum() > 0) {
            cardProblem = "发放现金须填写银行卡号";
        }
        if (strict && cardProblem != null) {
            throw new UnionAssistException(CaseworkError.INVALID_BANK_CARD, row.source() + "：" + cardProblem);
        }
        String groupProblem = null;
        if (row.group() == RecipientGroup.HARDSHIP && idProblem == null
                && !filedCache.computeIfAbsent(id, i -> standings.of(i).filed())) {
            groupProblem = "未查到在档的困难职工档案，不能按困难职工家庭慰问";
        }
        return new Recipients.NewRecipient(row.source(), row.name(), idProblem == null ? id : truncated(id), idProblem,
                row.group(), groupProblem, card, cardProblem, cash, goods);
    }

    private static String truncated(String text) {
        return text.length() > 18 ? text.substring(0, 18) : text;
    }

    private static Set<Integer> lineNumbers(Object raw) {
        Set<Integer> lines = new LinkedHashSet<>();
        String text = raw == null ? "" : raw.toString().strip();
        if (text.isEmpty()) {
            return lines;
        }
        for (String part : text.split("[,，、;；\\s]+")) {
            if (!part.matches("[0-9]{1,8}")) {
                throw new UnionAssistException(CaseworkError.INVALID_INPUT, "要删除的行号应为数字，用逗号分隔（如：3,7）");
            }
            lines.add(Integer.parseInt(part));
        }
        return lines;
    }

    /** What the list's forms show: figures by group, the rows (up to {@value #SHOWN}), the checks, and the money. */
    private void show(String processInstanceId, RecipientList list, java.util.function.BiConsumer<String, Object> set) {
        Ledger.Balance balance = ledger.balance(list.getCampaignId(), list.getGrassrootsUnionId());
        List<Recipient> rows = recipients.of(list.getId()).stream()
                .filter(r -> r.status() != Recipient.Status.REMOVED).toList();
        BigDecimal total = rows.stream().map(Recipient::total).reduce(Money.yuan(BigDecimal.ZERO), BigDecimal::add);
        set.accept("allocationShown", "分配经费 " + balance.allocated() + " 元，慰问名额 " + balance.recipientsAllocated()
                + " 人；可用经费 " + balance.available() + " 元");
        set.accept("listShown", described(rows.size(), total)
                + (rows.size() > SHOWN ? "；下表列出前 " + SHOWN + " 人，全部名单见导出" : ""));
        set.accept("listTotal", total);
        set.accept("listCount", rows.size());
        List<Map<String, Object>> shown = new ArrayList<>();
        for (Recipient r : rows.subList(0, Math.min(SHOWN, rows.size()))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", r.lineNo());
            m.put("name", r.name());
            m.put("idNumber", r.idProblem() == null ? PersonalData.maskIdNumber(r.idNumber()) : "（无效）");
            m.put("group", r.group().label());
            m.put("cash", r.cash().toPlainString());
            m.put("goods", r.goods().toPlainString());
            m.put("status", r.status().label());
            shown.add(m);
        }
        set.accept("listRows", SpinValues.jsonValue(JSON(shown)).create());
        set.accept("listSummary", SpinValues.jsonValue(JSON(reports.listRows(list))).create());
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Recipients.Finding f : findingsOf(list)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("recipientId", f.recipientId());
            m.put("line", f.lineNo());
            m.put("name", f.name());
            m.put("idNumber", f.maskedIdNumber());
            m.put("kinds", String.join("、", f.kinds()));
            m.put("detail", f.detail());
            m.put("mayBeKept", f.mayBeKept() ? "可说明理由后保留" : "须剔除");
            m.put("action", null);
            m.put("justification", null);
            findings.add(m);
        }
        set.accept(FINDINGS, SpinValues.jsonValue(JSON(findings)).create());
        set.accept("findingsShown", findings.isEmpty() ? "核查未发现问题" : "核查发现 " + findings.size()
                + " 行需要处理：重复的身份证号须说明理由方可保留，无效身份证号、银行卡号或不符合类别的须剔除");
    }

    /** The list's checks as they stand, against its campaign's standards, other lists named by their union. */
    private List<Recipients.Finding> findingsOf(RecipientList list) {
        Map<String, String> names = new HashMap<>();
        jurisdiction.unionsAt(org.unionassist.organisation.UnionLevel.GRASSROOTS)
                .forEach(u -> names.put(u.getId(), u.getName()));
        return recipients.findings(list.getId(), campaigns.standardsOf(list.getCampaignId()), names);
    }

    // ------------------------------------------------------------------ the district's approval

    /** A resolution of the approver: keep (with a justification) or take off. */
    record Resolution(long recipientId, int line, boolean keep, String justification) {
    }

    /**
     * The approver's resolutions, one for every finding of the list as it stands now: a row that may not be kept
     * (no valid ID number or card, no hardship file) is taken off; a row kept needs a justification.
     */
    List<Resolution> resolutions(VariableScope v, RecipientList list) {
        List<Recipients.Finding> current = findingsOf(list);
        // the form gives each row's line number (and no record number); the API may give the record number too
        Map<Long, SpinJsonNode> given = new HashMap<>();
        Map<Integer, SpinJsonNode> givenByLine = new HashMap<>();
        Object raw = v.getVariable(FINDINGS);
        if (raw != null) {
            SpinJsonNode node = raw instanceof SpinJsonNode n ? n : JSON(raw);
            if (node.isArray()) {
                for (SpinJsonNode row : node.elements()) {
                    if (row.hasProp("recipientId") && row.prop("recipientId").isNumber()) {
                        given.put(row.prop("recipientId").numberValue().longValue(), row);
                    }
                    Integer line = lineOf(row);
                    if (line != null) {
                        givenByLine.put(line, row);
                    }
                }
            }
        }
        Refusals refusals = new Refusals("核查结果");
        List<Resolution> resolutions = new ArrayList<>();
        for (Recipients.Finding f : current) {
            refusals.attempt(() -> {
                SpinJsonNode row = given.containsKey(f.recipientId()) ? given.get(f.recipientId())
                        : givenByLine.get(f.lineNo());
                String where = "第" + f.lineNo() + "行（" + f.name() + "，" + f.kinds().stream()
                        .reduce((a, b) -> a + "、" + b).orElse("") + "）";
                if (row == null) {
                    throw new UnionAssistException(WarmthError.FINDING_UNRESOLVED, where
                            + "是打开本任务后新出现的核查结果：请刷新页面，重新打开任务后逐行处理");
                }
                String action = text(row, "action");
                String justification = text(row, "justification");
                if (!"keep".equals(action) && !"remove".equals(action)) {
                    throw new UnionAssistException(WarmthError.FINDING_UNRESOLVED, where + "：请选择保留或剔除");
                }
                boolean keep = "keep".equals(action);
                if (keep && !f.mayBeKept()) {
                    throw new UnionAssistException(WarmthError.FINDING_UNRESOLVED, where + "不能保留，请剔除或退回修改");
                }
                if (keep && justification.isEmpty()) {
                    throw new UnionAssistException(WarmthError.FINDING_UNRESOLVED, where + "：保留须说明理由");
                }
                if (justification.length() > 500) {
                    throw new UnionAssistException(CaseworkError.INVALID_INPUT, where + "：理由不能超过500字");
                }
                return resolutions.add(new Resolution(f.recipientId(), f.lineNo(), keep, keep ? justification : null));
            });
        }
        refusals.throwIfAny();
        return resolutions;
    }

    /**
     * What an approver or a phone-back recorded, for the sign-off's snapshot: line, finding or outcome, decision and
     * reason, without names or ID numbers.
     */
    private static final Map<String, String> SHOWN_CODES = Map.of("keep", "保留", "remove", "剔除",
            Codes.PhoneBack.CONFIRMED.code(), Codes.PhoneBack.CONFIRMED.label(),
            Codes.PhoneBack.DENIED.code(), Codes.PhoneBack.DENIED.label(),
            Codes.PhoneBack.NO_ANSWER.code(), Codes.PhoneBack.NO_ANSWER.label());

    static String summary(Object raw, String... keys) {
        if (raw == null) {
            return "";
        }
        SpinJsonNode node = raw instanceof SpinJsonNode n ? n : JSON(raw);
        if (!node.isArray()) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (SpinJsonNode row : node.elements()) {
            StringBuilder line = new StringBuilder("第" + (row.hasProp("line") ? row.prop("line").value() : "?") + "行");
            for (String key : keys) {
                String value = text(row, key);
                if (!value.isEmpty()) {
                    line.append("；").append(SHOWN_CODES.getOrDefault(value, value));
                }
            }
            lines.add(line.toString());
        }
        return String.join("\n", lines);
    }

    /** A row's line number, as a number or as the text a form's text field gives back. */
    private static Integer lineOf(SpinJsonNode row) {
        if (!row.hasProp("line")) {
            return null;
        }
        SpinJsonNode line = row.prop("line");
        if (line.isNumber()) {
            return line.numberValue().intValue();
        }
        String text = line.isString() ? line.stringValue().strip() : "";
        return text.matches("[0-9]{1,9}") ? Integer.valueOf(text) : null;
    }

    private static String text(SpinJsonNode row, String key) {
        return row.hasProp(key) && row.prop(key).isString() ? row.prop(key).stringValue().strip() : "";
    }

    /** Approval signed: the resolutions are applied; the list's total is what the approver signed for. */
    BigDecimal resolve(VariableScope v, RecipientList list) {
        for (Resolution r : resolutions(v, list)) {
            recipients.resolve(list.getId(), r.recipientId(), r.keep(), r.justification());
        }
        BigDecimal total = listedTotal(list);
        Ledger.Balance balance = ledger.balance(list.getCampaignId(), list.getGrassrootsUnionId());
        if (total.compareTo(balance.available()) > 0) {
            throw new UnionAssistException(WarmthError.OVER_ALLOCATION, "名单合计" + total + "元，超出"
                    + jurisdiction.union(list.getGrassrootsUnionId()).getName() + "可用经费" + balance.available()
                    + "元，不能批准：请剔除部分人员，或退回基层工会修改");
        }
        return total;
    }

    private static String described(int people, BigDecimal total) {
        return "名单共 " + people + " 人，合计 " + total + " 元（现金及物资折价）";
    }

    /** The list as it stands now, in words: people (not taken off) and their total. */
    String described(RecipientList list) {
        List<Recipient> rows = recipients.of(list.getId()).stream()
                .filter(r -> r.status() != Recipient.Status.REMOVED).toList();
        return described(rows.size(), rows.stream().map(Recipient::total).reduce(Money.yuan(BigDecimal.ZERO), BigDecimal::add));
    }

    BigDecimal listedTotal(RecipientList list) {
        return recipients.onList(list.getId(), Recipient.Status.LISTED).stream().map(Recipient::total)
                .reduce(Money.yuan(BigDecimal.ZERO), BigDecimal::add);
    }

    /**
     * Service step 批准并占用经费: the list's total is committed in the ledger, locked from the city down, so that no
     * union, district or campaign goes over its allocation; the visits form gets the list.
     */
    public void approve(DelegateExecution execution) {
        RecipientList list = list(execution);
        String chair = WarmthCampaigns.loggedIn("审核名单");
        ledger.commit(list.getCampaignId(), list.getGrassrootsUnionId(), list.getId(), listedTotal(list),
                recipients.count(list.getId(), Recipient.Status.LISTED), chair);
        list.approved(chair, clock.now());
        execution.setVariable(DELIVERIES, SpinValues.jsonValue(JSON(List.of())).create());
        showVisits(list, execution::setVariable);
    }

    // ------------------------------------------------------------------ visits

    private void showVisits(RecipientList list, java.util.function.BiConsumer<String, Object> set) {
        List<Recipient> rows = recipients.of(list.getId()).stream()
                .filter(r -> r.status() != Recipient.Status.REMOVED).toList();
        long open = rows.stream().filter(r -> r.status() == Recipient.Status.LISTED).count();
        set.accept("visitShown", "名单共 " + rows.size() + " 人，已登记 " + (rows.size() - open) + " 人，待登记 " + open + " 人");
        List<Map<String, Object>> shown = new ArrayList<>();
        for (Recipient r : rows.stream().filter(r -> r.status() == Recipient.Status.LISTED).limit(SHOWN).toList()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", r.lineNo());
            m.put("name", r.name());
            m.put("group", r.group().label());
            m.put("cash", r.cash().toPlainString());
            m.put("goods", r.goods().toPlainString());
            shown.add(m);
        }
        set.accept("visitRows", SpinValues.jsonValue(JSON(shown)).create());
    }

    /** Visits typed in the form: checked now, stored when the step is signed. */
    List<Recipients.Delivery> deliveries(VariableScope v) {
        return checked(DELIVERY_ROWS.rows(v.getVariable(DELIVERIES), "逐个登记第%d人"));
    }

    /** Visits from a file (columns 序号, 姓名, 发放结果, 慰问日期, 慰问品, 发放现金, 慰问人, 凭证类型, 凭证编号). */
    public Map<String, Object> importDeliveries(RecipientList list, String fileName, InputStream content) {
        List<Recipients.Delivery> read = DELIVERY_ROWS.file(fileName, content);
        List<Recipients.Delivery> filled = read.stream().filter(d -> !notFilledIn(d)).toList();
        if (filled.isEmpty()) {
            throw new UnionAssistException(WarmthError.VISITS_INCOMPLETE, "上传的慰问登记表中没有填写发放结果的行");
        }
        Map<String, Object> result = record(list, checked(filled));
        result.put("skipped", read.size() - filled.size());
        return result;
    }

    /** A line of the visit sheet as it was downloaded: its number and name, nothing recorded yet. */
    private static boolean notFilledIn(Recipients.Delivery d) {
        return d.outcome() == null && d.deliveredOn() == null && d.given() == null && d.cashGiven() == null
                && d.visitor() == null && d.proofKind() == null && d.proofRef() == null;
    }

    /** One visit, as the API records it one by one. */
    public Map<String, Object> recordOne(RecipientList list, Map<String, Object> row) {
        return record(list, checked(DELIVERY_ROWS.rows(JSON(List.of(row)), "登记")));
    }

    private Map<String, Object> record(RecipientList list, List<Recipients.Delivery> deliveries) {
        if (list.getStatus() != RecipientList.Status.APPROVED) {
            throw new UnionAssistException(WarmthError.LIST_NOT_OPEN, "名单" + list.number() + "当前状态为"
                    + list.getStatus().label() + "，不能登记慰问");
        }
        store(list, deliveries);
        Map<String, Object> shown = new LinkedHashMap<>();
        showVisits(list, shown::put);
        engine.run(() -> runtimeService.setVariables(list.getProcessInstanceId(), shown));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("listNumber", list.number());
        result.put("recorded", deliveries.size());
        result.put("open", recipients.count(list.getId(), Recipient.Status.LISTED));
        return result;
    }

    void store(RecipientList list, List<Recipients.Delivery> deliveries) {
        Map<Integer, Recipient> byLine = new HashMap<>();
        recipients.of(list.getId()).forEach(r -> byLine.put(r.lineNo(), r));
        Refusals refusals = new Refusals("慰问登记");
        List<Recipients.Delivery> withCash = new ArrayList<>();
        for (Recipients.Delivery d : deliveries) {
            refusals.attempt(() -> {
                Recipient r = byLine.get(d.lineNo());
                if (r == null || r.status() == Recipient.Status.REMOVED) {
                    throw new UnionAssistException(WarmthError.UNKNOWN_RECIPIENT, d.source() + "：批准的名单上没有第"
                            + d.lineNo() + "行");
                }
                if (d.name() != null && !d.name().isBlank() && !d.name().equals(r.name())) {
                    throw new UnionAssistException(WarmthError.UNKNOWN_RECIPIENT, d.source() + "：第" + d.lineNo()
                            + "行的姓名与名单不符");
                }
                BigDecimal cash = d.cashGiven() == null ? r.cash() : d.cashGiven();
                if (cash.compareTo(r.cash()) > 0) {
                    throw new UnionAssistException(WarmthError.OVER_ALLOCATION, d.source() + "：发放现金" + cash
                            + "元，超过名单核定的" + r.cash() + "元");
                }
                return withCash.add(new Recipients.Delivery(d.source(), d.lineNo(), d.name(), d.outcome(),
                        d.deliveredOn(), d.given(), Money.yuan(cash), d.visitor(), d.proofKind(), d.proofRef()));
            });
        }
        refusals.throwIfAny();
        recipients.deliver(list.getId(), withCash);
    }

    /** Visits signed: the typed rows are stored, and every person on the list must now have an outcome. */
    void takeVisits(VariableScope v, RecipientList list) {
        store(list, deliveries(v));
        int open = recipients.count(list.getId(), Recipient.Status.LISTED);
        if (open > 0) {
            throw new UnionAssistException(WarmthError.VISITS_INCOMPLETE, "还有" + open
                    + "人未登记慰问结果：请逐个登记，或通过接口上传慰问登记表；未联系上的请登记为“未联系上”");
        }
    }

    private List<Recipients.Delivery> checked(List<Recipients.Delivery> deliveries) {
        Refusals refusals = new Refusals("慰问登记");
        for (Recipients.Delivery d : deliveries) {
            refusals.attempt(() -> {
                if (d.outcome() == null) {
                    throw new UnionAssistException(CaseworkError.INVALID_INPUT, d.source()
                            + "：请填写发放结果（已送达或未联系上）");
                }
                if (d.visitor() == null) {
                    throw new UnionAssistException(CaseworkError.INVALID_INPUT, d.source() + "：请填写慰问人");
                }
                if (d.outcome() == Codes.Outcome.DELIVERED) {
                    if (d.deliveredOn() == null) {
                        throw new UnionAssistException(CaseworkError.INVALID_INPUT, d.source() + "：请填写慰问日期");
                    }
                    if (d.deliveredOn().isAfter(clock.today())) {
                        throw new UnionAssistException(CaseworkError.INVALID_INPUT, d.source() + "：慰问日期不能晚于今天");
                    }
                    if (d.proofKind() == null) {
                        throw new UnionAssistException(CaseworkError.INVALID_INPUT, d.source()
                                + "：请选择凭证类型（签字、按手印或照片）");
                    }
                    if (d.proofKind() == Codes.ProofKind.PHOTO && (d.proofRef() == null || d.proofRef().isBlank())) {
                        throw new UnionAssistException(CaseworkError.INVALID_INPUT, d.source() + "：照片凭证须填写凭证编号");
                    }
                }
                return d;
            });
        }
        refusals.throwIfAny();
        return deliveries;
    }

    /**
     * Service step 核销经费并抽取回访样本: what was given moves from committed to spent and what was not goes back to the
     * union's balance; the district's phone-back sample is drawn at random from those visited.
     */
    public void visitsDone(DelegateExecution execution) {
        RecipientList list = list(execution);
        List<Recipient> rows = recipients.of(list.getId()).stream()
                .filter(r -> r.status() == Recipient.Status.DELIVERED || r.status() == Recipient.Status.UNREACHED)
                .toList();
        BigDecimal committed = rows.stream().map(Recipient::total).reduce(Money.yuan(BigDecimal.ZERO), BigDecimal::add);
        BigDecimal spent = rows.stream().map(Recipient::spent).reduce(Money.yuan(BigDecimal.ZERO), BigDecimal::add);
        int visited = (int) rows.stream().filter(r -> r.status() == Recipient.Status.DELIVERED).count();
        ledger.settleVisits(list.getCampaignId(), list.getGrassrootsUnionId(), list.getId(), committed, rows.size(),
                spent, visited, WarmthCampaigns.loggedIn("登记慰问"));
        list.visited();
        List<Map<String, Object>> sample = new ArrayList<>();
        for (Recipient r : recipients.drawSample(list.getId(), properties.getPhoneBackSampleSize(), random)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("recipientId", r.id());
            m.put("line", r.lineNo());
            m.put("name", r.name());
            m.put("idNumber", PersonalData.maskIdNumber(r.idNumber()));
            m.put("group", r.group().label());
            m.put("deliveredOn", r.deliveredOn().toString());
            m.put("visitor", r.visitor());
            m.put("given", "现金" + r.cashGiven() + "元，物资" + r.goods() + "元");
            m.put("outcome", null);
            m.put("note", null);
            sample.add(m);
        }
        execution.setVariable(SAMPLE, SpinValues.jsonValue(JSON(sample)).create());
        execution.setVariable("sampleShown", "从已送达的 " + visited + " 人中随机抽取 " + sample.size()
                + " 人电话回访（每份名单的抽取人数由系统管理员统一设定）");
    }

    /** The district's phone-back, as signed: an outcome for every person of the sample. */
    void takePhoneBack(VariableScope v, RecipientList list, String by) {
        Map<Long, Recipient> sample = new HashMap<>();
        recipients.sample(list.getId()).forEach(r -> sample.put(r.id(), r));
        Object raw = v.getVariable(SAMPLE);
        SpinJsonNode node = raw == null ? JSON("[]") : raw instanceof SpinJsonNode n ? n : JSON(raw);
        Refusals refusals = new Refusals("电话回访");
        Set<Long> answered = new LinkedHashSet<>();
        for (SpinJsonNode row : node.elements()) {
            refusals.attempt(() -> {
                // the form gives the line back (as text); the API may give the row's id
                Integer line = lineOf(row);
                long id = row.hasProp("recipientId") && row.prop("recipientId").isNumber()
                        ? row.prop("recipientId").numberValue().longValue()
                        : sample.values().stream().filter(s -> line != null && s.lineNo() == line).map(Recipient::id)
                        .findFirst().orElse(-1L);
                Recipient r = sample.get(id);
                if (r == null) {
                    throw new UnionAssistException(WarmthError.UNKNOWN_RECIPIENT, "回访名单与抽样结果不符，请刷新后重试");
                }
                String code = text(row, "outcome");
                Codes.PhoneBack outcome = java.util.Arrays.stream(Codes.PhoneBack.values())
                        .filter(o -> o.code().equals(code)).findFirst()
                        .orElseThrow(() -> new UnionAssistException(WarmthError.PHONE_BACK_INCOMPLETE, "第" + r.lineNo()
                                + "行（" + r.name() + "）：请选择回访结果"));
                String note = text(row, "note");
                if (outcome != Codes.PhoneBack.CONFIRMED && note.isEmpty()) {
                    throw new UnionAssistException(WarmthError.PHONE_BACK_INCOMPLETE, "第" + r.lineNo() + "行（"
                            + r.name() + "）：" + outcome.label() + "，请在备注中说明情况和处理");
                }
                if (note.length() > 200) {
                    throw new UnionAssistException(CaseworkError.INVALID_INPUT, "第" + r.lineNo() + "行：备注不能超过200字");
                }
                recipients.phoneBack(list.getId(), id, outcome, note.isEmpty() ? null : note, by, clock.today());
                return answered.add(id);
            });
        }
        refusals.throwIfAny();
        if (!answered.containsAll(sample.keySet())) {
            throw new UnionAssistException(WarmthError.PHONE_BACK_INCOMPLETE, "请为抽取的每一位慰问对象填写回访结果");
        }
    }

    // ------------------------------------------------------------------ payment and settlement

    /** Service step 生成现金发放: one disbursement for each recipient given cash, never a second one. */
    public void pay(DelegateExecution execution) {
        RecipientList list = list(execution);
        Campaign campaign = campaigns.campaign(execution);
        List<PaymentOrder> orders = new ArrayList<>();
        for (Recipient r : recipients.onList(list.getId(), Recipient.Status.DELIVERED)) {
            if (r.cashGiven().signum() > 0) {
                orders.add(new PaymentOrder(execution.getProcessInstanceId(), PROCESS, list.number(),
                        "warmthRecipient:" + r.id(), PURPOSE, r.name(), r.idNumber(), r.bankCard(), r.cashGiven(),
                        list.getGrassrootsUnionId()));
            }
        }
        disbursements.payEach(orders);
        auditTrail.recordEvent(execution, WarmthDecisions.PAY, campaign.getHoliday() + "送温暖现金发放：" + orders.size()
                + "人", AuditTrail.SYSTEM, new SignedValues(null, null, orders.stream().map(PaymentOrder::amount)
                .reduce(Money.yuan(BigDecimal.ZERO), BigDecimal::add), null), Map.of("listNumber", list.number()));
        execution.setVariable("settlementRows", SpinValues.jsonValue(JSON(reports.listRows(list))).create());
    }

    /** Service step 记录基层结算. */
    public void settle(DelegateExecution execution) {
        RecipientList list = list(execution);
        String clerk = WarmthCampaigns.loggedIn("结算");
        list.settled(clerk, clock.now());
        campaigns.settleAccount(campaigns.campaign(execution), list.getGrassrootsUnionId(), clerk);
    }

    // ------------------------------------------------------------------ helpers

    RecipientList list(VariableScope v) {
        String pid = v instanceof DelegateExecution e ? e.getProcessInstanceId()
                : ((org.camunda.bpm.engine.delegate.DelegateTask) v).getProcessInstanceId();
        return lists.findByProcessInstanceId(pid).orElseThrow();
    }

    public RecipientList byNumber(String number) {
        String digits = number == null ? "" : number.replaceAll(".*-", "");
        RecipientList list = digits.matches("[0-9]{1,18}") ? lists.findById(Long.parseLong(digits)).orElse(null) : null;
        if (list == null || !list.number().equals(number)) {
            throw new UnionAssistException(WarmthError.NOT_FOUND, "没有编号为" + number + "的送温暖名单");
        }
        return list;
    }

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("uuuu-M-d"),
            DateTimeFormatter.ofPattern("uuuu/M/d"), DateTimeFormatter.ofPattern("uuuu.M.d"),
            DateTimeFormatter.ofPattern("uuuuMMdd"), DateTimeFormatter.ofPattern("M/d/uu"));

    /** A date as people write it in a sheet or a form (2027-01-15, 2027/1/15, 20270115; Excel's 1/15/27). */
    static LocalDate date(String text) {
        String t = text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text;
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(t, f);
            } catch (DateTimeParseException notThisOne) {
                // next
            }
        }
        throw new CellRefused("应为日期（如2027-01-15）");
    }
}
