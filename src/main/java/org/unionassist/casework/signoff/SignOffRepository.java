package org.unionassist.casework.signoff;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface SignOffRepository extends JpaRepository<SignOff, Long> {

    List<SignOff> findByProcessInstanceIdOrderByDecidedAtAscIdAsc(String processInstanceId);

    long countByProcessInstanceIdAndStepIdAndRoundAndDecision(String processInstanceId, String stepId, Integer round,
                                                              Decision decision);

    /** The last sign-off of a case that set an amount, if any. */
    java.util.Optional<SignOff> findFirstByProcessInstanceIdAndAmountIsNotNullOrderByIdDesc(String processInstanceId);

    long countByProcessInstanceIdAndStepIdAndRound(String processInstanceId, String stepId, Integer round);
}
