package org.unionassist.education;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A year's quotas as the city sets them in Tasklist: who drafted them, and who approved them when. */
@Entity
@Table(name = "ua_education_quota_plan")
public class QuotaPlan {

    public enum Status { DRAFT, SET, NOT_SET }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "process_instance_id", nullable = false, unique = true, length = 64)
    private String processInstanceId;

    @Column(name = "city_union_id", nullable = false, length = 32)
    private String cityUnionId;

    @Column(name = "grant_year", nullable = false)
    private int grantYear;

    @Column(name = "drafted_by", nullable = false, length = 64)
    private String draftedBy;

    @Column(name = "drafted_on", nullable = false)
    private LocalDate draftedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    protected QuotaPlan() {
    }

    QuotaPlan(String processInstanceId, String cityUnionId, int grantYear, String draftedBy, LocalDate draftedOn) {
        this.processInstanceId = processInstanceId;
        this.cityUnionId = cityUnionId;
        this.grantYear = grantYear;
        this.draftedBy = draftedBy;
        this.draftedOn = draftedOn;
        this.status = Status.DRAFT;
    }

    void decided(Status outcome, String by, OffsetDateTime at) {
        this.status = outcome;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    /** 名额下达编号, the process's business key. */
    public String number() {
        return "JXME%d-%04d".formatted(grantYear, id);
    }

    public Long getId() { return id; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getCityUnionId() { return cityUnionId; }
    public int getGrantYear() { return grantYear; }
    public String getDraftedBy() { return draftedBy; }
    public Status getStatus() { return status; }
    public String getDecidedBy() { return decidedBy; }
}
