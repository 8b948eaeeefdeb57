package org.unionassist.payment;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

public interface PaymentBatchRepository extends JpaRepository<PaymentBatch, Long> {

    Optional<PaymentBatch> findByProcessInstanceId(String processInstanceId);

    /** The batch, locked until the transaction ends: one import or decision on it at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select b from PaymentBatch b where b.id = :id")
    Optional<PaymentBatch> lockById(Long id);

    List<PaymentBatch> findAllByOrderByIdDesc();
}
