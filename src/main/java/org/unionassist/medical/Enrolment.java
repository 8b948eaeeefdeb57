package org.unionassist.medical;

import jakarta.persistence.CascadeType;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import org.unionassist.casework.CaseHeader;
import org.unionassist.casework.CaseRecord;
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
public class Enrolment implements CaseRecord {

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

    @Embedded
    @AttributeOverride(name = "caseNumber", column = @Column(name = "enrolment_number", unique = true, length = 32))
    private CaseHeader header;

    @Column(name = "plan_year", nullable = false)
    private int planYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "member_count", nullable = false)
    private int memberCount;

    @Column(name = "fee_total", nullable = false, precision = 14, scale = 2)
    private BigDecimal feeTotal;

    @Column(name = "confirmed_on")
    private LocalDate confirmedOn;

    @OneToMany(mappedBy = "enrolment", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<Membership> memberships = new ArrayList<>();

    protected Enrolment() {
    }

    Enrolment(String processInstanceId, int planYear, String grassrootsUnionId, String districtUnionId,
              String cityUnionId, LocalDate submittedOn) {
        this.header = new CaseHeader(processInstanceId, grassrootsUnionId, districtUnionId, cityUnionId, submittedOn);
        this.planYear = planYear;
        this.status = Status.SUBMITTED;
        this.feeTotal = BigDecimal.ZERO.setScale(2);
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
    @Override
    public CaseHeader header() { return header; }
    public int getPlanYear() { return planYear; }
    public Status getStatus() { return status; }
    public int getMemberCount() { return memberCount; }
    public BigDecimal getFeeTotal() { return feeTotal; }
    public LocalDate getConfirmedOn() { return confirmedOn; }
    public List<Membership> getMemberships() { return memberships; }
}
