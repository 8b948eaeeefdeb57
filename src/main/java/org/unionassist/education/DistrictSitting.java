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

/**
 * One 集体研究 of a district: the applications it took up (each application names its sitting while the sitting is
 * open, so an application is never on two agendas), when it met, who attended, and who recorded its decisions.
 */
@Entity
@Table(name = "ua_education_sitting")
public class DistrictSitting {

    /** CLOSED: its process ended without a decision (an operator deleted it); its agenda was released. */
    public enum Status { OPEN, DECIDED, CLOSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "process_instance_id", nullable = false, unique = true, length = 64)
    private String processInstanceId;

    @Column(name = "district_union_id", nullable = false, length = 32)
    private String districtUnionId;

    @Column(name = "convened_by", nullable = false, length = 64)
    private String convenedBy;

    @Column(name = "convened_on", nullable = false)
    private LocalDate convenedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "meeting_date")
    private LocalDate meetingDate;

    @Column(length = 500)
    private String attendees;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    protected DistrictSitting() {
    }

    DistrictSitting(String processInstanceId, String districtUnionId, String convenedBy, LocalDate convenedOn) {
        this.processInstanceId = processInstanceId;
        this.districtUnionId = districtUnionId;
        this.convenedBy = convenedBy;
        this.convenedOn = convenedOn;
        this.status = Status.OPEN;
    }

    void decided(LocalDate meetingDate, String attendees, String decidedBy, OffsetDateTime at) {
        this.meetingDate = meetingDate;
        this.attendees = attendees;
        this.decidedBy = decidedBy;
        this.decidedAt = at;
        this.status = Status.DECIDED;
    }

    /** 集体研究编号, the sitting process's business key. */
    public String number() {
        return "JXYJ%d%05d".formatted(convenedOn.getYear(), id);
    }

    void closedWithoutDecision() {
        this.status = Status.CLOSED;
    }

    public Long getId() { return id; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getDistrictUnionId() { return districtUnionId; }
    public String getConvenedBy() { return convenedBy; }
    public LocalDate getConvenedOn() { return convenedOn; }
    public Status getStatus() { return status; }
    public LocalDate getMeetingDate() { return meetingDate; }
    public String getAttendees() { return attendees; }
    public String getDecidedBy() { return decidedBy; }
    public OffsetDateTime getDecidedAt() { return decidedAt; }
}
