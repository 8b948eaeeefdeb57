package org.unionassist.payment;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface DisbursementRepository extends JpaRepository<Disbursement, Long> {

    /** The disbursement of a process that pays one payee once (a medical claim); fails if the process paid several. */
    Optional<Disbursement> findByProcessInstanceId(String processInstanceId);

    List<Disbursement> findAllByProcessInstanceIdOrderByIdAsc(String processInstanceId);

    Optional<Disbursement> findByProcessInstanceIdAndPayeeKeyAndPurpose(String processInstanceId, String payeeKey,
                                                                        String purpose);

    List<Disbursement> findAllByOrderByIdAsc();
}
