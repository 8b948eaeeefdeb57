package org.unionassist.medical;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

public interface MedicalClaimRepository extends JpaRepository<MedicalClaim, Long> {

    Optional<MedicalClaim> findByProcessInstanceId(String processInstanceId);

    Optional<MedicalClaim> findByCriticalKey(String criticalKey);
}
