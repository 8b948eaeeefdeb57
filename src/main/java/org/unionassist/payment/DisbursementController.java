package org.unionassist.payment;

import org.unionassist.casework.CaseworkError;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionassist.casework.PersonalData;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.organisation.Jurisdiction;
import org.unionassist.organisation.Members;
import org.unionassist.organisation.Role;
import org.unionassist.organisation.UnionLevel;
import org.unionassist.organisation.UnionMember;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Disbursements for the people who pay and audit them. The list shows card and ID numbers masked; only the city
 * union's caseworkers, who make the transfers, read a full card number, one disbursement at a time. The list may be
 * limited to one status ({@code ?status=FAILED}: the payments workspace's 支付失败待更正).
 */
@RestController
@RequestMapping("/api/payments/disbursements")
public class DisbursementController {

    private final Disbursements disbursements;
    private final DisbursementRepository repository;
    private final Members members;
    private final Jurisdiction jurisdiction;
    private final IdentityService identityService;
    private final PaymentBatches batches;
    private static final Set<String> STATUSES = Set.of(Disbursement.PENDING, Disbursement.PAID, Disbursement.FAILED);

    public DisbursementController(Disbursements disbursements, DisbursementRepository repository, Members members,
                                  Jurisdiction jurisdiction, IdentityService identityService, PaymentBatches batches) {
        this.disbursements = disbursements;
        this.repository = repository;
        this.members = members;
        this.jurisdiction = jurisdiction;
        this.identityService = identityService;
        this.batches = batches;
    }

    @GetMapping
    public List<Map<String, Object>> list(@RequestParam(required = false) String status) {
        List<UnionMember> roles = members.rolesOf(caller());
        boolean cityStaff = roles.stream().anyMatch(m -> jurisdiction.union(m.unionId()).getLevel() == UnionLevel.CITY
                && (m.role() == Role.CLERK || m.role() == Role.AUDITOR || m.role() == Role.CHAIR));
        if (!cityStaff) {
            throw new UnionAssistException(PaymentError.NOT_A_PAYER, "只有市总工会经办人、审批人和经审委员可以查看付款清单");
        }
        String only = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (only != null && !STATUSES.contains(only)) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT,
                    "付款状态应为 PENDING（待支付）、PAID（已支付）或 FAILED（支付失败）");
        }
        return (only == null ? disbursements.all() : repository.findAllByStatusOrderByIdAsc(only)).stream()
                .map(d -> view(d, PersonalData.maskBankCard(d.getBankCard()),
                        PersonalData.maskIdNumber(d.getPayeeIdNumber()))).toList();
    }

    @GetMapping("/{id}/payee")
    public Map<String, Object> payee(@PathVariable long id) {
        boolean payer = members.rolesOf(caller()).stream().anyMatch(m -> m.role() == Role.CLERK
                && jurisdiction.union(m.unionId()).getLevel() == UnionLevel.CITY);
        if (!payer) {
            throw new UnionAssistException(PaymentError.NOT_A_PAYER, "只有市总工会经办人（付款人）可以查看完整银行卡号");
        }
        Disbursement d = repository.findById(id)
                .orElseThrow(() -> new UnionAssistException(CaseworkError.CASE_NOT_FOUND, "找不到该笔付款"));
        return view(d, d.getBankCard(), PersonalData.maskIdNumber(d.getPayeeIdNumber()));
    }

    private String caller() {
        Authentication auth = identityService.getCurrentAuthentication();
        if (auth == null) {
            throw new UnionAssistException(CaseworkError.NOT_AUTHORIZED, "请登录");
        }
        return auth.getUserId();
    }

    private Map<String, Object> view(Disbursement d, String card, String idNumber) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", d.getId());
        v.put("caseNumber", d.getCaseNumber());
        v.put("programme", d.getProcessDefinitionKey());
        v.put("programmeName", batches.programmeName(d.getProcessDefinitionKey()));
        v.put("purpose", d.getPurpose());
        v.put("payeeName", d.getPayeeName());
        v.put("payeeIdNumber", idNumber);
        v.put("bankCard", card);
        v.put("amount", d.getAmount().toPlainString());
        v.put("status", d.getStatus());
        v.put("statusLabel", Disbursement.statusLabel(d.getStatus()));
        v.put("failureReason", d.getFailureReason());
        v.put("reissued", d.getReissueCount() > 0);
        v.put("createdAt", d.getCreatedAt().toString());
        return v;
    }
}
