package org.unionassist.hardship;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface HouseholdFileRepository extends JpaRepository<HouseholdFile, Long> {

    Optional<HouseholdFile> findByOpenHouseholdId(Long householdId);

    List<HouseholdFile> findByHouseholdIdOrderByIdAsc(Long householdId);

    Optional<HouseholdFile> findByFileNumber(String fileNumber);

    List<HouseholdFile> findByHouseholdIdInOrderByIdDesc(Collection<Long> householdIds);
}
