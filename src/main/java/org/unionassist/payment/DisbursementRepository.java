package org.unionassist.payment;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface DisbursementRepository extends JpaRepository<Disbursement, Long> {

    Optional<Disbursement> findByProcessInstanceId(String processInstanceId);

    List<Disbursement> findAllByOrderByIdAsc();
}
