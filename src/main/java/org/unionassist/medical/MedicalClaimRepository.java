package org.unionassist.medical;

import org.unionassist.casework.CaseRecordRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface MedicalClaimRepository extends CaseRecordRepository<MedicalClaim> {

    Optional<MedicalClaim> findByCriticalKey(String criticalKey);

    /**
     * What this membership has been paid for claims of one type (for the type's yearly limit, whichever types the
     * benefit table gives one): approved claims' payouts, read under the membership's lock at settlement.
     */
    @Query("""
            select coalesce(sum(c.approvedPayout), 0) from MedicalClaim c
            where c.membership = :membership and c.claimType = :type and c.status = :approved""")
    BigDecimal approvedOfType(@Param("membership") Membership membership, @Param("type") ClaimType type,
                              @Param("approved") MedicalClaim.Status approved);

    /**
     * The member's other claims of this type whose stay shares at least one day with {@code admission}–{@code discharge}
     * (both inclusive), leaving out the claim of {@code processInstanceId} itself and claims in {@code ignored} states.
     */
    @Query("""
            select c from MedicalClaim c
            where c.idNumber = :idNumber and c.claimType = :type and c.status not in :ignored
              and c.admissionDate <= :discharge and c.dischargeDate >= :admission
              and c.header.processInstanceId <> :processInstanceId
            order by c.admissionDate, c.id""")
    List<MedicalClaim> findOverlappingStays(@Param("idNumber") String idNumber, @Param("type") ClaimType type,
                                            @Param("admission") LocalDate admission,
                                            @Param("discharge") LocalDate discharge,
                                            @Param("ignored") Collection<MedicalClaim.Status> ignored,
                                            @Param("processInstanceId") String processInstanceId);
}
