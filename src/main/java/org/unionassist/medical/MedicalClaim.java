package org.unionassist.medical;

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
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A medical mutual-aid claim: what was filed, the payout proposed from the rules (and how), who gives the final
 * approval, and what was approved. While a critical-illness claim is open or approved, {@code criticalKey}
 * ("id number:plan year") is under a unique constraint: once per plan year, enforced by the database too.
 */
@Entity
@Table(name = "ua_medical_claim")
public class MedicalClaim implements CaseRecord {

    public enum Status {
        IN_REVIEW("审核中"), APPROVED("已核准"), REJECTED("不予赔付"), WITHDRAWN("已撤回");

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
    @AttributeOverride(name = "caseNumber", column = @Column(name = "claim_number", unique = true, length = 32))
    @AttributeOverride(name = "submittedOn", column = @Column(name = "filed_on", nullable = false))
    private CaseHeader header;

    @ManyToOne(optional = false)
    @JoinColumn(name = "membership_id")
    private Membership membership;

    @Column(name = "plan_year", nullable = false)
    private int planYear;

    @Column(name = "member_name", nullable = false, length = 50)
    private String memberName;

    @Column(name = "id_number", nullable = false, length = 18)
    private String idNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "claim_type", nullable = false, length = 20)
    private ClaimType claimType;

    @Column(name = "admission_date", nullable = false)
    private LocalDate admissionDate;

    @Column(name = "discharge_date", nullable = false)
    private LocalDate dischargeDate;

    @Column(name = "total_cost", nullable = false, precision = 14, scale = 2)
    private BigDecimal totalCost;

    @Column(name = "insurance_paid", nullable = false, precision = 14, scale = 2)
    private BigDecimal insurancePaid;

    @Column(name = "self_paid", nullable = false, precision = 14, scale = 2)
    private BigDecimal selfPaid;

    @Column(nullable = false, length = 200)
    private String diagnosis;

    @Column(name = "bank_card", nullable = false, length = 19)
    private String bankCard;

    @Column(length = 500)
    private String documents;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "proposed_payout", nullable = false, precision = 14, scale = 2)
    private BigDecimal proposedPayout;

    @Column(name = "payout_breakdown", nullable = false, length = 4000)
    private String payoutBreakdown;

    @Enumerated(EnumType.STRING)
    @Column(name = "approval_level", nullable = false, length = 16)
    private ApprovalLevel approvalLevel;

    @Column(name = "correction_reason", length = 500)
    private String correctionReason;

    @Column(name = "approved_payout", precision = 14, scale = 2)
    private BigDecimal approvedPayout;

    @Column(name = "decided_on")
    private LocalDate decidedOn;

    @Column(name = "critical_key", unique = true, length = 32)
    private String criticalKey;

    protected MedicalClaim() {
    }

    MedicalClaim(String processInstanceId, Membership membership, String districtUnionId, String cityUnionId,
                 LocalDate filedOn) {
        this.header = new CaseHeader(processInstanceId, membership.getGrassrootsUnionId(), districtUnionId,
                cityUnionId, filedOn);
        this.membership = membership;
        this.planYear = membership.getPlanYear();
        this.memberName = membership.getWorkerName();
        this.idNumber = membership.getIdNumber();
        this.status = Status.IN_REVIEW;
    }

    void update(ClaimData data, Membership membership) {
        this.membership = membership;
        this.planYear = membership.getPlanYear();
        this.claimType = data.claimType();
        this.admissionDate = data.admissionDate();
        this.dischargeDate = data.dischargeDate();
        this.totalCost = data.totalCost();
        this.insurancePaid = data.insurancePaid();
        this.selfPaid = data.selfPaid();
        this.diagnosis = data.diagnosis();
        this.bankCard = data.bankCard();
        this.documents = data.documents();
        this.criticalKey = claimType.criticalIllness() ? Membership.keyOf(idNumber, planYear) : null;
    }

    void corrected(ClaimType type, BigDecimal newSelfPaid, String reason) {
        this.claimType = type;
        this.selfPaid = newSelfPaid;
        this.correctionReason = reason;
        this.criticalKey = type.criticalIllness() ? Membership.keyOf(idNumber, planYear) : null;
    }

    void proposed(PayoutBreakdown breakdown, ApprovalLevel level) {
        this.proposedPayout = breakdown.payout();
        this.payoutBreakdown = breakdown.describe();
        this.approvalLevel = level;
    }

    void approved(BigDecimal payout, String breakdown, LocalDate on) {
        this.status = Status.APPROVED;
        this.approvedPayout = payout;
        this.payoutBreakdown = breakdown;
        this.decidedOn = on;
    }

    void closed(Status outcome, LocalDate on) {
        this.status = outcome;
        this.decidedOn = on;
        this.criticalKey = null;
    }

    public Long getId() { return id; }
    @Override
    public CaseHeader header() { return header; }
    public Membership getMembership() { return membership; }
    public int getPlanYear() { return planYear; }
    public String getMemberName() { return memberName; }
    public String getIdNumber() { return idNumber; }
    public ClaimType getClaimType() { return claimType; }
    public LocalDate getAdmissionDate() { return admissionDate; }
    public LocalDate getDischargeDate() { return dischargeDate; }
    public BigDecimal getTotalCost() { return totalCost; }
    public BigDecimal getInsurancePaid() { return insurancePaid; }
    public BigDecimal getSelfPaid() { return selfPaid; }
    public String getDiagnosis() { return diagnosis; }
    public String getBankCard() { return bankCard; }
    public String getDocuments() { return documents; }
    public Status getStatus() { return status; }
    public BigDecimal getProposedPayout() { return proposedPayout; }
    public String getPayoutBreakdown() { return payoutBreakdown; }
    public ApprovalLevel getApprovalLevel() { return approvalLevel; }
    public String getCorrectionReason() { return correctionReason; }
    public BigDecimal getApprovedPayout() { return approvedPayout; }
    public LocalDate getDecidedOn() { return decidedOn; }
}
