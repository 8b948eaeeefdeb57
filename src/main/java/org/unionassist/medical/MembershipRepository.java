package org.unionassist.medical;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface MembershipRepository extends JpaRepository<Membership, Long> {

    Optional<Membership> findByEnrolledKey(String enrolledKey);

    Optional<Membership> findByIdNumberAndPlanYearAndStatus(String idNumber, int planYear, Membership.Status status);

    List<Membership> findByIdNumberOrderByPlanYearAsc(String idNumber);
}
