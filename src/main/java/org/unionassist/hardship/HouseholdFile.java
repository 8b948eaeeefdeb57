package org.unionassist.hardship;

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

import java.time.LocalDate;

/**
 * The household file (一户一档). While open, {@code openHouseholdId} holds the household's id under a unique
 * constraint, so the database itself refuses a second open file for a household; closing sets it to null (unique
 * constraints ignore nulls in H2 and PostgreSQL alike), so a closed household may be filed again.
 */
@Entity
@Table(name = "ua_household_file")
public class HouseholdFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "file_number", nullable = false, unique = true, length = 32)
    private String fileNumber;

    @ManyToOne(optional = false)
    @JoinColumn(name = "household_id")
    private Household household;

    @Column(name = "open_household_id", unique = true)
    private Long openHouseholdId;

    @Column(name = "union_id", nullable = false, length = 32)
    private String unionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private HardshipCategory category;

    @Column(name = "effective_date", nullable = false)
    private LocalDate effectiveDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private FileStatus status;

    @Column(name = "case_process_instance_id", nullable = false, length = 64)
    private String caseProcessInstanceId;

    @Column(name = "next_recheck_on", nullable = false)
    private LocalDate nextRecheckOn;

    @Column(name = "last_rechecked_on")
    private LocalDate lastRecheckedOn;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    @Column(name = "close_reason", length = 500)
    private String closeReason;

    @Version
    private long version;

    protected HouseholdFile() {
    }

    HouseholdFile(String fileNumber, Household household, String unionId, HardshipCategory category,
                  LocalDate effectiveDate, String caseProcessInstanceId, LocalDate nextRecheckOn) {
        this.fileNumber = fileNumber;
        this.household = household;
        this.openHouseholdId = household.getId();
        this.unionId = unionId;
        this.category = category;
        this.effectiveDate = effectiveDate;
        this.status = FileStatus.OPEN;
        this.caseProcessInstanceId = caseProcessInstanceId;
        this.nextRecheckOn = nextRecheckOn;
    }

    void assignNumber(String number) {
        this.fileNumber = number;
    }

    void rechecked(LocalDate on, HardshipCategory newCategory, LocalDate next) {
        this.lastRecheckedOn = on;
        this.category = newCategory;
        this.nextRecheckOn = next;
    }

    void close(LocalDate on, String reason) {
        this.status = FileStatus.CLOSED;
        this.openHouseholdId = null;
        this.closedOn = on;
        this.closeReason = reason;
        this.lastRecheckedOn = on;
    }

    public boolean isOpen() {
        return status == FileStatus.OPEN;
    }

    public Long getId() { return id; }
    public String getFileNumber() { return fileNumber; }
    public Household getHousehold() { return household; }
    public String getUnionId() { return unionId; }
    public HardshipCategory getCategory() { return category; }
    public LocalDate getEffectiveDate() { return effectiveDate; }
    public FileStatus getStatus() { return status; }
    public String getCaseProcessInstanceId() { return caseProcessInstanceId; }
    public LocalDate getNextRecheckOn() { return nextRecheckOn; }
    public LocalDate getLastRecheckedOn() { return lastRecheckedOn; }
    public LocalDate getClosedOn() { return closedOn; }
    public String getCloseReason() { return closeReason; }
}
