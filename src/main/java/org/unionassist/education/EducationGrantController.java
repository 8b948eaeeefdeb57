package org.unionassist.education;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.ExportWorkbook;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.engine.EngineCommands;
import org.unionassist.organisation.Jurisdiction;
import org.unionassist.organisation.Members;
import org.unionassist.organisation.Role;
import org.unionassist.organisation.Union;
import org.unionassist.organisation.UnionLevel;
import org.unionassist.organisation.UnionMember;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 金秋助学 outside Tasklist: withdrawing an application until the district decides, the city's yearly quotas per
 * district, and the two Excel lists (a district's 公示名单; the city's grants per district and level), which a
 * Tasklist user downloads with the webapps' login under {@code /api/exports/}.
 */
@RestController
public class EducationGrantController {

    public static final String WITHDRAWAL = "educationGrantWithdrawal";

    private final EducationGrants grants;
    private final GrantQuotas quotas;
    private final EducationExports exports;
    private final Members members;
    private final Jurisdiction jurisdiction;
    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final EngineCommands engine;
    private final ShanghaiClock clock;

    public EducationGrantController(EducationGrants grants, GrantQuotas quotas, EducationExports exports,
                                    Members members, Jurisdiction jurisdiction, IdentityService identityService,
                                    RuntimeService runtimeService, EngineCommands engine, ShanghaiClock clock) {
        this.grants = grants;
        this.quotas = quotas;
        this.exports = exports;
        this.members = members;
        this.jurisdiction = jurisdiction;
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.engine = engine;
        this.clock = clock;
    }

    public record WithdrawalRequest(String reason) {
    }

