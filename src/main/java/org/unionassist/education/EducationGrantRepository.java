package org.unionassist.education;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.unionassist.casework.CaseRecordRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface EducationGrantRepository extends CaseRecordRepository<EducationGrant> {

    Optional<EducationGrant> findByStudentYearKey(String studentYearKey);

    List<EducationGrant> findByHeaderDistrictUnionIdAndStatusAndSittingIdIsNullOrderById(String districtUnionId,
                                                                                       EducationGrant.Status status);

    List<EducationGrant> findBySittingIdOrderById(Long sittingId);

    /**
     * Puts every application of the district that waits for a collective decision and is on no other agenda on this
     * sitting's agenda, row by row under the database's locks, so two sittings convened at once never share one.
     */
    @Modifying(flushAutomatically = true)
    @Query("update EducationGrant g set g.sittingId = ?1 where g.header.districtUnionId = ?2"
            + " and g.status = org.unionassist.education.EducationGrant.Status.AWAITING_DISTRICT and g.sittingId is null")
    int putOnAgenda(Long sittingId, String districtUnionId);

    /** Takes the applications still waiting off the agenda of a sitting that ended without deciding them. */
    @Modifying(flushAutomatically = true)
    @Query("update EducationGrant g set g.sittingId = null where g.sittingId = ?1"
            + " and g.status = org.unionassist.education.EducationGrant.Status.AWAITING_DISTRICT")
    int releaseAgenda(Long sittingId);

    List<EducationGrant> findByHeaderDistrictUnionIdAndGrantYearAndStatusInOrderByHeaderCaseNumber(
            String districtUnionId, int grantYear, Collection<EducationGrant.Status> statuses);

    @Query("select g.header.districtUnionId, g.level, count(g), sum(g.amount) from EducationGrant g"
            + " where g.grantYear = ?1 and g.status = org.unionassist.education.EducationGrant.Status.GRANTED"
            + " group by g.header.districtUnionId, g.level order by g.header.districtUnionId, g.level")
    List<Object[]> grantedByDistrictAndLevel(int grantYear);
}
