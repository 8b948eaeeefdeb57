package org.unionassist.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.register.CaseEntry;
import org.unionassist.casework.register.CaseOutcome;
import org.unionassist.casework.register.CaseRegister;
import org.unionassist.organisation.Jurisdiction;
import org.unionassist.organisation.Union;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The auditors' search over the case register: every filter is a predicate of one query, restricted to the caller's
 * jurisdiction, paged and counted by the database (never filtered after paging).
 */
@Service
@Transactional(readOnly = true)
public class CaseSearch {

    public static final int MAX_PAGE_SIZE = 100;
    /** Newest first; the id breaks ties, so that pages never overlap. */
    private static final Sort ORDER = Sort.by(Sort.Order.desc("startedAt"), Sort.Order.desc("processInstanceId"));

    private final EntityManager entityManager;
    private final Jurisdiction jurisdiction;

    public CaseSearch(EntityManager entityManager, Jurisdiction jurisdiction) {
        this.entityManager = entityManager;
        this.jurisdiction = jurisdiction;
    }

    /** What an auditor filters by; every field may be left empty. */
    public record Criteria(String process, String union, String state, String outcome, LocalDate from, LocalDate to,
                           String caseNumber, String applicant, BigDecimal minAmount, BigDecimal maxAmount) {

        void validate(AuditorScope.Scope scope) {
            if (from != null && to != null && from.isAfter(to)) {
                throw refused("起始日期不能晚于截止日期");
            }
            if (minAmount != null && minAmount.signum() < 0 || maxAmount != null && maxAmount.signum() < 0) {
                throw refused("金额不能为负数");
            }
            if (minAmount != null && maxAmount != null && minAmount.compareTo(maxAmount) > 0) {
                throw refused("最低金额不能高于最高金额");
            }
            if (state != null && !state.equals(CaseEntry.RUNNING) && !state.equals(CaseEntry.ENDED)) {
                throw refused("办理状态只能是「办理中」或「已办结」");
            }
            if (outcome != null) {
                try {
                    CaseOutcome.ofCode(outcome);
                } catch (IllegalArgumentException e) {
                    throw refused("未知的办理结果：" + outcome);
                }
            }
            if (union != null && !scope.coversUnion(union)) {
                throw new UnionAssistException(CaseworkError.NOT_AUTHORIZED, "您无权查看该单位的案件");
            }
        }
    }

    public record Result(Page<CaseEntry> page, Map<String, Long> byState, Map<String, Long> byOutcome) {
    }

