package org.unionassist.education;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import org.unionassist.casework.CaseAccess;
import org.unionassist.casework.CaseUnions;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.Coded;
import org.unionassist.casework.lists.ListCells;
import org.unionassist.casework.lists.ListColumn;
import org.unionassist.casework.lists.ListReader;
import org.unionassist.casework.FormValues;
import org.unionassist.casework.PersonalData;
import org.unionassist.casework.Refusals;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.signoff.AuditTrail;
import org.unionassist.engine.EngineCommands;
import org.unionassist.organisation.Jurisdiction;
import org.unionassist.organisation.Members;
import org.unionassist.organisation.Role;
import org.unionassist.organisation.Union;
import org.unionassist.organisation.UnionLevel;
import org.unionassist.organisation.UnionMember;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.camunda.spin.Spin.JSON;

/**
 * 区总工会集体研究 (process {@code educationGrantSitting}): a district clerk convenes a sitting, which takes up every
 * application of the district waiting for the collective decision; the district chair records, in one task, the
 * meeting, who attended, and approve / return / reject with an opinion for each application. Each application then
 * receives its own decision by message, and records it in its own audit trail, signed by the chair
 * ({@link #recorded}).
 */
@Component("districtSittings")
public class DistrictSittings {

    public static final String PROCESS = "educationGrantSitting";
    public static final String DECISION_MESSAGE = "educationGrantDistrictDecision";
    static final String AGENDA = "applications";

    private static final ListColumn<String> CASE = ListColumn.required("caseNumber", "案件号", ListCells.anyText());
    /** Optional for the reader, so a row left undecided is named with the other rows to correct, in one refusal. */
    private static final ListColumn<SittingDecision> DECISION =
            ListColumn.optional("rowDecision", "研究结论", ListCells.oneOf(SittingDecision.class));
    private static final ListColumn<String> OPINION = ListColumn.optional("rowOpinion", "意见", ListCells.text(500));
    private static final ListReader<RowDecision> ROWS = ListReader.of("集体研究名单", List.of(CASE, DECISION, OPINION),
            row -> new RowDecision(row.source(), row.get(CASE), row.get(DECISION), row.get(OPINION)));

    private final EducationGrantRepository grants;
    private final DistrictSittingRepository sittings;
    private final Members members;
    private final Jurisdiction jurisdiction;
    private final CaseAccess caseAccess;
    private final CaseUnions caseUnions;
    private final ShanghaiClock clock;
    private final AuditTrail auditTrail;
    private final RuntimeService runtimeService;
    private final EngineCommands engine;

    public DistrictSittings(EducationGrantRepository grants, DistrictSittingRepository sittings, Members members,
                            Jurisdiction jurisdiction, CaseAccess caseAccess, CaseUnions caseUnions,
                            ShanghaiClock clock,
                            AuditTrail auditTrail, RuntimeService runtimeService, EngineCommands engine) {
        this.grants = grants;
        this.sittings = sittings;
        this.members = members;
        this.jurisdiction = jurisdiction;
        this.caseAccess = caseAccess;
        this.caseUnions = caseUnions;
        this.clock = clock;
        this.auditTrail = auditTrail;
        this.runtimeService = runtimeService;
        this.engine = engine;
    }

    /** Service step 汇总待研究申请: the convening clerk's district, and its agenda; refused when nothing waits. */
    public void convene(DelegateExecution execution) {
        String clerk = loggedIn();
        Union district = caseUnions.clerkships(clerk, UnionLevel.DISTRICT).stream()
                .findFirst().orElseThrow(() -> new UnionAssistException(EducationError.NOT_A_DISTRICT_CLERK,
                        "金秋助学集体研究只能由区总工会经办人提请"));
        releaseAbandoned(district.getId());
        DistrictSitting sitting = sittings.saveAndFlush(new DistrictSitting(execution.getProcessInstanceId(),
                district.getId(), clerk, clock.today()));
        if (grants.putOnAgenda(sitting.getId(), district.getId()) == 0) {
            throw new UnionAssistException(EducationError.NOTHING_TO_DECIDE, district.getName()
                    + "目前没有待集体研究的金秋助学申请（已通过基层工会初审、尚未研究的申请）");
        }
        List<EducationGrant> agenda = grants.findBySittingIdOrderById(sitting.getId());
        String number = sitting.number();
        Union city = jurisdiction.ancestorAtLevel(district.getId(), UnionLevel.CITY);
        caseAccess.openCase(execution.getProcessInstanceId(), district.getId());
        execution.setProcessBusinessKey(number);
        execution.setVariable("caseNumber", number);
        execution.setVariable("districtUnion", district.getId());
        execution.setVariable("districtUnionName", district.getName());
        execution.setVariable("cityUnion", city.getId());
        execution.setVariable("programme", "金秋助学");
        execution.setVariable("agendaShown", district.getName() + "待集体研究的金秋助学申请 " + agenda.size() + " 件");
        List<Map<String, Object>> rows = agenda.stream().map(this::row).toList();
        execution.setVariable(AGENDA, SpinValues.jsonValue(JSON(rows)).create());
    }

