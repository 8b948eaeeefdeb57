package org.unionassist.payment;

import org.springframework.stereotype.Service;
import org.unionassist.casework.ShanghaiClock;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Pays each payee once per purpose within a process: ordering the same payee and purpose again returns the
 * disbursement already made.
 */
@Service
public class Disbursements {

    private static final Pattern PURPOSE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

    private final DisbursementRepository disbursements;
    private final ShanghaiClock clock;

    public Disbursements(DisbursementRepository disbursements, ShanghaiClock clock) {
        this.disbursements = disbursements;
        this.clock = clock;
    }

    public Disbursement payOnce(PaymentOrder order) {
        check(order);
        return orderedBefore(order)
                .orElseGet(() -> disbursements.saveAndFlush(new Disbursement(order, clock.now())));
    }

    public List<Disbursement> all() {
        return disbursements.findAllByOrderByIdAsc();
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
