package org.unionassist.medical;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A grassroots union's list of workers enrolled for one plan year, confirmed by the district. */
@Entity
@Table(name = "ua_medical_enrolment")
public class Enrolment {

    public enum Status {
        SUBMITTED("待区总工会确认"), CONFIRMED("已确认生效"), REJECTED("未通过"), WITHDRAWN("已撤回");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "enrolment_number", unique = true, length = 32)
    private String enrolmentNumber;

    @Column(name = "process_instance_id", nullable = false, unique = true, length = 64)
    private String processInstanceId;

    @Column(name = "plan_year", nullable = false)
    private int planYear;

    @Column(name = "grassroots_union_id", nullable = false, length = 32)
    private String grassrootsUnionId;

    @Column(name = "district_union_id", nullable = false, length = 32)
    private String districtUnionId;

    @Column(name = "city_union_id", nullable = false, length = 32)
    private String cityUnionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "member_count", nullable = false)
    private int memberCount;

    @Column(name = "fee_total", nullable = false, precision = 14, scale = 2)
    private BigDecimal feeTotal;

    @Column(name = "submitted_on", nullable = false)
    private LocalDate submittedOn;

    @Column(name = "confirmed_on")
    private LocalDate confirmedOn;

    @OneToMany(mappedBy = "enrolment", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<Membership> memberships = new ArrayList<>();

    protected Enrolment() {
    }

    Enrolment(String processInstanceId, int planYear, String grassrootsUnionId, String districtUnionId,
              String cityUnionId, LocalDate submittedOn) {
        this.processInstanceId = processInstanceId;
        this.planYear = planYear;
        this.grassrootsUnionId = grassrootsUnionId;
        this.districtUnionId = districtUnionId;
        this.cityUnionId = cityUnionId;
        this.submittedOn = submittedOn;
        this.status = Status.SUBMITTED;
        this.feeTotal = BigDecimal.ZERO.setScale(2);
    }

    void assignNumber(String number) {
        this.enrolmentNumber = number;
    }

    /** A corrected list replaces the earlier one; the earlier rows stay, cancelled, as a record of the correction. */
    void replaceRoster(int newPlanYear) {
        memberships.stream().filter(m -> m.getStatus() == Membership.Status.PENDING).forEach(Membership::cancel);
        this.planYear = newPlanYear;
        this.memberCount = 0;
        this.feeTotal = BigDecimal.ZERO.setScale(2);
    }

    void add(Membership membership, BigDecimal fee) {
        memberships.add(membership);
        memberCount++;
        feeTotal = feeTotal.add(fee);
    }

    void confirmed(LocalDate on) {
        this.status = Status.CONFIRMED;
        this.confirmedOn = on;
    }

    void closed(Status outcome) {
        this.status = outcome;
        memberships.forEach(Membership::cancel);
    }

    public Long getId() { return id; }
    public String getEnrolmentNumber() { return enrolmentNumber; }
    public String getProcessInstanceId() { return processInstanceId; }
    public int getPlanYear() { return planYear; }
    public String getGrassrootsUnionId() { return grassrootsUnionId; }
    public String getDistrictUnionId() { return districtUnionId; }
    public String getCityUnionId() { return cityUnionId; }
    public Status getStatus() { return status; }
    public int getMemberCount() { return memberCount; }
    public BigDecimal getFeeTotal() { return feeTotal; }
    public LocalDate getSubmittedOn() { return submittedOn; }
    public LocalDate getConfirmedOn() { return confirmedOn; }
    public List<Membership> getMemberships() { return memberships; }
}
