package org.unionassist.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionassist.casework.CaseAccess;
import org.unionassist.casework.CaseDossier;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.register.CaseEntry;
import org.unionassist.casework.register.CaseEntryRepository;
import org.unionassist.casework.register.CaseOutcome;
import org.unionassist.casework.intervention.ManualInterventionTrail;
import org.unionassist.casework.signoff.AuditTrail;
import org.unionassist.engine.EngineCommands;
import org.unionassist.organisation.Union;
import org.unionassist.organisation.UnionRepository;
import org.unionassist.payment.Disbursement;
import org.unionassist.payment.DisbursementRepository;
import org.unionassist.payment.PaymentHistory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The auditors' workspace API ({@code /api/audit}), behind the same login as the webapps (the page at
 * {@code /audit/} calls it with the Cockpit session) or HTTP Basic: the search over every programme's cases, one case
 * with its signed timeline, the engine's history beside it, the diagram with the path taken, the records it touched
 * and its disbursements. Every call is limited to the caller's jurisdiction as an auditor ({@link AuditorScope}); a
 * case outside it is answered 404, exactly like one that does not exist.
 */
@RestController
@RequestMapping("/api/audit")
public class AuditWorkspaceController {

    private final AuditorScope scopes;
    private final EngineCommands asEngine;
    private final CaseSearch search;
    private final CaseEntryRepository entries;
    private final AuditTrail auditTrail;
    private final ManualInterventionTrail interventions;
    private final CaseHistory history;
    private final RepositoryService repositoryService;
    private final DisbursementRepository disbursements;
    private final PaymentHistory paymentHistory;
    private final List<CaseDossier> dossiers;
    private final UnionRepository unions;
    private final FieldLabels labels;
    private final ObjectMapper json;
    private final AuditStatistics statistics;
    private final CrossProgrammeCheck crossCheck;
    private final CaseAccess caseAccess;
    private final OperationTerms terms;

    public AuditWorkspaceController(AuditorScope scopes, CaseSearch search, CaseEntryRepository entries,
                                    AuditTrail auditTrail, ManualInterventionTrail interventions, CaseHistory history,
                                    RepositoryService repositoryService,
                                    DisbursementRepository disbursements, PaymentHistory paymentHistory,
                                    List<CaseDossier> dossiers,
                                    UnionRepository unions, FieldLabels labels,
                                    ObjectMapper json, AuditStatistics statistics, CrossProgrammeCheck crossCheck,
                                    CaseAccess caseAccess, EngineCommands asEngine, OperationTerms terms) {
        this.asEngine = asEngine;
        this.terms = terms;
        this.statistics = statistics;
        this.crossCheck = crossCheck;
        this.caseAccess = caseAccess;
        this.scopes = scopes;
        this.search = search;
        this.entries = entries;
        this.auditTrail = auditTrail;
        this.interventions = interventions;
        this.history = history;
        this.repositoryService = repositoryService;
        this.disbursements = disbursements;
        this.paymentHistory = paymentHistory;
        this.dossiers = dossiers;
        this.unions = unions;
        this.labels = labels;
        this.json = json;
    }

    /** What the search form offers: the programmes' processes, the unions within the caller's jurisdiction, outcomes. */
    @GetMapping("/options")
    public Map<String, Object> options() {
        AuditorScope.Scope scope = scopes.current();
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("auditor", scope.userId());
        reply.put("processes", processes().entrySet().stream()
                .map(e -> Map.of("key", e.getKey(), "name", e.getValue())).toList());
        List<Map<String, Object>> visible = new ArrayList<>();
        for (Union audited : scope.audited()) {
            addTree(audited, 0, visible);
        }
        reply.put("unions", visible);
        reply.put("states", List.of(Map.of("code", CaseEntry.RUNNING, "label", "办理中"),
                Map.of("code", CaseEntry.ENDED, "label", "已办结")));
        reply.put("outcomes", java.util.Arrays.stream(CaseOutcome.values())
                .map(o -> Map.of("code", o.code(), "label", o.label())).toList());
        return reply;
    }

    private void addTree(Union union, int depth, List<Map<String, Object>> out) {
        out.add(Map.of("id", union.getId(), "name", union.getName(), "level", union.getLevel().label(),
                "depth", depth));
        unions.findByParentId(union.getId()).stream().sorted(Comparator.comparing(Union::getId))
                .forEach(child -> addTree(child, depth + 1, out));
    }

