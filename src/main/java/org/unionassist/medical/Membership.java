package org.unionassist.medical;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A worker's membership of the mutual-aid scheme for one plan year. While pending or active, {@code enrolledKey}
 * ("id number:plan year") sits under a unique constraint, so the database itself refuses a second enrolment of the
 * same worker for the same year. The running totals of approved payouts are what the annual cap is checked against;
 * settling a claim locks this row, so two approvals at the same moment are counted one after the other.
 */
@Entity
@Table(name = "ua_medical_membership")
public class Membership {

    public enum Status { PENDING, ACTIVE, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "enrolment_id")
    private Enrolment enrolment;

    @Column(name = "plan_year", nullable = false)
    private int planYear;

    @Column(name = "worker_name", nullable = false, length = 50)
    private String workerName;

    @Column(name = "id_number", nullable = false, length = 18)
    private String idNumber;

    @Column(name = "grassroots_union_id", nullable = false, length = 32)
    private String grassrootsUnionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "enrolled_key", unique = true, length = 32)
    private String enrolledKey;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal fee;

    @Column(name = "start_date")
    private LocalDate startDate;

    @Column(name = "coverage_since")
    private LocalDate coverageSince;

    @Column(name = "covered_from")
    private LocalDate coveredFrom;

    @Column(name = "approved_total", nullable = false, precision = 14, scale = 2)
    private BigDecimal approvedTotal = BigDecimal.ZERO.setScale(2);

    @Version
    private long version;

    protected Membership() {
    }

    Membership(Enrolment enrolment, String workerName, String idNumber, BigDecimal fee) {
        this.enrolment = enrolment;
        this.planYear = enrolment.getPlanYear();
        this.workerName = workerName;
        this.idNumber = idNumber;
        this.grassrootsUnionId = enrolment.getGrassrootsUnionId();
        this.fee = fee;
        this.status = Status.PENDING;
        this.enrolledKey = keyOf(idNumber, planYear);
    }

    static String keyOf(String idNumber, int planYear) {
        return idNumber + ":" + planYear;
    }

    /**
     * Starts cover on {@code startDate}. A renewal without a gap keeps the earlier run's start date, and with it the
     * waiting period that run has already served.
     */
    void activate(LocalDate startDate, Membership previousYear, int waitingPeriodDays) {
        this.status = Status.ACTIVE;
        this.startDate = startDate;
        if (previousYear != null) {
            this.coverageSince = previousYear.coverageSince;
            this.coveredFrom = previousYear.coveredFrom;
        } else {
            this.coverageSince = startDate;
            this.coveredFrom = startDate.plusDays(waitingPeriodDays);
        }
    }

    void cancel() {
        this.status = Status.CANCELLED;
        this.enrolledKey = null;
    }

    /** Whether an admission on this day is covered: active, started, and outside the waiting period. */
    boolean covers(LocalDate admission) {
        return status == Status.ACTIVE && !startsAfter(admission) && !waitingOn(admission);
    }

    boolean startsAfter(LocalDate admission) {
        return admission.isBefore(startDate);
    }

    /** Whether an admission on this day falls in the waiting period (免责期). */
    boolean waitingOn(LocalDate admission) {
        return admission.isBefore(coveredFrom);
    }

    void addApproved(BigDecimal payout) {
        approvedTotal = approvedTotal.add(payout);
    }

    public Long getId() { return id; }
    public Enrolment getEnrolment() { return enrolment; }
    public int getPlanYear() { return planYear; }
    public String getWorkerName() { return workerName; }
    public String getIdNumber() { return idNumber; }
    public String getGrassrootsUnionId() { return grassrootsUnionId; }
    public Status getStatus() { return status; }
    public BigDecimal getFee() { return fee; }
    public LocalDate getStartDate() { return startDate; }
    public LocalDate getCoverageSince() { return coverageSince; }
    public LocalDate getCoveredFrom() { return coveredFrom; }

    /** The last day of the waiting period (免责期至), as the forms show it; none before the membership starts. */
    public LocalDate getWaitingPeriodLastDay() {
        return coveredFrom == null ? null : coveredFrom.minusDays(1);
    }
    public BigDecimal getApprovedTotal() { return approvedTotal; }
}
