package org.unionassist.casework;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What every programme's case record starts with: its number, its process instance, the three unions on its path and
 * the day it was submitted. Embedded in each programme's own table (the column names are the same everywhere except
 * where an older table named the number or the day differently, mapped with {@code @AttributeOverride}).
 * <p>
 * The unions are set once, from the submitting caseworker's own group, and never change; the number is assigned once
 * the case is registered. {@link org.unionassist.casework.signoff.CaseRecordPolicy} refuses a sign-off whose
 * variables disagree with this header.
 */
@Embeddable
public class CaseHeader {

    @Column(name = "case_number", unique = true, length = 32)
    private String caseNumber;

    @Column(name = "process_instance_id", nullable = false, unique = true, length = 64)
    private String processInstanceId;

    @Column(name = "grassroots_union_id", nullable = false, length = 32)
    private String grassrootsUnionId;

    @Column(name = "district_union_id", nullable = false, length = 32)
    private String districtUnionId;

    @Column(name = "city_union_id", nullable = false, length = 32)
    private String cityUnionId;

    @Column(name = "submitted_on", nullable = false)
    private LocalDate submittedOn;

    protected CaseHeader() {
    }

    public CaseHeader(String processInstanceId, String grassrootsUnionId, String districtUnionId, String cityUnionId,
                      LocalDate submittedOn) {
        this.processInstanceId = Objects.requireNonNull(processInstanceId);
        this.grassrootsUnionId = Objects.requireNonNull(grassrootsUnionId);
        this.districtUnionId = Objects.requireNonNull(districtUnionId);
        this.cityUnionId = Objects.requireNonNull(cityUnionId);
        this.submittedOn = Objects.requireNonNull(submittedOn);
    }

    /** Numbers the case once; a case keeps its number for ever. */
    public void assignNumber(String number) {
        if (caseNumber != null && !caseNumber.equals(number)) {
            throw new IllegalStateException("Case " + caseNumber + " already has a number");
        }
        this.caseNumber = number;
    }

    public String getCaseNumber() { return caseNumber; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getGrassrootsUnionId() { return grassrootsUnionId; }
    public String getDistrictUnionId() { return districtUnionId; }
    public String getCityUnionId() { return cityUnionId; }
    public LocalDate getSubmittedOn() { return submittedOn; }
}
