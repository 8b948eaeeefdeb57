package org.unionassist.hardship;

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
import jakarta.persistence.Version;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.UnionAssistException;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One hardship application and its progress: the authoritative copy of the figures, the union it belongs to and the
 * category decided. {@code activeHouseholdId} is unique while the case is in progress, so a household never has two
 * applications running at once.
 */
@Entity
@Table(name = "ua_hardship_case")
public class HardshipCase implements CaseRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Embedded
    private CaseHeader header;

    @ManyToOne(optional = false)
    @JoinColumn(name = "household_id")
    private Household household;

    @Column(name = "active_household_id", unique = true)
    private Long activeHouseholdId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CaseStatus status;

    @Column(name = "annual_income", nullable = false, precision = 14, scale = 2)
    private BigDecimal annualIncome;
    @Column(name = "rigid_expenditure", nullable = false, precision = 14, scale = 2)
    private BigDecimal rigidExpenditure;
    @Column(name = "illness_accident_cost", nullable = false, precision = 14, scale = 2)
    private BigDecimal illnessAccidentCost;
    @Column(name = "household_size", nullable = false)
    private int householdSize;
    @Column(name = "per_capita_monthly_income", nullable = false, precision = 14, scale = 2)
    private BigDecimal perCapitaMonthlyIncome;
    @Column(name = "hardship_cause", nullable = false, length = 20)
    private String hardshipCause;
    @Column(name = "owns_multiple_homes", nullable = false)
    private boolean ownsMultipleHomes;
    @Column(name = "owns_business_or_employs", nullable = false)
    private boolean ownsBusinessOrEmploys;
    @Column(name = "private_car_non_work", nullable = false)
    private boolean privateCarNonWork;
    @Column(name = "child_private_school_or_abroad", nullable = false)
    private boolean childPrivateSchoolOrAbroad;
    @Column(name = "migrant_worker", nullable = false)
    private boolean migrantWorker;
    @Column(name = "local_employment_months", nullable = false)
    private int localEmploymentMonths;
    @Column(name = "bank_card", length = 19)
    private String bankCard;

    @Column(name = "minimum_living_standard", precision = 14, scale = 2)
    private BigDecimal minimumLivingStandard;
    @Enumerated(EnumType.STRING)
    @Column(name = "proposed_category", length = 16)
    private HardshipCategory proposedCategory;
    @Column(name = "category_reason", length = 200)
    private String categoryReason;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private HardshipCategory category;
    @Column(name = "category_override_reason", length = 500)
    private String categoryOverrideReason;

    @Column(name = "civil_affairs_check", length = 20)
    private String civilAffairsCheck;
    @Column(name = "district_decided", nullable = false)
    private boolean districtDecided;

    @Column(name = "closed_on")
    private LocalDate closedOn;
    @Column(name = "closing_reason", length = 2000)
    private String closingReason;

    @Version
    private long version;

    protected HardshipCase() {
    }

    HardshipCase(String processInstanceId, Household household, String grassrootsUnionId, String districtUnionId,
                 String cityUnionId, LocalDate submittedOn) {
        this.header = new CaseHeader(processInstanceId, grassrootsUnionId, districtUnionId, cityUnionId, submittedOn);
        this.household = household;
        this.activeHouseholdId = household.getId();
        this.status = CaseStatus.IN_PROGRESS;
    }

    void updateFigures(HouseholdFigures f, String bankCard) {
        this.annualIncome = f.annualIncome();
        this.rigidExpenditure = f.rigidExpenditure();
        this.illnessAccidentCost = f.illnessAccidentCost();
        this.householdSize = f.householdSize();
        this.perCapitaMonthlyIncome = f.perCapitaMonthlyIncome();
        this.hardshipCause = f.hardshipCause();
        this.ownsMultipleHomes = f.ownsMultipleHomes();
        this.ownsBusinessOrEmploys = f.ownsBusinessOrEmploys();
        this.privateCarNonWork = f.privateCarNonWork();
        this.childPrivateSchoolOrAbroad = f.childPrivateSchoolOrAbroad();
        this.migrantWorker = f.migrantWorker();
        this.localEmploymentMonths = f.localEmploymentMonths();
        this.bankCard = bankCard;
    }

    void categorised(CategoryResult result) {
        this.minimumLivingStandard = result.minimumLivingStandard();
        this.proposedCategory = result.category();
        this.categoryReason = result.reason();
        this.category = result.category();
        this.categoryOverrideReason = null;
    }

    void overrideCategory(HardshipCategory newCategory, String reason) {
        this.category = newCategory;
        this.categoryOverrideReason = reason;
    }

    void recordCivilAffairsCheck(String result) {
        this.civilAffairsCheck = result;
    }

    void districtDecided() {
        this.districtDecided = true;
    }

    /**
     * The grassroots side may withdraw until the case is closed or the district has decided: the step that decides
     * names the check {@code districtDecision} in the model, which sets {@link #isDistrictDecided}.
     */
    void requireWithdrawable() {
        if (status != CaseStatus.IN_PROGRESS) {
            throw new UnionAssistException(CaseworkError.WITHDRAWAL_TOO_LATE, "该申请已办结（" + status.label() + "），不能撤回");
        }
        if (districtDecided) {
            throw new UnionAssistException(CaseworkError.WITHDRAWAL_TOO_LATE, "区总工会已作出决定，不能再撤回申请");
        }
    }

    void close(CaseStatus finalStatus, LocalDate on, String reason) {
        this.status = finalStatus;
        this.activeHouseholdId = null;
        this.closedOn = on;
        this.closingReason = reason;
    }

    public HouseholdFigures figures() {
        return new HouseholdFigures(annualIncome, rigidExpenditure, illnessAccidentCost, householdSize, hardshipCause,
                ownsMultipleHomes, ownsBusinessOrEmploys, privateCarNonWork, childPrivateSchoolOrAbroad,
                migrantWorker, localEmploymentMonths);
    }

    public Long getId() { return id; }
    @Override
    public CaseHeader header() { return header; }
    public Household getHousehold() { return household; }
    public CaseStatus getStatus() { return status; }
    public BigDecimal getPerCapitaMonthlyIncome() { return perCapitaMonthlyIncome; }
    public BigDecimal getMinimumLivingStandard() { return minimumLivingStandard; }
    public HardshipCategory getProposedCategory() { return proposedCategory; }
    public String getCategoryReason() { return categoryReason; }
    public HardshipCategory getCategory() { return category; }
    public String getCategoryOverrideReason() { return categoryOverrideReason; }
    public String getCivilAffairsCheck() { return civilAffairsCheck; }
    public boolean isDistrictDecided() { return districtDecided; }
    public LocalDate getClosedOn() { return closedOn; }
    public String getClosingReason() { return closingReason; }
    public String getBankCard() { return bankCard; }
}
