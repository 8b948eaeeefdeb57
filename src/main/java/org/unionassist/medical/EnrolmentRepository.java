package org.unionassist.medical;

import org.unionassist.casework.CaseRecordRepository;

public interface EnrolmentRepository extends CaseRecordRepository<Enrolment> {
}
