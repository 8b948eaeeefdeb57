package org.unionassist.education;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

public interface QuotaPlanRepository extends JpaRepository<QuotaPlan, Long> {

    Optional<QuotaPlan> findByProcessInstanceId(String processInstanceId);
}
