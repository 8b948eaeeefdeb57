package org.unionassist.education;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.unionassist.casework.CaseHeader;
import org.unionassist.casework.CaseRecord;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.UnionAssistException;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A 金秋助学 application: the student, the worker and the payee card (raw only here), the household's standing as the
 * hardship files gave it, the amount the table gives with its reason, and where the application stands. While it is
 * open or granted, {@code studentYearKey} ("student ID:year") is under a unique constraint: one grant per student and
 * year in the whole city, enforced by the database too.
 */
@Entity
@Table(name = "ua_education_grant")
public class EducationGrant implements CaseRecord {

    public enum Status {
        GRASSROOTS_CHECK("基层工会初审"), RETURNED("退回补充"), AWAITING_DISTRICT("待区总工会集体研究"),
        ON_NOTICE("公示中"), OBJECTION("异议复查"), AWAITING_CITY("待市总工会审批"), GRANTED("已批准资助"),
        REJECTED("不予资助"), WITHDRAWN("已撤回");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Until the district decides, the grassroots union may withdraw the application. */
        boolean withdrawable() {
            return this == GRASSROOTS_CHECK || this == RETURNED || this == AWAITING_DISTRICT;
        }

        boolean closed() {
            return this == GRANTED || this == REJECTED || this == WITHDRAWN;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Embedded
    private CaseHeader header;

    @Column(name = "grant_year", nullable = false)
    private int grantYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private Status status;

    @Column(name = "student_name", nullable = false, length = 50)
    private String studentName;

    @Column(name = "student_id_number", nullable = false, length = 18)
    private String studentIdNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private GrantApplication.Relationship relationship;

    @Column(name = "worker_name", nullable = false, length = 50)
    private String workerName;

    @Column(name = "worker_id_number", nullable = false, length = 18)
    private String workerIdNumber;

    @Column(name = "bank_card", nullable = false, length = 19)
    private String bankCard;

    @Column(name = "school_name", nullable = false, length = 100)
    private String schoolName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private GrantLevel level;

    @Column(name = "year_of_study", nullable = false)
    private int yearOfStudy;

    @Enumerated(EnumType.STRING)
    @Column(name = "proof_kind", nullable = false, length = 16)
    private GrantApplication.ProofKind proofKind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Standing standing;

    @Column(name = "household_file_number", length = 32)
    private String householdFileNumber;

    @Column(name = "temporary_cause", length = 500)
    private String temporaryCause;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal amount;

    @Column(name = "amount_reason", nullable = false, length = 300)
    private String amountReason;

    @Column(name = "student_year_key", unique = true, length = 32)
    private String studentYearKey;

    @Column(name = "sitting_id")
    private Long sittingId;

    @Column(name = "decided_on")
    private LocalDate decidedOn;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    protected EducationGrant() {
    }

    EducationGrant(String processInstanceId, String grassroots, String district, String city, LocalDate submittedOn) {
        this.header = new CaseHeader(processInstanceId, grassroots, district, city, submittedOn);
        this.grantYear = submittedOn.getYear();
        this.status = Status.GRASSROOTS_CHECK;
    }

    static String keyOf(String studentIdNumber, int year) {
        return studentIdNumber + ":" + year;
    }

    /** The application as (re)submitted, with its standing and amount: back to the grassroots first check. */
    void update(GrantApplication a, Standing standing, String fileNumber, BigDecimal amount, String reason) {
        this.studentName = a.studentName();
        this.studentIdNumber = a.studentIdNumber();
        this.relationship = a.relationship();
        this.workerName = a.workerName();
        this.workerIdNumber = a.workerIdNumber();
        this.bankCard = a.bankCard();
        this.schoolName = a.schoolName();
        this.level = a.level();
        this.yearOfStudy = a.yearOfStudy();
        this.proofKind = a.proofKind();
        this.standing = standing;
        this.householdFileNumber = fileNumber;
        this.temporaryCause = standing.temporary() ? a.temporaryCause() : null;
        this.amount = amount;
        this.amountReason = reason;
        this.studentYearKey = keyOf(a.studentIdNumber(), grantYear);
        this.status = Status.GRASSROOTS_CHECK;
    }

    void moveTo(Status next) {
        this.status = next;
    }

    void joinSitting(Long sitting) {
        this.sittingId = sitting;
    }

    void decidedByDistrict(Status next, LocalDate on) {
        this.status = next;
        this.sittingId = null;
        this.decidedOn = on;
    }

    /** Closed without a grant: the student may apply again the same year (e.g. through another union). */
    void close(Status end, LocalDate on) {
        this.status = end;
        this.closedOn = on;
        // an application withdrawn while on a sitting's agenda stays on it, so the chair's list still matches and
        // the sitting skips it (DistrictSittings.decide); a decided one has left its sitting already
        if (end != Status.GRANTED) {
            this.studentYearKey = null;
        }
    }

    void requireWithdrawable() {
        if (!status.withdrawable()) {
            throw new UnionAssistException(CaseworkError.WITHDRAWAL_TOO_LATE,
                    "区总工会已作出集体研究决定（当前：" + status.label() + "），不能再撤回申请");
        }
    }

    @Override
    public CaseHeader header() { return header; }
    public Long getId() { return id; }
    public int getGrantYear() { return grantYear; }
    public Status getStatus() { return status; }
    public String getStudentName() { return studentName; }
    public String getStudentIdNumber() { return studentIdNumber; }
    public GrantApplication.Relationship getRelationship() { return relationship; }
    public String getWorkerName() { return workerName; }
    public String getWorkerIdNumber() { return workerIdNumber; }
    public String getBankCard() { return bankCard; }
    public String getSchoolName() { return schoolName; }
    public GrantLevel getLevel() { return level; }
    public int getYearOfStudy() { return yearOfStudy; }
    public GrantApplication.ProofKind getProofKind() { return proofKind; }
    public Standing getStanding() { return standing; }
    public String getHouseholdFileNumber() { return householdFileNumber; }
    public String getTemporaryCause() { return temporaryCause; }
    public BigDecimal getAmount() { return amount; }
    public String getAmountReason() { return amountReason; }
    public Long getSittingId() { return sittingId; }
    public LocalDate getDecidedOn() { return decidedOn; }
    public LocalDate getClosedOn() { return closedOn; }
    boolean isClosed() { return status.closed(); }
}
