package org.unionassist.education;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface DistrictSittingRepository extends JpaRepository<DistrictSitting, Long> {

    Optional<DistrictSitting> findByProcessInstanceId(String processInstanceId);

    List<DistrictSitting> findByDistrictUnionIdAndStatus(String districtUnionId, DistrictSitting.Status status);
}
