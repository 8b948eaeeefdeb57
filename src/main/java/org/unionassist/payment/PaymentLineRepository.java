package org.unionassist.payment;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

public interface PaymentLineRepository extends JpaRepository<PaymentLine, Long> {

    List<PaymentLine> findAllByBatchIdOrderByLineNoAsc(Long batchId);

    List<PaymentLine> findAllByDisbursementIdOrderByIdAsc(Long disbursementId);

    /** Disbursements held by an open batch (their open line). */
    @Query("select l.openDisbursementId from PaymentLine l where l.openDisbursementId is not null")
    List<Long> heldByOpenBatches();
}
