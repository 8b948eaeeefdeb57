package org.unionassist.hardship;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import org.unionassist.engine.EngineCommands;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.signoff.AuditTrail;
import org.unionassist.organisation.Members;
import org.unionassist.organisation.Role;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.camunda.spin.Spin.JSON;

/**
 * 民主评议: the grassroots chair picks the panel on the review form; each member votes in a parallel task; the votes
 * are counted from the signed audit trail (one row per vote), and a simple majority of the panel carries.
 */
@Component("democraticReview")
public class DemocraticReview {

    public static final String STEP = "democraticReview";

    private final IdentityService identityService;
    private final EngineCommands asEngine;
    private final HardshipProperties properties;
    private final Members members;
    private final AuditTrail auditTrail;

    public DemocraticReview(IdentityService identityService, HardshipProperties properties, Members members,
                            AuditTrail auditTrail, EngineCommands asEngine) {
        this.asEngine = asEngine;
        this.identityService = identityService;
        this.properties = properties;
        this.members = members;
        this.auditTrail = auditTrail;
    }

    /** Checks the chosen panel: at least the configured size, every member on the union's panel. */
    public List<String> validatePanel(Object raw, String grassrootsUnion) {
        List<String> panel = parse(raw);
        if (panel.size() < properties.minimumPanelSize()) {
            throw new UnionAssistException(HardshipError.PANEL_INVALID,
                    "民主评议小组至少需要" + properties.minimumPanelSize() + "名成员，当前选择了" + panel.size() + "名");
        }
        String group = Role.PANEL.groupOf(grassrootsUnion);
        for (String member : panel) {
            long inPanel = asEngine.call(() ->
                    identityService.createUserQuery().userId(member).memberOfGroup(group).count());
            if (inPanel == 0) {
                throw new UnionAssistException(HardshipError.PANEL_INVALID,
                        "「" + members.displayName(member) + "」不是本单位民主评议小组成员");
            }
        }
        return panel;
    }

    /**
     * Service step 发起民主评议: opens a new voting round for the chosen panel (already checked by
     * {@link #validatePanel} when the chair signed the approval, in this same transaction).
     */
    public void open(DelegateExecution execution) {
        List<String> panel = parse(execution.getVariable("panelMembers"));
        Integer round = (Integer) execution.getVariable("reviewRound");
        execution.setVariable("reviewRound", round == null ? 1 : round + 1);
        execution.setVariable("panelMembersText", panel.stream().map(members::displayName)
                .collect(Collectors.joining("、")));
        execution.setVariable("panelSize", panel.size());
    }

    /** The multi-instance collection: one voting task per panel member. */
    public List<String> panel(DelegateExecution execution) {
        return parse(execution.getVariable("panelMembers"));
    }

    /** Service step 统计评议结果: majority of the whole panel, counted from the signed votes. */
    public void tally(DelegateExecution execution) {
        Integer round = (Integer) execution.getVariable("reviewRound");
        AuditTrail.Votes votes = auditTrail.votes(execution.getProcessInstanceId(), STEP, round);
        long agree = votes.agree();
        long disagree = votes.disagree();
        int panelSize = (Integer) execution.getVariable("panelSize");
        boolean carried = agree * 2 > panelSize;
        execution.setVariable("votesFor", agree);
        execution.setVariable("votesAgainst", disagree);
        execution.setVariable("panelApproved", carried);
        execution.setVariable("democraticReviewResult",
                "赞成" + agree + "票，反对" + disagree + "票，" + (carried ? "获过半数通过" : "未获过半数同意"));
        if (!carried) {
            execution.setVariable("rejectionReason",
                    "民主评议未获过半数同意（赞成" + agree + "票，反对" + disagree + "票，共" + panelSize + "人）");
        }
        auditTrail.publishTrail(execution);
    }

    static List<String> parse(Object raw) {
        if (raw == null) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        if (raw instanceof List<?> list) {
            list.forEach(o -> ids.add(o.toString()));
        } else {
            SpinJsonNode node = raw instanceof SpinJsonNode n ? n : JSON(raw.toString());
            if (!node.isArray()) {
                throw new UnionAssistException(HardshipError.PANEL_INVALID, "民主评议小组名单格式不正确");
            }
            node.elements().forEach(e -> ids.add(e.stringValue()));
        }
        return new ArrayList<>(ids);
    }
}
