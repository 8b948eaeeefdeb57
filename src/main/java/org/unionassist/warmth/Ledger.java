package org.unionassist.warmth;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.organisation.Jurisdiction;
import org.unionassist.organisation.Union;
import org.unionassist.organisation.UnionLevel;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A campaign's money as ledger entries, from which every balance is derived: the budget and each allocation
 * (ALLOCATION, from a union's parent; a revision is another entry of the difference), what approved lists hold
 * (COMMITMENT, at the grassroots union; released again when a recipient is visited or never reached) and what was
 * given (SPENDING). A district's or the city's commitments and spending are those of the unions below it.
 *
 * <p>Every decision that takes money first locks the account rows of the unions it touches, always from the city
 * down, then reads the balances and writes its entry in the same transaction: two decisions at the same moment are
 * taken one after the other, and the second sees the first.
 */
@Service
public class Ledger {

    public enum Kind { ALLOCATION, COMMITMENT, SPENDING }

    /**
     * A union's account: allocated to it (money and recipients), passed on to the unions below it, committed by
     * approved lists, and spent.
     */
    public record Balance(String unionId, BigDecimal allocated, int recipientsAllocated, BigDecimal allocatedOnward,
                          int recipientsOnward, BigDecimal committed, int recipientsCommitted, BigDecimal spent,
                          int recipientsVisited) {

        /** What may still be committed: allocated less committed and spent. */
        public BigDecimal available() {
            return allocated.subtract(committed).subtract(spent);
        }

        /** Committed and spent: what an allocation may never go below. */
        public BigDecimal used() {
            return committed.add(spent);
        }
    }

    private final JdbcTemplate jdbc;
    private final Jurisdiction jurisdiction;
    private final ShanghaiClock clock;

    public Ledger(JdbcTemplate jdbc, Jurisdiction jurisdiction, ShanghaiClock clock) {
        this.jdbc = jdbc;
        this.jurisdiction = jurisdiction;
        this.clock = clock;
    }

    /** One account per union of the city taking part: the city, its districts and their grassroots unions. */
    void openAccounts(long campaignId, String cityUnionId) {
        jdbc.update("insert into ua_warmth_account (campaign_id, union_id, parent_union_id, union_level) values (?, ?, null, ?)",
                campaignId, cityUnionId, UnionLevel.CITY.name());
        for (Union district : jurisdiction.unionsBelow(cityUnionId)) {
            jdbc.update("insert into ua_warmth_account (campaign_id, union_id, parent_union_id, union_level) values (?, ?, ?, ?)",
                    campaignId, district.getId(), cityUnionId, UnionLevel.DISTRICT.name());
            for (Union union : jurisdiction.unionsBelow(district.getId())) {
                jdbc.update("insert into ua_warmth_account (campaign_id, union_id, parent_union_id, union_level) values (?, ?, ?, ?)",
                        campaignId, union.getId(), district.getId(), UnionLevel.GRASSROOTS.name());
            }
        }
    }

    /** The account's union and those above it, city first: the order in which every decision locks them. */
    List<String> chainDown(long campaignId, String unionId) {
        List<String> chain = new java.util.ArrayList<>();
        for (String u = unionId; u != null; u = parentOf(campaignId, u)) {
            chain.add(0, u);
        }
        return chain;
    }

    private String parentOf(long campaignId, String unionId) {
        List<String> parent = jdbc.queryForList("select parent_union_id from ua_warmth_account where campaign_id = ? and union_id = ?",
                String.class, campaignId, unionId);
        if (parent.isEmpty()) {
            throw new UnionAssistException(WarmthError.NOT_FOUND, jurisdiction.union(unionId).getName() + "未参加本次活动");
        }
        return parent.get(0);
    }

    /** Locks the accounts, in the order given (the city first). */
    void lock(long campaignId, List<String> unionIds) {
        try {
            for (String unionId : unionIds) {
                jdbc.queryForList("select union_id from ua_warmth_account where campaign_id = ? and union_id = ? for update",
                        String.class, campaignId, unionId);
            }
        } catch (PessimisticLockingFailureException busy) {
            throw new UnionAssistException(WarmthError.OVER_ALLOCATION,
                    "同一单位的经费正在另一处同时审批或调整，请稍后重试");
        }
    }

    public Balance balance(long campaignId, String unionId) {
        String level = jdbc.queryForObject("select union_level from ua_warmth_account where campaign_id = ? and union_id = ?",
                String.class, campaignId, unionId);
        Object[] own = {campaignId, unionId};
        Sum allocated = sum("e.union_id = ? and e.kind = 'ALLOCATION'", own);
        Sum onward = sum("a.parent_union_id = ? and e.kind = 'ALLOCATION'", own);
        String below = switch (UnionLevel.valueOf(level)) {
            case GRASSROOTS -> "e.union_id = ?";
            case DISTRICT -> "a.parent_union_id = ?";
            case CITY -> "a.union_level = 'GRASSROOTS'";
        };
        Object[] belowArgs = UnionLevel.valueOf(level) == UnionLevel.CITY ? new Object[] {campaignId} : own;
        Sum committed = sum(below + " and e.kind = 'COMMITMENT'", belowArgs);
        Sum spent = sum(below + " and e.kind = 'SPENDING'", belowArgs);
        return new Balance(unionId, allocated.amount(), allocated.recipients(), onward.amount(), onward.recipients(),
                committed.amount(), committed.recipients(), spent.amount(), spent.recipients());
    }

    /** Every account of the campaign, by union, as the settlement and the ledger API show them. */
    public Map<String, Balance> balances(long campaignId) {
        Map<String, Balance> all = new LinkedHashMap<>();
        for (String unionId : jdbc.queryForList(
                "select union_id from ua_warmth_account where campaign_id = ? order by union_level desc, union_id",
                String.class, campaignId)) {
            all.put(unionId, balance(campaignId, unionId));
        }
        return all;
    }

    private record Sum(BigDecimal amount, int recipients) {
    }

    private Sum sum(String where, Object[] args) {
        return jdbc.queryForObject("select coalesce(sum(e.amount), 0), coalesce(sum(e.recipients), 0) "
                        + "from ua_warmth_ledger_entry e join ua_warmth_account a "
                        + "on a.campaign_id = e.campaign_id and a.union_id = e.union_id where e.campaign_id = ? and " + where,
                (rs, n) -> new Sum(rs.getBigDecimal(1).setScale(2), rs.getInt(2)), args);
    }

    void record(long campaignId, String unionId, Kind kind, BigDecimal amount, int recipients, Long listId,
                String note, String by) {
        jdbc.update("insert into ua_warmth_ledger_entry (campaign_id, union_id, kind, amount, recipients, list_id, note, "
                        + "recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                campaignId, unionId, kind.name(), amount, recipients, listId, note, by,
                Timestamp.from(clock.now().toInstant()));
    }

    /**
     * Sets what a union is allocated (money and recipients), from its parent: never below what the union has already
     * committed and spent, and never so that its parent passes on more than it was allocated. Written as the
     * difference to the allocation before.
     */
    void allocate(long campaignId, String unionId, BigDecimal amount, int recipients, String by) {
        List<String> chain = chainDown(campaignId, unionId);
        lock(campaignId, chain);
        String name = jurisdiction.union(unionId).getName();
        Balance own = balance(campaignId, unionId);
        if (amount.compareTo(own.used()) < 0) {
            throw new UnionAssistException(WarmthError.BELOW_COMMITTED, name + "已占用和支出" + own.used()
                    + "元，分配经费不能少于此数");
        }
        if (recipients < own.recipientsCommitted() + own.recipientsVisited()) {
            throw new UnionAssistException(WarmthError.BELOW_COMMITTED, name + "已批准慰问"
                    + (own.recipientsCommitted() + own.recipientsVisited()) + "人，名额不能少于此数");
        }
        String parentId = chain.size() > 1 ? chain.get(chain.size() - 2) : null;
        if (parentId != null) {
            Balance parent = balance(campaignId, parentId);
            BigDecimal onward = parent.allocatedOnward().subtract(own.allocated()).add(amount);
            if (onward.compareTo(parent.allocated()) > 0) {
                throw new UnionAssistException(WarmthError.OVER_BUDGET, jurisdiction.union(parentId).getName()
                        + "可分配经费" + parent.allocated() + "元，分配合计" + onward + "元，超出"
                        + onward.subtract(parent.allocated()) + "元");
            }
            int onwardRecipients = parent.recipientsOnward() - own.recipientsAllocated() + recipients;
            if (onwardRecipients > parent.recipientsAllocated()) {
                throw new UnionAssistException(WarmthError.OVER_RECIPIENT_QUOTA, jurisdiction.union(parentId).getName()
                        + "慰问名额" + parent.recipientsAllocated() + "人，分配合计" + onwardRecipients + "人");
            }
        }
        BigDecimal change = amount.subtract(own.allocated());
        int recipientChange = recipients - own.recipientsAllocated();
        if (change.signum() != 0 || recipientChange != 0) {
            record(campaignId, unionId, Kind.ALLOCATION, change, recipientChange, null,
                    own.allocated().signum() == 0 && own.recipientsAllocated() == 0 ? "分配" : "调整分配", by);
        }
    }

    /**
     * An approved list takes its total from its union: locked from the city down, it must fit the union's, its
     * district's and the campaign's balance, and the union's recipient quota.
     */
    void commit(long campaignId, String grassrootsUnionId, long listId, BigDecimal total, int recipients, String by) {
        List<String> chain = chainDown(campaignId, grassrootsUnionId);
        lock(campaignId, chain);
        for (int i = chain.size() - 1; i >= 0; i--) {
            String unionId = chain.get(i);
            Balance b = balance(campaignId, unionId);
            String name = jurisdiction.union(unionId).getName();
            if (total.compareTo(b.available()) > 0) {
                throw new UnionAssistException(WarmthError.OVER_ALLOCATION, "名单合计" + total + "元，超出" + name
                        + "可用经费" + b.available() + "元（分配" + b.allocated() + "元，已占用" + b.committed()
                        + "元，已支出" + b.spent() + "元），不能批准");
            }
            int left = b.recipientsAllocated() - b.recipientsCommitted() - b.recipientsVisited();
            if (recipients > left) {
                throw new UnionAssistException(WarmthError.OVER_RECIPIENT_QUOTA, "名单共" + recipients + "人，超出"
                        + name + "剩余慰问名额" + left + "人，不能批准");
            }
        }
        record(campaignId, grassrootsUnionId, Kind.COMMITMENT, total, recipients, listId, "名单批准", by);
    }

    /** Visits done: what was given moves from committed to spent; what was not (never reached) goes back. */
    void settleVisits(long campaignId, String grassrootsUnionId, long listId, BigDecimal committed, int listed,
                      BigDecimal spent, int visited, String by) {
        lock(campaignId, chainDown(campaignId, grassrootsUnionId));
        record(campaignId, grassrootsUnionId, Kind.COMMITMENT, committed.negate(), -listed, listId, "慰问登记完毕，核销占用", by);
        record(campaignId, grassrootsUnionId, Kind.SPENDING, spent, visited, listId, "慰问支出", by);
    }
}
