package org.unionassist.audit;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface ExportRecordRepository extends JpaRepository<ExportRecord, Long> {

    List<ExportRecord> findTop100ByActorIdOrderByIdDesc(String actorId);
}
