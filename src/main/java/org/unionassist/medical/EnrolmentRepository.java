package org.unionassist.medical;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

public interface EnrolmentRepository extends JpaRepository<Enrolment, Long> {

    Optional<Enrolment> findByProcessInstanceId(String processInstanceId);
}
