package org.unionassist.warmth;

import org.camunda.bpm.engine.IdentityService;
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
import org.springframework.web.multipart.MultipartFile;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.ExportWorkbook;
import org.unionassist.casework.Money;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.organisation.Jurisdiction;
import org.unionassist.organisation.Members;
import org.unionassist.organisation.Role;
import org.unionassist.organisation.UnionMember;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 两节送温暖 outside Tasklist: lists and visit records uploaded as Excel/CSV files (Tasklist's forms cannot upload a
 * file), a visit recorded one by one, an allocation revised, the ledger's balances, and each level's settlement as
 * figures and as an Excel download (with the Tasklist login under {@code /api/exports/}).
 */
@RestController
public class WarmthController {

    private final WarmthCampaigns campaigns;
    private final WarmthLists lists;
    private final WarmthExports exports;
    private final Ledger ledger;
    private final Members members;
    private final Jurisdiction jurisdiction;
    private final IdentityService identityService;

    public WarmthController(WarmthCampaigns campaigns, WarmthLists lists, WarmthExports exports,
                            Ledger ledger, Members members, Jurisdiction jurisdiction, IdentityService identityService) {
        this.campaigns = campaigns;
        this.lists = lists;
        this.exports = exports;
        this.ledger = ledger;
        this.members = members;
        this.jurisdiction = jurisdiction;
        this.identityService = identityService;
    }

