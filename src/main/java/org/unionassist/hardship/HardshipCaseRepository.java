package org.unionassist.hardship;

import org.unionassist.casework.CaseRecordRepository;

import java.util.Optional;

public interface HardshipCaseRepository extends CaseRecordRepository<HardshipCase> {

    Optional<HardshipCase> findByActiveHouseholdId(Long householdId);
}
