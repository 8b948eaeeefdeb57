package org.unionassist.hardship;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.Optional;

public interface HouseholdRepository extends JpaRepository<Household, Long> {

    Optional<Household> findByHeadIdNumber(String headIdNumber);

    /** The households a person belongs to: opened under them, or listing them as a member with this ID number. */
    @Query("select distinct h.id from Household h left join h.members m"
            + " where h.headIdNumber = :idNumber or m.idNumber = :idNumber")
    List<Long> findIdsOfPerson(@Param("idNumber") String idNumber);
}