    public Result search(Criteria criteria, AuditorScope.Scope scope, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw refused("每页条数须在 1 到 " + MAX_PAGE_SIZE + " 之间，页码从 0 开始");
        }
        criteria.validate(scope);
        Map<String, Long> byState = new LinkedHashMap<>();
        Map<String, Long> byOutcome = new LinkedHashMap<>();
        for (Tuple t : counts(criteria, scope)) {
            String state = t.get(0, String.class);
            CaseOutcome outcome = t.get(1, CaseOutcome.class);
            long n = t.get(2, Long.class);
            byState.merge(state, n, Long::sum);
            if (outcome != null) {
                byOutcome.merge(outcome.code(), n, Long::sum);
            }
        }
        // the total is the sum of the counts by state: the page needs no count query of its own
        long total = byState.values().stream().mapToLong(Long::longValue).sum();
        List<CaseEntry> rows = total <= (long) page * size ? List.of() : rows(criteria, scope, page * size, size);
        return new Result(new PageImpl<>(rows, PageRequest.of(page, size, ORDER), total), byState, byOutcome);
    }

    /** Every matching case, in the search's order, for the export (capped by the caller). */
    public List<CaseEntry> all(Criteria criteria, AuditorScope.Scope scope, int limit) {
        criteria.validate(scope);
        return rows(criteria, scope, 0, limit);
    }

    private List<CaseEntry> rows(Criteria criteria, AuditorScope.Scope scope, int first, int max) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<CaseEntry> q = cb.createQuery(CaseEntry.class);
        Root<CaseEntry> root = q.from(CaseEntry.class);
        q.select(root).where(where(criteria, scope, root, cb))
                .orderBy(cb.desc(root.get("startedAt")), cb.desc(root.get("processInstanceId")));
        return entityManager.createQuery(q).setFirstResult(first).setMaxResults(max).getResultList();
    }

    private List<Tuple> counts(Criteria criteria, AuditorScope.Scope scope) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Tuple> q = cb.createTupleQuery();
        Root<CaseEntry> root = q.from(CaseEntry.class);
        q.multiselect(root.get("state"), root.get("outcome"), cb.count(root))
                .where(where(criteria, scope, root, cb))
                .groupBy(root.get("state"), root.get("outcome"));
        return entityManager.createQuery(q).getResultList();
    }

    private Predicate where(Criteria c, AuditorScope.Scope scope, Root<CaseEntry> root, CriteriaBuilder cb) {
        List<Predicate> all = new ArrayList<>();
        all.add(scope.restrict(root, cb));
        if (c.process() != null) {
            all.add(cb.equal(root.get("processDefinitionKey"), c.process()));
        }
        if (c.union() != null) {
            Union union = jurisdiction.union(c.union());
            all.add(cb.equal(root.get(AuditorScope.Scope.column(union.getLevel())), union.getId()));
        }
        if (c.state() != null) {
            all.add(cb.equal(root.get("state"), c.state()));
        }
        if (c.outcome() != null) {
            all.add(cb.equal(root.get("outcome"), CaseOutcome.ofCode(c.outcome())));
        }
        if (c.from() != null) {
            all.add(cb.greaterThanOrEqualTo(root.get("startedOn"), c.from()));
        }
        if (c.to() != null) {
            all.add(cb.lessThanOrEqualTo(root.get("startedOn"), c.to()));
        }
        if (c.caseNumber() != null) {
            String prefix = c.caseNumber().strip().toUpperCase();
            all.add(cb.like(root.get("caseNumber"), escapeLike(prefix) + "%", '\\'));
            String below = numbersBelow(prefix);
            if (below != null) {
                // the same condition as a range, which the index on the number serves under any collation
                all.add(cb.greaterThanOrEqualTo(root.get("caseNumber"), prefix));
                all.add(cb.lessThan(root.get("caseNumber"), below));
            }
        }
        if (c.applicant() != null) {
            all.add(cb.equal(root.get("applicantDigest"), CaseRegister.digestName(c.applicant())));
        }
        if (c.minAmount() != null) {
            all.add(cb.greaterThanOrEqualTo(root.get("amount"), c.minAmount()));
        }
        if (c.maxAmount() != null) {
            all.add(cb.lessThanOrEqualTo(root.get("amount"), c.maxAmount()));
        }
        return cb.and(all.toArray(Predicate[]::new));
    }

    private static final String NUMBER_CHARACTERS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /**
     * The least string above every case number that starts with {@code prefix}, or null when there is none or the
     * prefix has characters no case number has. Case numbers are capital letters and digits (KN2026000123), whose
     * order is the same in every collation (digits before letters), so {@code prefix <= number < this} holds exactly
     * for the numbers with the prefix.
     */
    static String numbersBelow(String prefix) {
        if (prefix.isEmpty() || !prefix.chars().allMatch(ch -> NUMBER_CHARACTERS.indexOf(ch) >= 0)) {
            return null;
        }
        StringBuilder bound = new StringBuilder(prefix);
        while (!bound.isEmpty()) {
            int last = NUMBER_CHARACTERS.indexOf(bound.charAt(bound.length() - 1));
            if (last + 1 < NUMBER_CHARACTERS.length()) {
                bound.setCharAt(bound.length() - 1, NUMBER_CHARACTERS.charAt(last + 1));
                return bound.toString();
            }
            bound.setLength(bound.length() - 1);
        }
        return null;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static UnionAssistException refused(String message) {
        return new UnionAssistException(CaseworkError.INVALID_INPUT, message);
    }
}