    @PostMapping("/api/education-grants/{processInstanceId}/withdrawal")
    @Transactional
    public Map<String, Object> withdraw(@PathVariable String processInstanceId,
                                        @RequestBody(required = false) WithdrawalRequest request) {
        String caller = caller("撤回申请");
        EducationGrant g = grants.byProcessInstance(processInstanceId);
        String union = g.getGrassrootsUnionId();
        if (members.inRole(caller, Role.CLERK, union).isEmpty() && members.inRole(caller, Role.CHAIR, union).isEmpty()) {
            throw new UnionAssistException(CaseworkError.NOT_AUTHORIZED, "只有受理该申请的基层工会经办人或主席可以撤回申请");
        }
        g.requireWithdrawable();
        String reason = request == null || request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty()) {
            throw new UnionAssistException(CaseworkError.OPINION_REQUIRED, "撤回申请必须说明理由");
        }
        // our own checks above replace the engine's instance-update right, which caseworkers deliberately lack
        engine.run(() -> runtimeService.createMessageCorrelation(WITHDRAWAL)
                .processInstanceId(processInstanceId)
                .setVariable("withdrawalRequestedBy", caller)
                .setVariable("withdrawalReason", reason)
                .correlateWithResult());
        return Map.of("caseNumber", g.getCaseNumber(), "status", g.getStatus().name(),
                "statusLabel", g.getStatus().label());
    }

    public record QuotaRequest(Integer places) {
    }

    /** The year's quotas of every district (every district, with 0 where none is set yet). */
    @GetMapping("/api/education-grants/quotas/{year}")
    public List<Map<String, Object>> quotas(@PathVariable int year) {
        caller("查看名额");
        Map<String, GrantQuota> set = new LinkedHashMap<>();
        quotas.ofYear(year).forEach(q -> set.put(q.getDistrictUnionId(), q));
        return jurisdiction.unionsAt(UnionLevel.DISTRICT).stream().map(d -> {
            GrantQuota q = set.get(d.getId());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("year", year);
            row.put("districtUnionId", d.getId());
            row.put("districtName", d.getName());
            row.put("places", q == null ? null : q.getPlaces());
            row.put("granted", q == null ? 0 : q.getGranted());
            row.put("setBy", q == null ? null : q.getSetBy());
            return row;
        }).toList();
    }

    /** The city (its clerk or chair) sets a district's places for the year. */
    @PutMapping("/api/education-grants/quotas/{year}/{districtUnionId}")
    @Transactional
    public Map<String, Object> setQuota(@PathVariable int year, @PathVariable String districtUnionId,
                                        @RequestBody(required = false) QuotaRequest request) {
        String caller = caller("下达名额");
        Union city = jurisdiction.ancestorAtLevel(quotas.district(districtUnionId).getId(), UnionLevel.CITY);
        if (members.inRole(caller, Role.CLERK, city.getId()).isEmpty()
                && members.inRole(caller, Role.CHAIR, city.getId()).isEmpty()) {
            throw new UnionAssistException(CaseworkError.NOT_AUTHORIZED, "金秋助学名额由市总工会经办人或审批人下达");
        }
        if (request == null || request.places() == null) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "请填写名额（个）");
        }
        GrantQuota q = quotas.set(year, districtUnionId, request.places(), caller);
        return Map.of("year", year, "districtUnionId", districtUnionId, "places", q.getPlaces(),
                "granted", q.getGranted());
    }

    /** A district's 公示名单 of the year: its own clerks, chairs and auditors, and the city's. */
    @GetMapping("/api/exports/education/notice-list.xlsx")
    public ResponseEntity<byte[]> noticeList(@RequestParam(required = false) Integer year,
                                             @RequestParam(required = false) String district) {
        String caller = caller("导出公示名单");
        Union d = district == null || district.isBlank() ? ownDistrict(caller) : quotas.district(district);
        requireMemberOfAny(caller, List.of(d, jurisdiction.ancestorAtLevel(d.getId(), UnionLevel.CITY)),
                "只有本区总工会或市总工会的工作人员可以导出该区的公示名单");
        int y = year == null ? clock.today().getYear() : year;
        return ExportWorkbook.download(d.getName() + y + "年金秋助学公示名单.xlsx",
                "education-notice-" + d.getId() + "-" + y + ".xlsx",
                exports.noticeList(d, y, members.displayName(caller)));
    }

    /** The year's grants per district and level: the city's clerks, chairs and auditors. */
    @GetMapping("/api/exports/education/grants-by-district.xlsx")
    public ResponseEntity<byte[]> grantsByDistrict(@RequestParam(required = false) Integer year) {
        String caller = caller("导出资助汇总");
        Union city = jurisdiction.unionsAt(UnionLevel.CITY).stream().findFirst().orElseThrow();
        requireMemberOfAny(caller, List.of(city), "全市金秋助学资助汇总仅供市总工会工作人员导出");
        int y = year == null ? clock.today().getYear() : year;
        return ExportWorkbook.download(y + "年金秋助学资助汇总（分区分层次）.xlsx", "education-grants-" + y + ".xlsx",
                exports.grantsByDistrict(y, members.displayName(caller)));
    }

    private Union ownDistrict(String caller) {
        return members.rolesOf(caller).stream().map(m -> jurisdiction.union(m.unionId()))
                .filter(u -> u.getLevel() == UnionLevel.DISTRICT).findFirst()
                .orElseThrow(() -> new UnionAssistException(CaseworkError.INVALID_INPUT, "请指定要导出的区总工会"));
    }

    private void requireMemberOfAny(String caller, List<Union> unions, String refusal) {
        List<String> ids = unions.stream().map(Union::getId).toList();
        boolean member = members.rolesOf(caller).stream().map(UnionMember::unionId).anyMatch(ids::contains);
        if (!member) {
            throw new UnionAssistException(CaseworkError.NOT_AUTHORIZED, refusal);
        }
    }

    private String caller(String what) {
        Authentication caller = identityService.getCurrentAuthentication();
        if (caller == null) {
            throw new UnionAssistException(CaseworkError.SIGNER_UNKNOWN, "请登录后再" + what);
        }
        return caller.getUserId();
    }
}
