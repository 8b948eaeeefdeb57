package org.unionassist.hardship;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.unionassist.casework.CaseRecordRepository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface HardshipCaseRepository extends CaseRecordRepository<HardshipCase> {

    Optional<HardshipCase> findByActiveHouseholdId(Long householdId);

    /** The households' cases that ended with {@code status} on or after {@code from}, latest first. */
    @Query("select c from HardshipCase c where c.household.id in :households and c.status = :status"
            + " and c.closedOn >= :from order by c.closedOn desc, c.id desc")
    List<HardshipCase> findClosedSince(@Param("households") Collection<Long> households,
                                       @Param("status") CaseStatus status, @Param("from") LocalDate from);
}
