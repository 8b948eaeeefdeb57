package org.unionassist.audit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.organisation.Role;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/audit/chain-verification}: an auditor (经费审查委员 of any union) or an operator checks the audit
 * chains now. The answer says 完整 or names, per chain, the first row that does not fit; the check is logged with
 * who asked.
 */
@RestController
@RequestMapping("/api/audit")
public class AuditChainController {

    private static final Logger log = LoggerFactory.getLogger(AuditChainController.class);

    private final AuditChain chain;
    private final IdentityService identityService;
    private final ObjectProvider<AuditChainSchedule> schedule;

    public AuditChainController(AuditChain chain, IdentityService identityService,
                                ObjectProvider<AuditChainSchedule> schedule) {
        this.chain = chain;
        this.identityService = identityService;
        this.schedule = schedule;
    }

    @PostMapping("/chain-verification")
    public Map<String, Object> verify() {
        Authentication caller = identityService.getCurrentAuthentication();
        List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        if (groups.stream().noneMatch(g -> g.equals(Groups.CAMUNDA_ADMIN) || g.endsWith("-" + Role.AUDITOR.key()))) {
            throw new UnionAssistException(CaseworkError.NOT_AUTHORIZED, "只有经费审查委员或系统运维人员可以校验审计记录链");
        }
        AuditChain.Verification verification = chain.verify();
        schedule.ifAvailable(s -> s.record(verification));
        log.info("Audit chain verification by {}: {} ({} rows checked)", caller.getUserId(),
                verification.intact() ? "intact" : "broken", verification.rowsChecked());
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("intact", verification.intact());
        reply.put("result", verification.intact() ? "完整：所有审计记录与封存时一致"
                : "已损坏：" + String.join("；", verification.broken().stream().map(AuditChainController::describe)
                        .toList()));
        reply.put("rowsChecked", verification.rowsChecked());
        reply.put("rowsUnsealed", verification.rowsUnsealed());
        reply.put("broken", verification.broken());
        return reply;
    }

    static String describe(AuditChain.Broken broken) {
        return broken.chainLabel() + (broken.sequence() == null ? "" : "第 " + broken.sequence() + " 条")
                + (broken.rowId() == null ? "" : "（记录号 " + broken.rowId() + "）") + "：" + broken.reason();
    }
}
