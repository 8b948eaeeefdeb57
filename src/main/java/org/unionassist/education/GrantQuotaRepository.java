package org.unionassist.education;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

public interface GrantQuotaRepository extends JpaRepository<GrantQuota, GrantQuota.Key> {

    List<GrantQuota> findByKeyGrantYearOrderByKeyDistrictUnionId(int grantYear);

    /** Places and granted as the database holds them now (not a copy loaded earlier in the transaction). */
    @Query("select q.places, q.granted from GrantQuota q where q.key.grantYear = ?1 and q.key.districtUnionId = ?2")
    List<Object[]> placesAndGranted(int grantYear, String districtUnionId);

    /** Takes one place if one is left: 1 when taken, 0 when the quota is used up (the row is locked meanwhile). */
    @Modifying(flushAutomatically = true)
    @Query("update GrantQuota q set q.granted = q.granted + 1"
            + " where q.key.grantYear = ?1 and q.key.districtUnionId = ?2 and q.granted < q.places")
    int takePlace(int grantYear, String districtUnionId);
}
