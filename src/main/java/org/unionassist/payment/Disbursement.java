package org.unionassist.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A payment order to a person's bank card from a process: one per payee and purpose within the process (a medical
 * claim pays its member once, a campaign list pays many people from one process). The database key
 * (process instance, payee key, purpose) makes a retried or repeated order find this row instead of paying twice.
 * The full card number is here for the payer only; every list shows it masked.
 */
@Entity
@Table(name = "ua_disbursement", uniqueConstraints = @UniqueConstraint(name = "ua_disbursement_once",
        columnNames = {"process_instance_id", "payee_key", "purpose"}))
public class Disbursement {

    public static final String PENDING = "PENDING";
    public static final String PAID = "PAID";
    public static final String FAILED = "FAILED";

    /** A status as users read it. */
    public static String statusLabel(String status) {
        return switch (status) {
            case PENDING -> "待支付";
            case PAID -> "已支付";
            case FAILED -> "支付失败";
            default -> "其他";
        };
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "process_instance_id", nullable = false, length = 64)
    private String processInstanceId;

    @Column(name = "payee_key", nullable = false, length = 64)
    private String payeeKey;

    @Column(nullable = false, length = 32)
    private String purpose;

    @Column(name = "process_definition_key", nullable = false, length = 64)
    private String processDefinitionKey;

    @Column(name = "case_number", nullable = false, length = 32)
    private String caseNumber;

    @Column(name = "payee_name", nullable = false, length = 50)
    private String payeeName;

    @Column(name = "payee_id_number", nullable = false, length = 18)
    private String payeeIdNumber;

    @Column(name = "bank_card", nullable = false, length = 19)
    private String bankCard;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal amount;

    @Column(nullable = false, length = 16)
    private String status;

    @Column(name = "union_id", nullable = false, length = 32)
    private String unionId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "reissue_count", nullable = false)
    private int reissueCount;

    @Column(name = "failure_reason", length = 200)
    private String failureReason;

    @Column(name = "paid_on")
    private LocalDate paidOn;

    protected Disbursement() {
    }

    Disbursement(PaymentOrder order, OffsetDateTime createdAt) {
        this.processInstanceId = order.processInstanceId();
        this.processDefinitionKey = order.processDefinitionKey();
        this.caseNumber = order.caseNumber();
        this.payeeKey = order.payeeKey();
        this.purpose = order.purpose();
        this.payeeName = order.payeeName();
        this.payeeIdNumber = order.payeeIdNumber();
        this.bankCard = order.bankCard();
        this.amount = order.amount();
        this.unionId = order.unionId();
        this.status = PENDING;
        this.createdAt = createdAt;
    }

    /** The bank confirmed the payment. */
    void paid(LocalDate on) {
        status = PAID;
        failureReason = null;
        paidOn = on;
    }

    /** The bank could not pay: the card or account was refused, with the bank's reason. */
    void failed(String reason) {
        status = FAILED;
        failureReason = reason;
    }

    /** A failed payment goes out again, once, to a corrected card. */
    void reissued(String correctedCard) {
        bankCard = correctedCard;
        status = PENDING;
        reissueCount++;
    }

    public boolean mayBeReissued() {
        return FAILED.equals(status) && reissueCount == 0;
    }

    public Long getId() { return id; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getProcessDefinitionKey() { return processDefinitionKey; }
    public String getCaseNumber() { return caseNumber; }
    public String getPayeeKey() { return payeeKey; }
    public String getPurpose() { return purpose; }
    public String getPayeeName() { return payeeName; }
    public String getPayeeIdNumber() { return payeeIdNumber; }
    public String getBankCard() { return bankCard; }
    public BigDecimal getAmount() { return amount; }
    public String getStatus() { return status; }
    public String getUnionId() { return unionId; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public int getReissueCount() { return reissueCount; }
    public String getFailureReason() { return failureReason; }
    public LocalDate getPaidOn() { return paidOn; }
}
