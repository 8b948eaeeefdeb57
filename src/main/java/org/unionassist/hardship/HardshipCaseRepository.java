package org.unionassist.hardship;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

public interface HardshipCaseRepository extends JpaRepository<HardshipCase, Long> {

    Optional<HardshipCase> findByProcessInstanceId(String processInstanceId);

    Optional<HardshipCase> findByActiveHouseholdId(Long householdId);
}
