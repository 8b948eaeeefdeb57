package org.unionassist.payment;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.time.OffsetDateTime;
import java.util.Collection;

import java.util.List;
import java.util.Optional;

public interface DisbursementRepository extends JpaRepository<Disbursement, Long> {

    /** The disbursement of a process that pays one payee once (a medical claim); fails if the process paid several. */
    Optional<Disbursement> findByProcessInstanceId(String processInstanceId);

    List<Disbursement> findAllByProcessInstanceIdOrderByIdAsc(String processInstanceId);

    Optional<Disbursement> findByProcessInstanceIdAndPayeeKeyAndPurpose(String processInstanceId, String payeeKey,
                                                                        String purpose);

    List<Disbursement> findAllByOrderByIdAsc();

    List<Disbursement> findAllByStatusOrderByIdAsc(String status);

    /** Pending disbursements of these processes ordered before the given moment, oldest first. */
    @Query("select d from Disbursement d where d.status = 'PENDING' and d.processDefinitionKey in :processKeys"
            + " and d.createdAt < :before order by d.createdAt, d.id")
    List<Disbursement> pendingOf(Collection<String> processKeys, OffsetDateTime before);

    /** The disbursement, locked until the transaction ends: one re-issue or result at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from Disbursement d where d.id = :id")
    Optional<Disbursement> lockById(Long id);

    /** Disbursements ordered in a period, for the reconciliation. */
    List<Disbursement> findAllByCreatedAtGreaterThanEqualAndCreatedAtLessThanOrderByIdAsc(OffsetDateTime from,
                                                                                          OffsetDateTime to);
}
