package org.unionassist.warmth;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface RecipientListRepository extends JpaRepository<RecipientList, Long> {

    Optional<RecipientList> findByProcessInstanceId(String processInstanceId);

    List<RecipientList> findByCampaignIdOrderById(Long campaignId);
}
