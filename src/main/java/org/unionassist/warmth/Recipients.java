package org.unionassist.warmth;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.unionassist.casework.PersonalData;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recipients of a campaign's lists, written and read in bulk (a list may have thousands of rows): inserts and
 * updates are JDBC batches, and the checks are queries over the whole campaign.
 */
@Repository
public class Recipients {

    static final int BATCH = 500;

    /** A row as a list gives it, before it is stored. */
    record NewRecipient(String source, String name, String idNumber, String idProblem, RecipientGroup group,
                        String groupProblem, String bankCard, String cardProblem, BigDecimal cash, BigDecimal goods) {
    }

    /** A visit as a form row or a file line records it, by the recipient's line number on the list. */
    record Delivery(String source, int lineNo, String name, Codes.Outcome outcome, LocalDate deliveredOn, String given,
                    BigDecimal cashGiven, String visitor, Codes.ProofKind proofKind, String proofRef) {
    }

    /** A group's people and money on a list, or on every list below a union. */
    public record GroupFigures(RecipientGroup group, int listed, int visited, int unreached, BigDecimal cash,
                               BigDecimal goods) {
    }

    /** What a check found about one row, for the approver: every kind that applies, and where the duplicates are. */
    public record Finding(long recipientId, int lineNo, String name, String maskedIdNumber, List<String> kinds,
                          String detail, boolean mayBeKept) {
    }

    private static final RowMapper<Recipient> ROW = Recipients::map;

    private final JdbcTemplate jdbc;

