package org.unionassist.warmth;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

public interface CampaignRepository extends JpaRepository<Campaign, Long> {

    Optional<Campaign> findByProcessInstanceId(String processInstanceId);
}
