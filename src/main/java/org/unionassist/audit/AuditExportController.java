package org.unionassist.audit;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionassist.casework.ExportWorkbook;
import org.unionassist.casework.ShanghaiClock;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The auditors' downloads ({@code /api/audit}): a search's result and one case's trail as Excel files, within the
 * caller's jurisdiction like the rest of the workspace, and the caller's own export record. Every download is
 * recorded by {@link AuditExports}.
 */
@RestController
@RequestMapping("/api/audit")
public class AuditExportController {

    static final MediaType XLSX = ExportWorkbook.XLSX;

    private final AuditorScope scopes;
    private final AuditExports exports;
    private final AuditWorkspaceController workspace;

    public AuditExportController(AuditorScope scopes, AuditExports exports, AuditWorkspaceController workspace) {
        this.scopes = scopes;
        this.exports = exports;
        this.workspace = workspace;
    }

    /** The search of {@code GET /api/audit/cases}, with the same filters, as one sheet (no paging). */
    @GetMapping("/cases.xlsx")
    public ResponseEntity<byte[]> searchResult(@RequestParam(required = false) String process,
                                               @RequestParam(required = false) String union,
                                               @RequestParam(required = false) String state,
                                               @RequestParam(required = false) String outcome,
                                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                               @RequestParam(required = false) String caseNumber,
                                               @RequestParam(required = false) String applicant,
                                               @RequestParam(required = false) BigDecimal minAmount,
                                               @RequestParam(required = false) BigDecimal maxAmount) {
        AuditorScope.Scope scope = scopes.current();
        return download(exports.searchResult(AuditWorkspaceController.criteria(process, union, state, outcome, from,
                to, caseNumber, applicant, minAmount, maxAmount), scope));
    }

    /** One case's trail, from the same view as {@code GET /api/audit/cases/{id}}; 404 outside the jurisdiction. */
    @GetMapping("/cases/{processInstanceId}/trail.xlsx")
    public ResponseEntity<byte[]> caseTrail(@PathVariable String processInstanceId) {
        AuditorScope.Scope scope = scopes.current();
        return download(exports.caseTrail(processInstanceId, () -> workspace.caseView(processInstanceId), scope));
    }

    /** The caller's own last 100 exports, newest first. */
    @GetMapping("/exports")
    public Map<String, Object> mine() {
        AuditorScope.Scope scope = scopes.current();
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("auditor", scope.userId());
        reply.put("exports", exports.mine(scope).stream().map(AuditExportController::shown).toList());
        return reply;
    }

    private static Map<String, Object> shown(ExportRecord r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", r.getId());
        v.put("exportedAt", r.getExportedAt().atZoneSameInstant(ShanghaiClock.ZONE).format(ShanghaiClock.SHOWN));
        v.put("actorId", r.getActorId());
        v.put("actorName", r.getActorName());
        v.put("kind", r.getKind().name());
        v.put("kindLabel", r.getKind().label());
        v.put("description", r.getDescription());
        v.put("processInstanceId", r.getProcessInstanceId());
        v.put("rowCount", r.getRowCount());
        return v;
    }

    private static ResponseEntity<byte[]> download(AuditExports.Download file) {
        return ExportWorkbook.download(file.fileName(), file.asciiFileName(), file.content());
    }
}
