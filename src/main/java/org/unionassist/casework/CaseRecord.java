package org.unionassist.casework;

import java.time.LocalDate;

/** A programme's case record: its own figures around the shared {@link CaseHeader}, whose getters it offers. */
public interface CaseRecord {

    CaseHeader header();

    default String getCaseNumber() { return header().getCaseNumber(); }
    default String getProcessInstanceId() { return header().getProcessInstanceId(); }
    default String getGrassrootsUnionId() { return header().getGrassrootsUnionId(); }
    default String getDistrictUnionId() { return header().getDistrictUnionId(); }
    default String getCityUnionId() { return header().getCityUnionId(); }
    default LocalDate getSubmittedOn() { return header().getSubmittedOn(); }
}