    @GetMapping("/cases")
    public Map<String, Object> cases(@RequestParam(required = false) String process,
                                     @RequestParam(required = false) String union,
                                     @RequestParam(required = false) String state,
                                     @RequestParam(required = false) String outcome,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                     @RequestParam(required = false) String caseNumber,
                                     @RequestParam(required = false) String applicant,
                                     @RequestParam(required = false) BigDecimal minAmount,
                                     @RequestParam(required = false) BigDecimal maxAmount,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "20") int size) {
        AuditorScope.Scope scope = scopes.current();
        CaseSearch.Criteria criteria = criteria(process, union, state, outcome, from, to, caseNumber, applicant,
                minAmount, maxAmount);
        CaseSearch.Result result = search.search(criteria, scope, page, size);
        Map<String, String> unionNames = unionNames();
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("total", result.page().getTotalElements());
        reply.put("page", page);
        reply.put("size", size);
        reply.put("pages", result.page().getTotalPages());
        reply.put("byState", result.byState());
        reply.put("byOutcome", result.byOutcome());
        reply.put("rows", result.page().getContent().stream().map(e -> row(e, unionNames)).toList());
        return reply;
    }

    /** The criteria as the search reads them: blank fields are no filter. */
    static CaseSearch.Criteria criteria(String process, String union, String state, String outcome, LocalDate from,
                                        LocalDate to, String caseNumber, String applicant, BigDecimal minAmount,
                                        BigDecimal maxAmount) {
        return new CaseSearch.Criteria(blank(process), blank(union), blank(state), blank(outcome), from, to,
                blank(caseNumber), blank(applicant), minAmount, maxAmount);
    }

    static Map<String, Object> row(CaseEntry e, Map<String, String> unionNames) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("processInstanceId", e.getProcessInstanceId());
        row.put("caseNumber", e.getCaseNumber());
        row.put("programme", e.getProgrammeName());
        row.put("grassrootsUnion", unionNames.get(e.getGrassrootsUnionId()));
        row.put("districtUnion", unionNames.get(e.getDistrictUnionId()));
        row.put("applicant", e.getApplicantMasked());
        row.put("amount", e.getAmount() == null ? null : e.getAmount().toPlainString());
        row.put("state", e.isRunning() ? "办理中" : "已办结");
        row.put("outcome", e.getOutcomeLabel());
        row.put("outcomeKind", e.getOutcome() == null ? null : e.getOutcome().label());
        row.put("lastStep", e.getCurrentStep());
        row.put("startedOn", e.getStartedOn().toString());
        row.put("endedAt", e.getEndedAt() == null ? null : e.getEndedAt().atZoneSameInstant(
                ShanghaiClock.ZONE).format(ShanghaiClock.SHOWN));
        return row;
    }

    @GetMapping("/cases/{processInstanceId}")
    public Map<String, Object> caseView(@PathVariable String processInstanceId) {
        CaseEntry entry = visibleCase(processInstanceId);
        CaseHistory.Engine engine = history.of(processInstanceId);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("case", row(entry, unionNames()));
        reply.put("signOffs", auditTrail.ofCase(processInstanceId).stream().map(s -> {
            Map<String, Object> v = new LinkedHashMap<>(json.convertValue(AuditTrailController.SignOffView.of(s),
                    new TypeReference<Map<String, Object>>() { }));
            v.put("findings", s.getFindings());
            v.put("seen", seen(s.getSnapshot()));
            v.remove("snapshot");
            return v;
        }).toList());
        reply.put("activities", engine.activities());
        reply.put("waitingAt", engine.activities().stream().filter(a -> engine.waitingAt().contains(a.activityId()))
                .map(CaseHistory.Activity::name).distinct().toList());
        reply.put("timers", engine.timers());
        reply.put("operations", engine.operations());
        reply.put("interventions", interventions.ofCase(processInstanceId).stream()
                .map(i -> AuditTrailController.InterventionView.shown(i, terms)).toList());
        reply.put("dossier", dossiers.stream()
                .flatMap(d -> d.sectionsOf(entry.getProcessDefinitionKey(), processInstanceId, entry.getCaseNumber()).stream()).toList());
        reply.put("disbursements", disbursements.findAllByProcessInstanceIdOrderByIdAsc(processInstanceId).stream()
                .map(d -> disbursement(d, paymentHistory.of(d))).toList());
        return reply;
    }

    /** The year's statistics of a union the caller audits (their own when none is named), for the charts. */
    @GetMapping("/statistics")
    public Map<String, Object> statistics(@RequestParam(required = false) Integer year,
                                          @RequestParam(required = false) String union) {
        AuditorScope.Scope scope = scopes.current();
        AuditStatistics.Report report = statistics.of(scope, year, blank(union));
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("year", report.year());
        reply.put("union", Map.of("id", report.union().getId(), "name", report.union().getName(),
                "level", report.union().getLevel().name()));
        reply.put("totals", counts(report.totals()));
        reply.put("byMonth", report.byMonth().entrySet().stream()
                .map(e -> with(counts(e.getValue()), "month", e.getKey())).toList());
        reply.put("byProgramme", report.byProgramme().entrySet().stream()
                .map(e -> with(counts(e.getValue()), "programme", e.getKey())).toList());
        reply.put("byUnion", report.byUnion().entrySet().stream()
                .map(e -> with(counts(e.getValue()), "union", e.getKey())).toList());
        reply.put("steps", report.steps());
        reply.put("overdueOpenCount", report.overdueOpenCount());
        reply.put("overdueOpen", report.overdueOpen());
        return reply;
    }

    private static Map<String, Object> counts(AuditStatistics.Counts c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("cases", c.cases());
        v.put("running", c.running());
        v.put("approved", c.approved());
        v.put("rejected", c.rejected());
        v.put("withdrawn", c.withdrawn());
        v.put("other", c.other());
        v.put("amount", c.amount().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
        return v;
    }

    private static Map<String, Object> with(Map<String, Object> counts, String key, Object value) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(key, value);
        v.putAll(counts);
        return v;
    }

    /** People paid by several programmes, and households filed in several unions, in the year. */
    @GetMapping("/cross-checks")
    public CrossProgrammeCheck.Report crossChecks(@RequestParam(required = false) Integer year) {
        return crossCheck.of(scopes.current(), year);
    }

    @GetMapping(value = "/cases/{processInstanceId}/diagram.svg", produces = "image/svg+xml")
    public ResponseEntity<String> diagram(@PathVariable String processInstanceId) {
        visibleCase(processInstanceId);
        CaseHistory.Path path = history.pathOf(processInstanceId);
        String svg = DiagramSvg.render(asEngine.call(() ->
                repositoryService.getBpmnModelInstance(path.processDefinitionId())), path.visited(), path.waitingAt());
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml;charset=UTF-8")).body(svg);
    }

    /**
     * The case, if the caller audits a union on its path and holds the case's read grant (given to the auditors of
     * every union on its path when it opened); otherwise the same 404 as for a case that does not exist.
     */
    CaseEntry visibleCase(String processInstanceId) {
        AuditorScope.Scope scope = scopes.current();
        CaseEntry entry = entries.findById(processInstanceId).filter(scope::covers).orElse(null);
        if (entry == null || !caseAccess.historyGrantedToAny(scope.groupIds(), processInstanceId)) {
            throw new UnionAssistException(CaseworkError.CASE_NOT_FOUND, "找不到该案件，或您无权查看");
        }
        return entry;
    }

    /** What the signer saw, under the labels of the forms they saw it in. */
    private List<Map<String, String>> seen(String snapshot) {
        if (snapshot == null || snapshot.isBlank()) {
            return List.of();
        }
        try {
            Map<String, Object> values = json.readValue(snapshot, new TypeReference<LinkedHashMap<String, Object>>() { });
            List<Map<String, String>> rows = new ArrayList<>();
            values.forEach((key, value) -> {
                if (value != null && !value.toString().isBlank()) {
                    String label = labels.of(key);
                    rows.add(Map.of("item", label == null ? key : label, "value", labels.value(key, value)));
                }
            });
            return rows;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return List.of(Map.of("item", "原始记录", "value", snapshot));
        }
    }

    static Map<String, Object> disbursement(Disbursement d, String bankHistory) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", d.getId());
        v.put("payee", cn.hutool.core.util.DesensitizedUtil.chineseName(d.getPayeeName()));
        v.put("amount", d.getAmount().toPlainString());
        v.put("status", Disbursement.statusLabel(d.getStatus()));
        v.put("createdAt", d.getCreatedAt().atZoneSameInstant(ShanghaiClock.ZONE)
                .format(ShanghaiClock.SHOWN));
        v.put("bankHistory", bankHistory);
        return v;
    }

    /** Every programme process by key, with its (latest) Chinese name. */
    Map<String, String> processes() {
        return asEngine.call(() -> repositoryService.createProcessDefinitionQuery().latestVersion().list()).stream()
                .sorted(Comparator.comparing(ProcessDefinition::getKey))
                .collect(Collectors.toMap(ProcessDefinition::getKey,
                        d -> d.getName() == null ? d.getKey() : d.getName(), (a, b) -> a, LinkedHashMap::new));
    }

    Map<String, String> unionNames() {
        return unions.findAll().stream().collect(Collectors.toMap(Union::getId, Union::getName));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