    public Recipients(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long listId, long campaignId, List<NewRecipient> rows) {
        Integer last = jdbc.queryForObject("select max(line_no) from ua_warmth_recipient where list_id = ?",
                Integer.class, listId);
        int line = last == null ? 0 : last;
        List<Object[]> args = new ArrayList<>(rows.size());
        for (NewRecipient r : rows) {
            args.add(new Object[] {listId, campaignId, ++line, r.source(), r.name(), r.idNumber(), r.idProblem(),
                    r.group().name(), r.groupProblem(), r.bankCard(), r.cardProblem(), r.cash(), r.goods(),
                    Recipient.Status.LISTED.name(), false});
        }
        for (int from = 0; from < args.size(); from += BATCH) {
            jdbc.batchUpdate("insert into ua_warmth_recipient (list_id, campaign_id, line_no, source, name, id_number, "
                    + "id_problem, recipient_group, group_problem, bank_card, card_problem, cash, goods, status, sampled) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args.subList(from, Math.min(args.size(), from + BATCH)));
        }
    }

    /** Takes rows off a list before it is approved; returns the line numbers that were not on it. */
    List<Integer> remove(long listId, Collection<Integer> lines) {
        List<Integer> unknown = new ArrayList<>();
        for (int line : lines) {
            if (jdbc.update("update ua_warmth_recipient set status = 'REMOVED' where list_id = ? and line_no = ? "
                    + "and status = 'LISTED'", listId, line) == 0) {
                unknown.add(line);
            }
        }
        return unknown;
    }

    /** The approver's resolution of a finding: the row stays with the justification, or is taken off. */
    void resolve(long listId, long recipientId, boolean keep, String justification) {
        jdbc.update("update ua_warmth_recipient set status = ?, justification = ? where list_id = ? and id = ?",
                keep ? Recipient.Status.LISTED.name() : Recipient.Status.REMOVED.name(), keep ? justification : null,
                listId, recipientId);
    }

    public List<Recipient> of(long listId) {
        return jdbc.query("select * from ua_warmth_recipient where list_id = ? order by line_no", ROW, listId);
    }

    public List<Recipient> onList(long listId, Recipient.Status status) {
        return jdbc.query("select * from ua_warmth_recipient where list_id = ? and status = ? order by line_no", ROW,
                listId, status.name());
    }

    /** People and money of a list by group (rows taken off, and the rows of a waived list, excluded). */
    public Map<RecipientGroup, GroupFigures> figures(long listId) {
        return figuresWhere("r.list_id = ?", listId);
    }

    /** The same for every list of a campaign below a union (a district: its unions' lists; the city: all). */
    public Map<RecipientGroup, GroupFigures> figuresBelow(long campaignId, String unionId, boolean district) {
        return district
                ? figuresWhere("r.campaign_id = ? and l.district_union_id = ?", campaignId, unionId)
                : figuresWhere("r.campaign_id = ?", campaignId);
    }

    /** By grassroots union, then group: the rows of a district's or the city's settlement. */
    public Map<String, Map<RecipientGroup, GroupFigures>> figuresByUnion(long campaignId) {
        Map<String, Map<RecipientGroup, GroupFigures>> byUnion = new LinkedHashMap<>();
        jdbc.query("select l.grassroots_union_id, r.recipient_group, " + FIGURES + " from ua_warmth_recipient r "
                        + "join ua_warmth_list l on l.id = r.list_id where r.campaign_id = ? and r.status <> 'REMOVED' "
                        + "and l.status <> 'WAIVED' "
                        + "group by l.grassroots_union_id, r.recipient_group order by l.grassroots_union_id",
                rs -> {
                    byUnion.computeIfAbsent(rs.getString(1), u -> new EnumMap<>(RecipientGroup.class))
                            .put(RecipientGroup.valueOf(rs.getString(2)), figures(rs, 2));
                }, campaignId);
        return byUnion;
    }

    private static final String FIGURES = "count(*), "
            + "sum(case when r.status = 'DELIVERED' then 1 else 0 end), "
            + "sum(case when r.status = 'UNREACHED' then 1 else 0 end), "
            + "coalesce(sum(case when r.status = 'DELIVERED' then r.cash_given when r.status = 'LISTED' then r.cash else 0 end), 0), "
            + "coalesce(sum(case when r.status in ('DELIVERED', 'LISTED') then r.goods else 0 end), 0)";

    private Map<RecipientGroup, GroupFigures> figuresWhere(String where, Object... args) {
        Map<RecipientGroup, GroupFigures> byGroup = new EnumMap<>(RecipientGroup.class);
        jdbc.query("select r.recipient_group, " + FIGURES + " from ua_warmth_recipient r join ua_warmth_list l "
                + "on l.id = r.list_id where " + where + " and r.status <> 'REMOVED' and l.status <> 'WAIVED' "
                + "group by r.recipient_group", rs -> {
                    byGroup.put(RecipientGroup.valueOf(rs.getString(1)), figures(rs, 1));
                }, args);
        return byGroup;
    }

    private static GroupFigures figures(ResultSet rs, int groupColumn) throws SQLException {
        return new GroupFigures(RecipientGroup.valueOf(rs.getString(groupColumn)), rs.getInt(groupColumn + 1),
                rs.getInt(groupColumn + 2), rs.getInt(groupColumn + 3), rs.getBigDecimal(groupColumn + 4).setScale(2),
                rs.getBigDecimal(groupColumn + 5).setScale(2));
    }

    /**
     * The checks of a list, each row found once with every kind that applies: an ID number on another row of the
     * campaign (any union's list not waived, or the same list), a missing or invalid ID number, an amount other than
     * the plan's standard for the group, a hardship household without an open file.
     */
    public List<Finding> findings(long listId, Map<RecipientGroup, WarmthProperties.Standard> standards,
                                  Map<String, String> unionNames) {
        Map<Long, List<String>> kinds = new LinkedHashMap<>();
        Map<Long, List<String>> details = new LinkedHashMap<>();
        Map<Long, Recipient> rows = new LinkedHashMap<>();
        Map<Long, Boolean> keepable = new LinkedHashMap<>();
        jdbc.query("select r.id, o.line_no, ol.grassroots_union_id, o.list_id = r.list_id from ua_warmth_recipient r "
                        + "join ua_warmth_recipient o on o.campaign_id = r.campaign_id and o.id_number = r.id_number "
                        + "and o.id <> r.id and o.status <> 'REMOVED' "
                        + "join ua_warmth_list ol on ol.id = o.list_id and ol.status <> 'WAIVED' "
                        + "where r.list_id = ? and r.status <> 'REMOVED' and r.id_problem is null order by r.line_no",
                rs -> {
                    long id = rs.getLong(1);
                    add(kinds, id, "重复");
                    String where = rs.getBoolean(4) ? "本名单" : unionNames.getOrDefault(rs.getString(3), rs.getString(3)) + "名单";
                    details.computeIfAbsent(id, k -> new ArrayList<>()).add("与" + where + "第" + rs.getInt(2) + "行身份证号相同");
                }, listId);
        for (Recipient r : jdbc.query("select * from ua_warmth_recipient where list_id = ? and status <> 'REMOVED' "
                + "order by line_no", ROW, listId)) {
            rows.put(r.id(), r);
            if (r.idProblem() != null) {
                add(kinds, r.id(), "身份证号无效");
                details.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r.idProblem());
                keepable.put(r.id(), false);
            }
            if (r.cardProblem() != null) {
                add(kinds, r.id(), "银行卡号无效");
                details.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r.cardProblem());
                keepable.put(r.id(), false);
            }
            if (r.groupProblem() != null) {
                add(kinds, r.id(), "类别不符");
                details.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r.groupProblem());
                keepable.put(r.id(), false);
            }
            WarmthProperties.Standard standard = standards.get(r.group());
            if (standard != null && (r.cash().compareTo(standard.cash()) != 0 || r.goods().compareTo(standard.goods()) != 0)) {
                add(kinds, r.id(), "金额与标准不符");
                details.computeIfAbsent(r.id(), k -> new ArrayList<>()).add("现金" + r.cash() + "元、物资" + r.goods()
                        + "元，标准为现金" + standard.cash() + "元、物资" + standard.goods() + "元");
            }
        }
        List<Finding> findings = new ArrayList<>();
        kinds.keySet().stream().map(rows::get).filter(java.util.Objects::nonNull)
                .sorted(java.util.Comparator.comparingInt(Recipient::lineNo))
                .forEach(r -> findings.add(new Finding(r.id(), r.lineNo(), r.name(),
                        r.idNumber() == null || r.idProblem() != null ? "（无有效身份证号）" : PersonalData.maskIdNumber(r.idNumber()),
                        kinds.get(r.id()), String.join("；", details.get(r.id())), keepable.getOrDefault(r.id(), true))));
        return findings;
    }

    private static void add(Map<Long, List<String>> kinds, long id, String kind) {
        List<String> list = kinds.computeIfAbsent(id, k -> new ArrayList<>());
        if (!list.contains(kind)) {
            list.add(kind);
        }
    }

    /** Writes visits by line number; the caller has checked that each line is on the list. */
    void deliver(long listId, List<Delivery> deliveries) {
        List<Object[]> args = new ArrayList<>();
        for (Delivery d : deliveries) {
            boolean delivered = d.outcome() == Codes.Outcome.DELIVERED;
            args.add(new Object[] {delivered ? Recipient.Status.DELIVERED.name() : Recipient.Status.UNREACHED.name(),
                    delivered ? Date.valueOf(d.deliveredOn()) : null, delivered ? d.given() : null,
                    delivered ? d.cashGiven() : null, d.visitor(), delivered ? d.proofKind().name() : null,
                    delivered ? d.proofRef() : null, listId, d.lineNo()});
        }
        for (int from = 0; from < args.size(); from += BATCH) {
            jdbc.batchUpdate("update ua_warmth_recipient set status = ?, delivered_on = ?, given = ?, cash_given = ?, "
                    + "visitor = ?, proof_kind = ?, proof_ref = ? where list_id = ? and line_no = ?",
                    args.subList(from, Math.min(args.size(), from + BATCH)));
        }
    }

    /** Other lists of the campaign awaiting the district's approval that share an ID number with this one. */
    List<Long> submittedListsSharingIds(long listId) {
        return jdbc.queryForList("select distinct o.list_id from ua_warmth_recipient r join ua_warmth_recipient o "
                + "on o.campaign_id = r.campaign_id and o.id_number = r.id_number and o.list_id <> r.list_id "
                + "join ua_warmth_list ol on ol.id = o.list_id and ol.status = 'SUBMITTED' "
                + "where r.list_id = ? and r.status <> 'REMOVED' and o.status <> 'REMOVED'", Long.class, listId);
    }

    int count(long listId, Recipient.Status status) {
        Integer n = jdbc.queryForObject("select count(*) from ua_warmth_recipient where list_id = ? and status = ?",
                Integer.class, listId, status.name());
        return n == null ? 0 : n;
    }

    /** Marks up to {@code size} delivered recipients of the list, drawn at random, for the phone-back. */
    List<Recipient> drawSample(long listId, int size, java.util.random.RandomGenerator random) {
        List<Recipient> delivered = new ArrayList<>(onList(listId, Recipient.Status.DELIVERED));
        List<Recipient> sample = new ArrayList<>();
        for (int i = 0; i < size && !delivered.isEmpty(); i++) {
            sample.add(delivered.remove(random.nextInt(delivered.size())));
        }
        sample.sort(java.util.Comparator.comparingInt(Recipient::lineNo));
        for (Recipient r : sample) {
            jdbc.update("update ua_warmth_recipient set sampled = true where id = ?", r.id());
        }
        return sample;
    }

    List<Recipient> sample(long listId) {
        return jdbc.query("select * from ua_warmth_recipient where list_id = ? and sampled = true order by line_no",
                ROW, listId);
    }

    void phoneBack(long listId, long recipientId, Codes.PhoneBack outcome, String note, String by, LocalDate on) {
        jdbc.update("update ua_warmth_recipient set phone_back_outcome = ?, phone_back_note = ?, phoned_by = ?, "
                        + "phoned_on = ? where list_id = ? and id = ? and sampled = true",
                outcome.name(), note, by, Date.valueOf(on), listId, recipientId);
    }

    /** Every ID number on the campaign's lists (rows taken off excluded), for the auditor's cross-check. */
    public Set<String> idNumbersOfCampaign(long campaignId) {
        return new java.util.HashSet<>(jdbc.queryForList("select id_number from ua_warmth_recipient where campaign_id = ? "
                + "and status <> 'REMOVED' and id_number is not null", String.class, campaignId));
    }

    private static Recipient map(ResultSet rs, int n) throws SQLException {
        Date delivered = rs.getDate("delivered_on");
        BigDecimal cashGiven = rs.getBigDecimal("cash_given");
        return new Recipient(rs.getLong("id"), rs.getLong("list_id"), rs.getInt("line_no"), rs.getString("source"),
                rs.getString("name"), rs.getString("id_number"), rs.getString("id_problem"),
                RecipientGroup.valueOf(rs.getString("recipient_group")), rs.getString("group_problem"),
                rs.getString("bank_card"), rs.getString("card_problem"),
                rs.getBigDecimal("cash").setScale(2), rs.getBigDecimal("goods").setScale(2),
                Recipient.Status.valueOf(rs.getString("status")), rs.getString("justification"),
                delivered == null ? null : delivered.toLocalDate(), rs.getString("given"),
                cashGiven == null ? null : cashGiven.setScale(2), rs.getString("visitor"), rs.getString("proof_kind"),
                rs.getString("proof_ref"), rs.getBoolean("sampled"), rs.getString("phone_back_outcome"),
                rs.getString("phone_back_note"));
    }
}
