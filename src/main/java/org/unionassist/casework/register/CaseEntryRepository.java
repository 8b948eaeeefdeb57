package org.unionassist.casework.register;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface CaseEntryRepository extends JpaRepository<CaseEntry, String>, JpaSpecificationExecutor<CaseEntry> {
}