    /** A grassroots union's clerk uploads recipients to the list being filled. */
    @PostMapping(path = "/api/warmth/lists/{listNumber}/recipients", consumes = "multipart/form-data")
    @Transactional
    public Map<String, Object> uploadRecipients(@PathVariable String listNumber, @RequestParam MultipartFile file) {
        RecipientList list = lists.byNumber(listNumber);
        requireRole(caller("上传名单"), Role.CLERK, list.getGrassrootsUnionId(), "只有本基层工会的经办人可以上传名单");
        try (InputStream content = file.getInputStream()) {
            return lists.importFile(list, file.getOriginalFilename(), content);
        } catch (IOException e) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "名单文件无法读取");
        }
    }

    /** A grassroots union's clerk uploads the visits of an approved list. */
    @PostMapping(path = "/api/warmth/lists/{listNumber}/deliveries", consumes = "multipart/form-data")
    @Transactional
    public Map<String, Object> uploadDeliveries(@PathVariable String listNumber, @RequestParam MultipartFile file) {
        RecipientList list = lists.byNumber(listNumber);
        requireRole(caller("上传慰问登记"), Role.CLERK, list.getGrassrootsUnionId(), "只有本基层工会的经办人可以登记慰问");
        try (InputStream content = file.getInputStream()) {
            return lists.importDeliveries(list, file.getOriginalFilename(), content);
        } catch (IOException e) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "慰问登记文件无法读取");
        }
    }

    /** One visit: {@code {"outcome":"delivered","deliveredOn":"2027-01-20","visitor":"…","proofKind":"signature"}}. */
    @PutMapping("/api/warmth/lists/{listNumber}/deliveries/{line}")
    @Transactional
    public Map<String, Object> recordDelivery(@PathVariable String listNumber, @PathVariable int line,
                                              @RequestBody(required = false) Map<String, Object> body) {
        RecipientList list = lists.byNumber(listNumber);
        requireRole(caller("登记慰问"), Role.CLERK, list.getGrassrootsUnionId(), "只有本基层工会的经办人可以登记慰问");
        Map<String, Object> row = new LinkedHashMap<>(body == null ? Map.of() : body);
        row.put("line", line);
        return lists.recordOne(list, row);
    }

    public record AllocationRequest(BigDecimal amount, Integer recipients) {
    }

    /** The clerk of a union's parent revises its allocation; never below what it has committed and spent. */
    @PutMapping("/api/warmth/campaigns/{campaignNumber}/allocations/{unionId}")
    @Transactional
    public Map<String, Object> revise(@PathVariable String campaignNumber, @PathVariable String unionId,
                                      @RequestBody(required = false) AllocationRequest request) {
        Campaign campaign = campaigns.byNumber(campaignNumber);
        String caller = caller("调整分配");
        String parent = jurisdiction.union(unionId).getParentId();
        if (parent == null) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "活动总预算由方案确定，不能在此调整");
        }
        requireRole(caller, Role.CLERK, parent, "分配只能由上级工会的经办人调整");
        if (request == null || request.amount() == null || request.recipients() == null) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "请填写分配经费（amount）和慰问名额（recipients）");
        }
        if (request.amount().signum() < 0 || request.recipients() < 0) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "分配经费和慰问名额不能为负数");
        }
        return balance(campaigns.revise(campaign, unionId, Money.yuan(request.amount()), request.recipients(), caller));
    }

    /** Balances of every union the caller may see: the city sees all, a district its own and its unions'. */
    @GetMapping("/api/warmth/campaigns/{campaignNumber}/ledger")
    public List<Map<String, Object>> ledger(@PathVariable String campaignNumber) {
        Campaign campaign = campaigns.byNumber(campaignNumber);
        Set<String> own = ownUnions(caller("查看经费"));
        return ledger.balances(campaign.getId()).values().stream()
                .filter(b -> own.stream().anyMatch(u -> jurisdiction.covers(u, b.unionId())))
                .map(this::balance).toList();
    }

    /** A union's settlement: its groups and totals, and those of the unions below it. */
    @GetMapping("/api/warmth/campaigns/{campaignNumber}/settlement")
    public List<Map<String, Object>> settlement(@PathVariable String campaignNumber,
                                                @RequestParam(required = false) String union) {
        Campaign campaign = campaigns.byNumber(campaignNumber);
        String unionId = allowedUnion(caller("查看结算"), campaign, union);
        return exports.lines(campaign, unionId).stream().map(WarmthReports.Line::asRow).toList();
    }

    @GetMapping("/api/exports/warmth/{campaignNumber}/settlement.xlsx")
    public ResponseEntity<byte[]> settlementWorkbook(@PathVariable String campaignNumber,
                                                     @RequestParam(required = false) String union) {
        Campaign campaign = campaigns.byNumber(campaignNumber);
        String caller = caller("导出结算报告");
        String unionId = allowedUnion(caller, campaign, union);
        String name = jurisdiction.union(unionId).getName();
        return ExportWorkbook.download(campaign.getHoliday() + "送温暖结算报告（" + name + "）.xlsx",
                "warmth-settlement-" + campaign.number() + "-" + unionId + ".xlsx",
                exports.settlement(campaign, unionId, members.displayName(caller)));
    }

    /** A list with its rows (ID numbers masked) and what became of each. */
    @GetMapping("/api/exports/warmth/lists/{listNumber}.xlsx")
    public ResponseEntity<byte[]> listWorkbook(@PathVariable String listNumber) {
        RecipientList list = lists.byNumber(listNumber);
        String caller = caller("导出名单");
        requireWithin(caller, list.getGrassrootsUnionId(), "只有本单位及上级工会的工作人员可以导出该名单");
        return ExportWorkbook.download("送温暖名单" + list.number() + ".xlsx", "warmth-list-" + list.number() + ".xlsx",
                exports.list(list, members.displayName(caller)));
    }

    /** The visit sheet of an approved list: the people still without an outcome, for the visitors to fill in. */
    @GetMapping("/api/exports/warmth/lists/{listNumber}/visit-sheet.xlsx")
    public ResponseEntity<byte[]> visitSheet(@PathVariable String listNumber) {
        RecipientList list = lists.byNumber(listNumber);
        requireRole(caller("下载慰问登记表"), Role.CLERK, list.getGrassrootsUnionId(), "只有本基层工会的经办人可以下载慰问登记表");
        return ExportWorkbook.download("慰问登记表" + list.number() + ".xlsx", "warmth-visits-" + list.number() + ".xlsx",
                exports.visitSheet(list));
    }

    private String allowedUnion(String caller, Campaign campaign, String union) {
        String unionId = union == null || union.isBlank() ? ownUnions(caller).stream().findFirst()
                .orElse(campaign.getCityUnionId()) : union;
        jurisdiction.union(unionId);
        requireWithin(caller, unionId, "只有本单位及上级工会的工作人员可以查看该单位的结算");
        return unionId;
    }

    private Map<String, Object> balance(Ledger.Balance b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unionId", b.unionId());
        m.put("unionName", jurisdiction.union(b.unionId()).getName());
        m.put("allocated", b.allocated());
        m.put("recipientsAllocated", b.recipientsAllocated());
        m.put("allocatedOnward", b.allocatedOnward());
        m.put("committed", b.committed());
        m.put("spent", b.spent());
        m.put("available", b.available());
        m.put("recipientsVisited", b.recipientsVisited());
        return m;
    }

    private Set<String> ownUnions(String caller) {
        return members.rolesOf(caller).stream().map(UnionMember::unionId)
                .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private void requireWithin(String caller, String unionId, String refusal) {
        if (ownUnions(caller).stream().noneMatch(u -> jurisdiction.covers(u, unionId))) {
            throw new UnionAssistException(CaseworkError.NOT_AUTHORIZED, refusal);
        }
    }

    private void requireRole(String caller, Role role, String unionId, String refusal) {
        if (members.inRole(caller, role, unionId).isEmpty()) {
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
