package org.unionassist.payment;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.UnionAssistException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Pays each payee once per purpose within a process: ordering the same payee and purpose again returns the
 * disbursement already made. The unique key (process instance, payee key, purpose) in the database is the guarantee;
 * looking first only spares the failed insert.
 */
@Service
public class Disbursements {

    private static final Pattern PURPOSE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

    private final DisbursementRepository disbursements;
    private final ShanghaiClock clock;
    private final TransactionTemplate transaction;

    public Disbursements(DisbursementRepository disbursements, ShanghaiClock clock,
                         PlatformTransactionManager transactionManager) {
        this.disbursements = disbursements;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * Orders one payment, in the caller's transaction if there is one (a service step: engine and payment commit
     * together), else in its own.
     */
    public Disbursement payOnce(PaymentOrder order) {
        check(order);
        try {
            return transaction.execute(s -> orderedBefore(order)
                    .orElseGet(() -> disbursements.saveAndFlush(new Disbursement(order, clock.now()))));
        } catch (DataIntegrityViolationException | PessimisticLockingFailureException raceLost) {
            if (raceLost instanceof DataIntegrityViolationException && !duplicate(raceLost)) {
                // the table refused the row for another reason: that is the cause an operator must see
                throw raceLost;
            }
            // lost to a committed duplicate, or still waiting for an uncommitted one when the lock timed out
            // a failed insert ends the caller's transaction on PostgreSQL: refuse, and its retry finds the winner
            Optional<Disbursement> winner = TransactionSynchronizationManager.isActualTransactionActive()
                    ? Optional.empty() : transaction.execute(s -> orderedBefore(order));
            return winner.orElseThrow(() -> new UnionAssistException(PaymentError.ORDERED_CONCURRENTLY,
                    "同一笔付款（" + order.caseNumber() + "）正在另一处同时生成，请稍后重试"));
        }
    }

    /**
     * Orders many payments, e.g. a campaign list paid from one process. Outside a transaction each order commits on
     * its own, so a list ordered again after a failure pays only those not ordered yet; inside one, all or none.
     */
    public List<Disbursement> payEach(List<PaymentOrder> orders) {
        orders.forEach(Disbursements::check);
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return orders.stream().map(this::payOnce).toList();
        }
        // in the caller's transaction (a service step paying a whole list): what the processes paid before is read
        // once, the new rows are written together and flushed once; the unique key still refuses a second payment
        Map<String, Disbursement> before = new HashMap<>();
        orders.stream().map(PaymentOrder::processInstanceId).distinct()
                .flatMap(pid -> disbursements.findAllByProcessInstanceIdOrderByIdAsc(pid).stream())
                .forEach(d -> before.put(key(d.getProcessInstanceId(), d.getPayeeKey(), d.getPurpose()), d));
        List<Disbursement> paid = new ArrayList<>(orders.size());
        List<Disbursement> created = new ArrayList<>();
        for (PaymentOrder order : orders) {
            Disbursement d = before.computeIfAbsent(key(order.processInstanceId(), order.payeeKey(), order.purpose()),
                    k -> {
                        Disbursement fresh = new Disbursement(order, clock.now());
                        created.add(fresh);
                        return fresh;
                    });
            paid.add(d);
        }
        try {
            disbursements.saveAll(created);
            disbursements.flush();
        } catch (DataIntegrityViolationException | PessimisticLockingFailureException raceLost) {
            if (raceLost instanceof DataIntegrityViolationException && !duplicate(raceLost)) {
                throw raceLost;
            }
            throw new UnionAssistException(PaymentError.ORDERED_CONCURRENTLY,
                    "同一批付款（" + orders.get(0).caseNumber() + "）正在另一处同时生成，请稍后重试");
        }
        return paid;
    }

    private static String key(String processInstanceId, String payeeKey, String purpose) {
        return processInstanceId + "\u0000" + payeeKey + "\u0000" + purpose;
    }

    public List<Disbursement> all() {
        return disbursements.findAllByOrderByIdAsc();
    }

    /** A unique key refused the row (SQL state 23505 on H2 and PostgreSQL): the same payment was ordered first. */
    private static boolean duplicate(Throwable refusal) {
        for (Throwable t = refusal; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DuplicateKeyException || t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private Optional<Disbursement> orderedBefore(PaymentOrder order) {
        return disbursements.findByProcessInstanceIdAndPayeeKeyAndPurpose(order.processInstanceId(),
                order.payeeKey(), order.purpose());
    }

    private static void check(PaymentOrder order) {
        if (order.amount().signum() < 0) {
            throw new IllegalArgumentException("A disbursement cannot be negative");
        }
        if (order.payeeKey() == null || order.payeeKey().isBlank() || order.payeeKey().length() > 64) {
            throw new IllegalArgumentException("A disbursement needs a payee key of at most 64 characters");
        }
        if (order.payeeIdNumber() != null && order.payeeKey().contains(order.payeeIdNumber())) {
            throw new IllegalArgumentException("A payee key names the programme's row, never the ID number");
        }
        if (order.purpose() == null || !PURPOSE.matcher(order.purpose()).matches()) {
            throw new IllegalArgumentException("A disbursement's purpose is a code such as MEDICAL_CLAIM");
        }
    }
}
