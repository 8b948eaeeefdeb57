package org.unionassist.warmth;

import cn.hutool.core.util.DesensitizedUtil;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.unionassist.casework.CaseDossier;
import org.unionassist.casework.PersonalData;
import org.unionassist.organisation.Jurisdiction;

import java.util.ArrayList;
import java.util.List;

/**
 * What an auditor sees of a send-warmth campaign beside its sign-offs: for the campaign, its plan, standards and every
 * union's account (allocated, committed, spent, left); for a union's list, its figures, account and every recipient
 * with what became of them (names and ID numbers masked, justifications, visits, proof and phone-back).
 */
@Component
@Transactional(readOnly = true)
class WarmthDossier implements CaseDossier {

    /** Rows of a list shown in the case view; the list's Excel export has all of them. */
    static final int MOST_ROWS = 1000;

    private final CampaignRepository campaigns;
    private final RecipientListRepository lists;
    private final WarmthCampaigns warmthCampaigns;
    private final Recipients recipients;
    private final Ledger ledger;
    private final Jurisdiction jurisdiction;

    WarmthDossier(CampaignRepository campaigns, RecipientListRepository lists, WarmthCampaigns warmthCampaigns,
                  Recipients recipients, Ledger ledger, Jurisdiction jurisdiction) {
        this.campaigns = campaigns;
        this.lists = lists;
        this.warmthCampaigns = warmthCampaigns;
        this.recipients = recipients;
        this.ledger = ledger;
        this.jurisdiction = jurisdiction;
    }

    @Override
    public List<Section> sectionsOf(String processDefinitionKey, String processInstanceId, String caseNumber) {
        if (WarmthCampaigns.PROCESS.equals(processDefinitionKey)) {
            return campaigns.findByProcessInstanceId(processInstanceId).map(this::campaign).orElse(List.of());
        }
        if (WarmthLists.PROCESS.equals(processDefinitionKey)) {
            return lists.findByProcessInstanceId(processInstanceId).map(this::list).orElse(List.of());
        }
        return List.of();
    }

    private List<Section> campaign(Campaign c) {
        Campaign.Plan plan = c.plan();
        Section facts = Section.facts("两节送温暖活动 " + c.number(),
                "节日", plan.holiday(),
                "活动期间", plan.periodStart() + " 至 " + plan.periodEnd(),
                "活动总预算（元）", CaseDossier.shown(plan.totalBudget()),
                "计划慰问人数", String.valueOf(plan.plannedRecipients()),
                "名单报送截止", plan.listDeadline().toString(),
                "慰问完成截止", plan.visitDeadline().toString(),
                "状态", switch (c.getStatus()) {
                    case DRAFT -> "方案拟定中";
                    case APPROVED -> "实施中";
                    case REJECTED -> "方案未批准";
                    case CLOSED -> "已结束";
                });
        List<List<String>> standards = new ArrayList<>();
        warmthCampaigns.standardsOf(c.getId()).forEach((group, s) -> standards.add(List.of(group.label(),
                s.cash().toPlainString(), s.goods().toPlainString())));
        List<List<String>> accounts = new ArrayList<>();
        if (c.getStatus() != Campaign.Status.DRAFT && c.getStatus() != Campaign.Status.REJECTED) {
            ledger.balances(c.getId()).values().forEach(b -> accounts.add(List.of(
                    jurisdiction.union(b.unionId()).getName(), b.allocated().toPlainString(),
                    String.valueOf(b.recipientsAllocated()), b.committed().toPlainString(), b.spent().toPlainString(),
                    b.available().toPlainString(), String.valueOf(b.recipientsVisited()))));
        }
        return List.of(facts,
                new Section("慰问标准（每人）", List.of("慰问对象类别", "现金（元）", "物资折价（元）"), standards),
                new Section("经费台账", List.of("单位", "分配经费（元）", "慰问名额（人）", "已占用（元）", "已支出（元）",
                        "结余（元）", "已慰问（人）"), accounts));
    }

    private List<Section> list(RecipientList l) {
        Ledger.Balance b = ledger.balance(l.getCampaignId(), l.getGrassrootsUnionId());
        Section facts = Section.facts("送温暖名单 " + l.number(),
                "所属活动", campaigns.findById(l.getCampaignId()).map(Campaign::number).orElse(null),
                "基层工会", jurisdiction.union(l.getGrassrootsUnionId()).getName(),
                "状态", l.getStatus().label(),
                "报送次数", String.valueOf(l.getSubmittedTimes()),
                "分配经费（元）", b.allocated().toPlainString(),
                "已支出（元）", b.spent().toPlainString(),
                "结余（元）", b.available().toPlainString());
        List<List<String>> rows = new ArrayList<>();
        List<Recipient> all = recipients.of(l.getId());
        for (Recipient r : all.subList(0, Math.min(MOST_ROWS, all.size()))) {
            rows.add(List.of(String.valueOf(r.lineNo()), DesensitizedUtil.chineseName(r.name()),
                    r.idProblem() == null ? PersonalData.maskIdNumber(r.idNumber()) : "（无效）", r.group().label(),
                    r.cash().toPlainString(), r.goods().toPlainString(), r.status().label(),
                    r.justification() == null ? "" : r.justification(),
                    r.deliveredOn() == null ? "" : r.deliveredOn() + " " + r.visitor() + " "
                            + Codes.ProofKind.valueOf(r.proofKind()).label()
                            + (r.proofRef() == null ? "" : " " + r.proofRef()),
                    r.phoneBackOutcome() == null ? "" : Codes.PhoneBack.valueOf(r.phoneBackOutcome()).label()
                            + (r.phoneBackNote() == null ? "" : "：" + r.phoneBackNote())));
        }
        String title = "慰问对象（" + all.size() + " 人" + (all.size() > MOST_ROWS ? "，此处列出前 " + MOST_ROWS
                + " 人，全部见名单导出" : "") + "）";
        return List.of(facts, new Section(title, List.of("行号", "姓名", "身份证号", "类别", "现金（元）", "物资（元）",
                "状态", "保留理由", "慰问（日期、慰问人、凭证）", "电话回访"), rows));
    }
}
