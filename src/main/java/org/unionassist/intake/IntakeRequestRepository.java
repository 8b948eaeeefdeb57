package org.unionassist.intake;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

public interface IntakeRequestRepository extends JpaRepository<IntakeRequest, Long> {

    Optional<IntakeRequest> findByChannelIdAndIdempotencyKey(String channelId, String idempotencyKey);

    Optional<IntakeRequest> findByChannelIdAndCaseNumber(String channelId, String caseNumber);
}
