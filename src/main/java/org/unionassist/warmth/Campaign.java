package org.unionassist.warmth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A send-warmth campaign's plan as the city drafted and its chair approved it, and when it closed. */
@Entity
@Table(name = "ua_warmth_campaign")
public class Campaign {

    public enum Status { DRAFT, APPROVED, REJECTED, CLOSED }

    /** The plan's fields as the clerk gives them. */
    public record Plan(String holiday, int year, LocalDate periodStart, LocalDate periodEnd, BigDecimal totalBudget,
                       int plannedRecipients, LocalDate listDeadline, LocalDate visitDeadline) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "process_instance_id", nullable = false, unique = true, length = 64)
    private String processInstanceId;

    @Column(name = "city_union_id", nullable = false, length = 32)
    private String cityUnionId;

    @Column(name = "campaign_year", nullable = false)
    private int year;

    @Column(nullable = false, length = 50)
    private String holiday;

    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    private LocalDate periodEnd;

    @Column(name = "total_budget", nullable = false, precision = 14, scale = 2)
    private BigDecimal totalBudget;

    @Column(name = "planned_recipients", nullable = false)
    private int plannedRecipients;

    @Column(name = "list_deadline", nullable = false)
    private LocalDate listDeadline;

    @Column(name = "visit_deadline", nullable = false)
    private LocalDate visitDeadline;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "drafted_by", nullable = false, length = 64)
    private String draftedBy;

    @Column(name = "drafted_on", nullable = false)
    private LocalDate draftedOn;

    @Column(name = "approved_by", length = 64)
    private String approvedBy;

    @Column(name = "approved_at")
    private OffsetDateTime approvedAt;

    @Column(name = "closed_by", length = 64)
    private String closedBy;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    protected Campaign() {
    }

    Campaign(String processInstanceId, String cityUnionId, Plan plan, String draftedBy, LocalDate draftedOn) {
        this.processInstanceId = processInstanceId;
        this.cityUnionId = cityUnionId;
        this.draftedBy = draftedBy;
        this.draftedOn = draftedOn;
        this.status = Status.DRAFT;
        replan(plan);
    }

    void replan(Plan plan) {
        this.holiday = plan.holiday();
        this.year = plan.year();
        this.periodStart = plan.periodStart();
        this.periodEnd = plan.periodEnd();
        this.totalBudget = plan.totalBudget();
        this.plannedRecipients = plan.plannedRecipients();
        this.listDeadline = plan.listDeadline();
        this.visitDeadline = plan.visitDeadline();
    }

    void approved(String by, OffsetDateTime at) {
        this.status = Status.APPROVED;
        this.approvedBy = by;
        this.approvedAt = at;
    }

    void rejected(String by, OffsetDateTime at) {
        this.status = Status.REJECTED;
        this.approvedBy = by;
        this.approvedAt = at;
    }

    void closed(String by, OffsetDateTime at) {
        this.status = Status.CLOSED;
        this.closedBy = by;
        this.closedAt = at;
    }

    /** 活动编号, the campaign process's business key. */
    public String number() {
        return "SNW%d-%04d".formatted(year, id);
    }

    public Plan plan() {
        return new Plan(holiday, year, periodStart, periodEnd, totalBudget, plannedRecipients, listDeadline,
                visitDeadline);
    }

    public Long getId() { return id; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getCityUnionId() { return cityUnionId; }
    public int getYear() { return year; }
    public String getHoliday() { return holiday; }
    public BigDecimal getTotalBudget() { return totalBudget; }
    public int getPlannedRecipients() { return plannedRecipients; }
    public LocalDate getListDeadline() { return listDeadline; }
    public LocalDate getVisitDeadline() { return visitDeadline; }
    public Status getStatus() { return status; }
    public String getDraftedBy() { return draftedBy; }
    public String getApprovedBy() { return approvedBy; }
}
