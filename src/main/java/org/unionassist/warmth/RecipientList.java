package org.unionassist.warmth;

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

/** One grassroots union's recipient list of a campaign (process {@code warmthList}); its people are rows of their own. */
@Entity
@Table(name = "ua_warmth_list")
public class RecipientList {

    public enum Status {
        OPEN("待报送"), SUBMITTED("待区总工会审核"), APPROVED("已批准，慰问中"), WAIVED("逾期未报，视为放弃"),
        VISITED("慰问已登记"), SETTLED("已结算");

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

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Column(name = "grassroots_union_id", nullable = false, length = 32)
    private String grassrootsUnionId;

    @Column(name = "district_union_id", nullable = false, length = 32)
    private String districtUnionId;

    @Column(name = "process_instance_id", nullable = false, unique = true, length = 64)
    private String processInstanceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "submitted_times", nullable = false)
    private int submittedTimes;

    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;

    @Column(name = "returned_on")
    private LocalDate returnedOn;

    @Column(name = "approved_by", length = 64)
    private String approvedBy;

    @Column(name = "approved_at")
    private OffsetDateTime approvedAt;

    @Column(name = "settled_by", length = 64)
    private String settledBy;

    @Column(name = "settled_at")
    private OffsetDateTime settledAt;

    protected RecipientList() {
    }

    RecipientList(Long campaignId, String grassrootsUnionId, String districtUnionId, String processInstanceId) {
        this.campaignId = campaignId;
        this.grassrootsUnionId = grassrootsUnionId;
        this.districtUnionId = districtUnionId;
        this.processInstanceId = processInstanceId;
        this.status = Status.OPEN;
    }

    void submitted(OffsetDateTime at) {
        this.status = Status.SUBMITTED;
        this.submittedTimes++;
        this.submittedAt = at;
    }

    void returned(LocalDate on) {
        this.status = Status.OPEN;
        this.returnedOn = on;
    }

    void approved(String by, OffsetDateTime at) {
        this.status = Status.APPROVED;
        this.approvedBy = by;
        this.approvedAt = at;
    }

    void waived() {
        this.status = Status.WAIVED;
    }

    void visited() {
        this.status = Status.VISITED;
    }

    void settled(String by, OffsetDateTime at) {
        this.status = Status.SETTLED;
        this.settledBy = by;
        this.settledAt = at;
    }

    /** 名单编号, the list process's business key. */
    public String number() {
        return number(campaignId, id);
    }

    static String number(long campaignId, long listId) {
        return "SNWL%04d-%05d".formatted(campaignId, listId);
    }

    public Long getId() { return id; }
    public Long getCampaignId() { return campaignId; }
    public String getGrassrootsUnionId() { return grassrootsUnionId; }
    public String getDistrictUnionId() { return districtUnionId; }
    public String getProcessInstanceId() { return processInstanceId; }
    public Status getStatus() { return status; }
    public int getSubmittedTimes() { return submittedTimes; }
    public LocalDate getReturnedOn() { return returnedOn; }
    public String getApprovedBy() { return approvedBy; }
}
