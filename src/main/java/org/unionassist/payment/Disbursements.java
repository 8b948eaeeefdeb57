package org.unionassist.payment;

import org.springframework.stereotype.Service;
import org.unionassist.casework.ShanghaiClock;

import java.util.List;

/** Pays an approved case once: asking again for the same case returns the disbursement already made. */
@Service
public class Disbursements {

    private final DisbursementRepository disbursements;
    private final ShanghaiClock clock;

    public Disbursements(DisbursementRepository disbursements, ShanghaiClock clock) {
        this.disbursements = disbursements;
        this.clock = clock;
    }

    public Disbursement payOnce(PaymentOrder order) {
        if (order.amount().signum() < 0) {
            throw new IllegalArgumentException("A disbursement cannot be negative");
        }
        return disbursements.findByProcessInstanceId(order.processInstanceId())
                .orElseGet(() -> disbursements.saveAndFlush(new Disbursement(order, clock.now())));
    }

    public List<Disbursement> all() {
        return disbursements.findAllByOrderByIdAsc();
    }
}