    /**
     * A sitting whose process is gone without its decision (an operator deleted it in Cockpit) no longer holds its
     * applications: they go on the next agenda. The deletion itself is in the case's manual-intervention record.
     */
    private void releaseAbandoned(String districtId) {
        for (DistrictSitting open : sittings.findByDistrictUnionIdAndStatus(districtId, DistrictSitting.Status.OPEN)) {
            boolean running = engine.call(() -> runtimeService.createProcessInstanceQuery()
                    .processInstanceId(open.getProcessInstanceId()).count()) > 0;
            if (!running) {
                grants.releaseAgenda(open.getId());
                open.closedWithoutDecision();
            }
        }
    }

    private Map<String, Object> row(EducationGrant g) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("caseNumber", g.getCaseNumber());
        row.put("studentShown", g.getStudentName() + "（" + PersonalData.maskIdNumber(g.getStudentIdNumber()) + "）");
        row.put("unionName", jurisdiction.union(g.getGrassrootsUnionId()).getName());
        row.put("levelLabel", g.getLevel().label() + " 第" + g.getYearOfStudy() + "学年");
        row.put("standingLabel", g.getStanding().label());
        row.put("grantAmount", g.getAmount().toPlainString());
        row.put("amountReason", g.getAmountReason());
        row.put("rowDecision", null);
        row.put("rowOpinion", null);
        return row;
    }

    /**
     * Service step 向各申请送达研究决定, after the chair's task: every application on the agenda needs a decision, and
     * return or reject an opinion; all that is wrong is refused at once and nothing is sent. Each application still
     * waiting receives its decision; one withdrawn meanwhile is left as it is.
     */
    public void decide(DelegateExecution execution) {
        DistrictSitting sitting = sittings.findByProcessInstanceId(execution.getProcessInstanceId()).orElseThrow();
        String chairId = loggedIn();
        UnionMember chair = members.inRole(chairId, Role.CHAIR, sitting.getDistrictUnionId())
                .orElseThrow(() -> new UnionAssistException(CaseworkError.NOT_AUTHORIZED,
                        "集体研究决定须由本区总工会的审批人提交"));
        LocalDate meeting = FormValues.requiredDate(execution, "meetingDate", "会议日期");
        if (meeting.isAfter(clock.today())) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "会议日期不能晚于今天");
        }
        String attendees = FormValues.requiredText(execution, "attendees", "参会人员", 500);
        Map<String, EducationGrant> agenda = grants.findBySittingIdOrderById(sitting.getId()).stream()
                .collect(Collectors.toMap(EducationGrant::getCaseNumber, Function.identity(), (a, b) -> a,
                        LinkedHashMap::new));
        List<RowDecision> decided = readRows(execution.getVariable(AGENDA), agenda.keySet());
        Object minutes = execution.getVariable("opinion");
        String findings = "会议日期：" + meeting + "；参会人员：" + attendees + "；集体研究编号："
                + execution.getProcessBusinessKey()
                + (minutes == null || minutes.toString().isBlank() ? "" : "；会议纪要：" + minutes.toString().strip());
        int approved = 0;
        int returned = 0;
        int rejected = 0;
        int skipped = 0;
        for (RowDecision row : decided) {
            EducationGrant g = agenda.get(row.caseNumber());
            if (g.getStatus() != EducationGrant.Status.AWAITING_DISTRICT) {
                skipped++;
                continue;
            }
            engine.run(() -> runtimeService.createMessageCorrelation(DECISION_MESSAGE)
                    .processInstanceId(g.getProcessInstanceId())
                    .setVariable("districtDecision", row.decision().code())
                    .setVariable("districtOpinion", row.opinion())
                    .setVariable("districtFindings", findings)
                    .setVariable("districtDecidedBy", chair.userId())
                    .correlateWithResult());
            switch (row.decision()) {
                case APPROVE -> approved++;
                case RETURN -> returned++;
                case REJECT -> rejected++;
            }
        }
        sitting.decided(meeting, attendees, chairId, clock.now());
        execution.setVariable("sittingOutcome", "同意资助 " + approved + " 件，退回补充 " + returned + " 件，不予资助 "
                + rejected + " 件" + (skipped == 0 ? "" : "，研究前已撤回 " + skipped + " 件"));
    }

    record RowDecision(String source, String caseNumber, SittingDecision decision, String opinion) {
    }

    /**
     * The chair's rows, read by the shared list reader and checked against the agenda: every row to correct is named
     * in one refusal, and then nothing is sent.
     */
    static List<RowDecision> readRows(Object submitted, Set<String> agenda) {
        if (submitted == null) {
            throw new UnionAssistException(EducationError.SITTING_LIST_CHANGED, "集体研究名单缺失，请重新打开任务");
        }
        List<RowDecision> rows = ROWS.rows(submitted, "第%d行");
        Refusals refusals = new Refusals("集体研究名单");
        Set<String> seen = new LinkedHashSet<>();
        for (RowDecision row : rows) {
            refusals.attempt(() -> {
                if (!agenda.contains(row.caseNumber()) || !seen.add(row.caseNumber())) {
                    throw new UnionAssistException(EducationError.SITTING_LIST_CHANGED, row.source() + "的案件号"
                            + row.caseNumber() + "不在本次集体研究名单中或重复出现");
                }
                if (row.decision() == null) {
                    throw new UnionAssistException(CaseworkError.DECISION_MISSING, row.source() + "（"
                            + row.caseNumber() + "）请选择研究结论");
                }
                if (row.decision().needsOpinion() && row.opinion() == null) {
                    throw new UnionAssistException(CaseworkError.OPINION_REQUIRED, row.source() + "（"
                            + row.caseNumber() + "）" + row.decision().label() + "须填写意见");
                }
                return row;
            });
        }
        Set<String> missing = new LinkedHashSet<>(agenda);
        missing.removeAll(seen);
        if (!missing.isEmpty()) {
            refusals.attempt(() -> {
                throw new UnionAssistException(EducationError.SITTING_LIST_CHANGED, "名单中缺少" + missing
                        + "：本次集体研究的每件申请都须作出决定");
            });
        }
        refusals.throwIfAny();
        return rows;
    }

    /**
     * Service step 区总工会集体研究决定 in the application: the chair's decision for this application, signed by the chair
     * in its own audit trail with the sitting's date and attendees.
     */
    public void recorded(DelegateExecution execution) {
        EducationGrant g = grants.findByProcessInstanceId(execution.getProcessInstanceId()).orElseThrow();
        String code = (String) execution.getVariable("districtDecision");
        String chairId = (String) execution.getVariable("districtDecidedBy");
        UnionMember chair = members.inRole(chairId, Role.CHAIR, g.getDistrictUnionId()).orElseThrow();
        SittingDecision decision = Coded.find(SittingDecision.class, code).orElseThrow();
        g.decidedByDistrict(switch (decision) {
            case APPROVE -> EducationGrant.Status.ON_NOTICE;
            case RETURN -> EducationGrant.Status.RETURNED;
            case REJECT -> g.getStatus();
        }, clock.today());
        auditTrail.recordMemberDecision(execution, decision.decision(), decision.label(),
                (String) execution.getVariable("districtOpinion"), (String) execution.getVariable("districtFindings"),
                chair, GrantRecords.values(g, null), GrantVariables.snapshot(g));
        execution.setVariable("opinion", execution.getVariable("districtOpinion"));
        execution.removeVariable("districtFindings");
        execution.removeVariable("districtDecidedBy");
    }

    private static String loggedIn() {
        return CaseUnions.loggedIn().orElseThrow(() -> new UnionAssistException(CaseworkError.NOT_AUTHORIZED,
                "请登录后再办理集体研究"));
    }
}
