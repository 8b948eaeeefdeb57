package org.unionassist.casework.register;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A case in the register: which programme, number, the unions on its path, the applicant (masked), the amount last
 * set, where it stands and how it ended. Written only by {@link CaseRegister}; the programme's own record stays the
 * authoritative copy.
 */
@Entity
@Table(name = "ua_case")
public class CaseEntry {

    public static final String RUNNING = "RUNNING";
    public static final String ENDED = "ENDED";

    @Id
    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;
    @Column(name = "process_definition_key", nullable = false, length = 64)
    private String processDefinitionKey;
    @Column(name = "programme_name", nullable = false, length = 100)
    private String programmeName;
    @Column(name = "case_number", length = 64)
    private String caseNumber;
    @Column(name = "grassroots_union_id", length = 32)
    private String grassrootsUnionId;
    @Column(name = "district_union_id", length = 32)
    private String districtUnionId;
    @Column(name = "city_union_id", length = 32)
    private String cityUnionId;
    @Column(name = "applicant_masked", length = 100)
    private String applicantMasked;
    @Column(name = "applicant_digest", length = 64)
    private String applicantDigest;
    @Column(precision = 14, scale = 2)
    private BigDecimal amount;
    @Column(name = "current_step", length = 200)
    private String currentStep;
    @Column(nullable = false, length = 10)
    private String state;
    @Convert(converter = OutcomeColumn.class)
    @Column(length = 20)
    private CaseOutcome outcome;
    @Column(name = "outcome_label", length = 100)
    private String outcomeLabel;
    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;
    @Column(name = "started_on", nullable = false)
    private LocalDate startedOn;
    @Column(name = "ended_at")
    private OffsetDateTime endedAt;
    @Column(name = "ended_on")
    private LocalDate endedOn;

    protected CaseEntry() {
    }

    CaseEntry(String processInstanceId, String processDefinitionKey, String programmeName, OffsetDateTime startedAt) {
        this.processInstanceId = processInstanceId;
        this.processDefinitionKey = processDefinitionKey;
        this.programmeName = programmeName;
        this.state = RUNNING;
        this.startedAt = startedAt;
        this.startedOn = startedAt.toLocalDate();
    }

    void describe(String programmeName, String caseNumber, String grassroots, String district, String city) {
        if (programmeName != null) {
            this.programmeName = programmeName;
        }
        if (caseNumber != null) {
            this.caseNumber = caseNumber;
        }
        if (grassroots != null || district != null || city != null) {
            this.grassrootsUnionId = grassroots;
            this.districtUnionId = district;
            this.cityUnionId = city;
        }
    }

    void applicant(String masked, String digest) {
        this.applicantMasked = masked;
        this.applicantDigest = digest;
    }

    void amount(BigDecimal amount) {
        if (amount != null) {
            this.amount = amount;
        }
    }

    void waitsAt(String step) {
        this.currentStep = step;
    }

    void ended(CaseOutcome outcome, String outcomeLabel, OffsetDateTime at) {
        this.state = ENDED;
        this.currentStep = null;
        this.outcome = outcome;
        this.outcomeLabel = outcomeLabel;
        this.endedAt = at;
        this.endedOn = at.toLocalDate();
    }

    public String getProcessInstanceId() { return processInstanceId; }
    public String getProcessDefinitionKey() { return processDefinitionKey; }
    public String getProgrammeName() { return programmeName; }
    public String getCaseNumber() { return caseNumber; }
    public String getGrassrootsUnionId() { return grassrootsUnionId; }
    public String getDistrictUnionId() { return districtUnionId; }
    public String getCityUnionId() { return cityUnionId; }
    public String getApplicantMasked() { return applicantMasked; }
    public BigDecimal getAmount() { return amount; }
    public String getCurrentStep() { return currentStep; }
    public String getState() { return state; }
    public boolean isRunning() { return RUNNING.equals(state); }
    public CaseOutcome getOutcome() { return outcome; }
    public String getOutcomeLabel() { return outcomeLabel; }
    public OffsetDateTime getStartedAt() { return startedAt; }
    public LocalDate getStartedOn() { return startedOn; }
    public OffsetDateTime getEndedAt() { return endedAt; }

    @Converter
    static class OutcomeColumn implements AttributeConverter<CaseOutcome, String> {
        @Override
        public String convertToDatabaseColumn(CaseOutcome outcome) {
            return outcome == null ? null : outcome.code();
        }

        @Override
        public CaseOutcome convertToEntityAttribute(String code) {
            return code == null ? null : CaseOutcome.ofCode(code);
        }
    }
}
