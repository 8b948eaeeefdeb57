package org.unionassist.casework;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.NoRepositoryBean;

import java.util.Optional;

/** What every programme's case table answers: its record by process instance, through the shared header. */
@NoRepositoryBean
public interface CaseRecordRepository<R extends CaseRecord> extends JpaRepository<R, Long> {

    Optional<R> findByHeaderProcessInstanceId(String processInstanceId);

    default Optional<R> findByProcessInstanceId(String processInstanceId) {
        return findByHeaderProcessInstanceId(processInstanceId);
    }
}
