package org.unionassist.payment;

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
 * A payment batch (付款批次, process {@code paymentBatch}): pending disbursements the city's clerk grouped, for the
 * city's chair to approve and the bank to pay. Its lines are {@link PaymentLine}s.
 */
@Entity
@Table(name = "ua_payment_batch")
public class PaymentBatch {

    public enum Status {
        DRAFT("核对中"), APPROVED("已批准，待银行回单"), SETTLED("已结清"), WITHDRAWN("已撤销"), REJECTED("不予支付");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** An open batch holds its disbursements: no other batch may take them. */
        public boolean open() {
            return this == DRAFT || this == APPROVED;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "process_instance_id", nullable = false, unique = true, length = 64)
    private String processInstanceId;

    @Column(name = "city_union_id", nullable = false, length = 32)
    private String cityUnionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    /** The purposes the clerk chose (MEDICAL_CLAIM,EDUCATION_GRANT…). */
    @Column(nullable = false, length = 200)
    private String purposes;

    @Column(name = "approved_up_to")
    private LocalDate approvedUpTo;

    @Column(name = "prepared_by", nullable = false, length = 64)
    private String preparedBy;

    @Column(name = "prepared_at", nullable = false)
    private OffsetDateTime preparedAt;

    @Column(name = "approved_by", length = 64)
    private String approvedBy;

    @Column(name = "approved_at")
    private OffsetDateTime approvedAt;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    protected PaymentBatch() {
    }

    PaymentBatch(String processInstanceId, String cityUnionId, String purposes, LocalDate approvedUpTo,
                 String preparedBy, OffsetDateTime preparedAt) {
        this.processInstanceId = processInstanceId;
        this.cityUnionId = cityUnionId;
        this.purposes = purposes;
        this.approvedUpTo = approvedUpTo;
        this.preparedBy = preparedBy;
        this.preparedAt = preparedAt;
        this.status = Status.DRAFT;
    }

    void approved(String by, OffsetDateTime at) {
        status = Status.APPROVED;
        approvedBy = by;
        approvedAt = at;
    }

    void closed(Status outcome, OffsetDateTime at) {
        status = outcome;
        closedAt = at;
    }

    /** 付款批次编号, the process's business key: FK2026-0001. */
    public String number() {
        return "FK%d-%04d".formatted(preparedAt.atZoneSameInstant(org.unionassist.casework.ShanghaiClock.ZONE).getYear(), id);
    }

    public Long getId() { return id; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getCityUnionId() { return cityUnionId; }
    public Status getStatus() { return status; }
    public String getPurposes() { return purposes; }
    public LocalDate getApprovedUpTo() { return approvedUpTo; }
    public String getPreparedBy() { return preparedBy; }
    public OffsetDateTime getPreparedAt() { return preparedAt; }
    public String getApprovedBy() { return approvedBy; }
    public OffsetDateTime getApprovedAt() { return approvedAt; }
    public OffsetDateTime getClosedAt() { return closedAt; }
}
