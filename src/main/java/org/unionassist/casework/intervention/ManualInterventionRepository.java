package org.unionassist.casework.intervention;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface ManualInterventionRepository extends JpaRepository<ManualIntervention, Long> {

    List<ManualIntervention> findByProcessInstanceIdOrderByOccurredAtAscIdAsc(String processInstanceId);
}
