package org.unionassist.warmth;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionassist.casework.Money;
import org.unionassist.organisation.Jurisdiction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settlement of a campaign as it goes up (基层 → 区 → 市): people listed, visited and not reached, and cash and goods
 * given, by recipient group, for each union; and beside each union's total, its allocation, what it spent and what is
 * left. The same rows fill the settlement forms and the Excel exports of every level.
 */
@Service
@Transactional(readOnly = true)
public class WarmthReports {

    /** One line: a union's group, or (group null) the union's total with its account. */
    public record Line(String unitId, String unit, RecipientGroup group, int listed, int visited, int unreached,
                       BigDecimal cash, BigDecimal goods, Ledger.Balance account, String note) {

        public Map<String, Object> asRow() {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("unit", unit);
            row.put("group", group == null ? "合计" + (note == null ? "" : "（" + note + "）") : group.label());
            row.put("listed", listed);
            row.put("visited", visited);
            row.put("unreached", unreached);
            // text, so that a table shows 1000.00 and not 1000
            row.put("cash", cash.toPlainString());
            row.put("goods", goods.toPlainString());
            row.put("allocated", account == null ? "" : account.allocated().toPlainString());
            row.put("spent", account == null ? "" : account.spent().toPlainString());
            row.put("left", account == null ? "" : account.available().toPlainString());
            return row;
        }
    }

    private final Recipients recipients;
    private final Ledger ledger;
    private final Jurisdiction jurisdiction;
    private final RecipientListRepository lists;

    public WarmthReports(Recipients recipients, Ledger ledger, Jurisdiction jurisdiction, RecipientListRepository lists) {
        this.recipients = recipients;
        this.ledger = ledger;
        this.jurisdiction = jurisdiction;
        this.lists = lists;
    }

    /** A grassroots union's report: its groups and its total. */
    public List<Line> ofList(RecipientList list) {
        return unit(list.getCampaignId(), list.getGrassrootsUnionId(), recipients.figures(list.getId()), noteOf(list));
    }

    /** A district's report: each of its grassroots unions that took part, then the district's own total. */
    public List<Line> ofDistrict(long campaignId, String districtId) {
        Map<String, Map<RecipientGroup, Recipients.GroupFigures>> byUnion = recipients.figuresByUnion(campaignId);
        List<Line> lines = new ArrayList<>();
        for (RecipientList list : lists.findByCampaignIdOrderById(campaignId)) {
            if (list.getDistrictUnionId().equals(districtId)) {
                lines.addAll(unit(campaignId, list.getGrassrootsUnionId(),
                        byUnion.getOrDefault(list.getGrassrootsUnionId(), Map.of()), noteOf(list)));
            }
        }
        lines.addAll(unit(campaignId, districtId, recipients.figuresBelow(campaignId, districtId, true), null));
        return lines;
    }

    /** The city's report: each district's groups and total, then the campaign's. */
    public List<Line> ofCity(Campaign campaign) {
        List<Line> lines = new ArrayList<>();
        jurisdiction.unionsBelow(campaign.getCityUnionId()).stream().map(org.unionassist.organisation.Union::getId)
                .forEach(district -> lines.addAll(unit(campaign.getId(), district,
                        recipients.figuresBelow(campaign.getId(), district, true), null)));
        lines.addAll(unit(campaign.getId(), campaign.getCityUnionId(),
                recipients.figuresBelow(campaign.getId(), campaign.getCityUnionId(), false), null));
        return lines;
    }

    /** The totals of a report in words, as a settlement's sign-off keeps them. */
    static String summary(List<Line> lines) {
        return String.join("\n", lines.stream().filter(l -> l.group() == null).map(l -> l.unit() + "：名单" + l.listed()
                + "人，已慰问" + l.visited() + "人，未联系上" + l.unreached() + "人，现金" + l.cash() + "元，物资" + l.goods()
                + "元；分配" + l.account().allocated() + "元，已支出" + l.account().spent() + "元，结余"
                + l.account().available() + "元").toList());
    }

    List<Map<String, Object>> districtRows(Campaign campaign, String districtId) {
        return ofDistrict(campaign.getId(), districtId).stream().map(Line::asRow).toList();
    }

    List<Map<String, Object>> cityRows(Campaign campaign) {
        return ofCity(campaign).stream().map(Line::asRow).toList();
    }

    List<Map<String, Object>> listRows(RecipientList list) {
        return ofList(list).stream().map(Line::asRow).toList();
    }

    /** What a union's total says besides its figures: that its list was waived. */
    private static String noteOf(RecipientList list) {
        return list.getStatus() == RecipientList.Status.WAIVED ? RecipientList.Status.WAIVED.label() : null;
    }

    private List<Line> unit(long campaignId, String unionId, Map<RecipientGroup, Recipients.GroupFigures> figures,
                            String note) {
        String name = jurisdiction.union(unionId).getName();
        List<Line> lines = new ArrayList<>();
        int listed = 0;
        int visited = 0;
        int unreached = 0;
        BigDecimal cash = Money.yuan(BigDecimal.ZERO);
        BigDecimal goods = Money.yuan(BigDecimal.ZERO);
        Map<RecipientGroup, Recipients.GroupFigures> ordered = new EnumMap<>(RecipientGroup.class);
        ordered.putAll(figures);
        for (Recipients.GroupFigures f : ordered.values()) {
            lines.add(new Line(unionId, name, f.group(), f.listed(), f.visited(), f.unreached(), f.cash(), f.goods(), null,
                    null));
            listed += f.listed();
            visited += f.visited();
            unreached += f.unreached();
            cash = cash.add(f.cash());
            goods = goods.add(f.goods());
        }
        lines.add(new Line(unionId, name, null, listed, visited, unreached, cash, goods, ledger.balance(campaignId, unionId),
                note));
        return lines;
    }
}
