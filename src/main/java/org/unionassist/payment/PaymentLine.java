package org.unionassist.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One disbursement in a batch, as the bank file carries it (payee, card, amount, reference) and as the bank answered
 * it. While the batch is open the line holds its disbursement ({@code open_disbursement_id}, unique); a confirmed
 * payment sets {@code paid_disbursement_id}, also unique: the database itself refuses a second open batch or a second
 * payment of one disbursement.
 */
@Entity
@Table(name = "ua_payment_line")
public class PaymentLine {

    public static final String PAID = Disbursement.PAID;
    public static final String FAILED = Disbursement.FAILED;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "batch_id", nullable = false)
    private Long batchId;

    @Column(name = "line_no", nullable = false)
    private int lineNo;

    @Column(name = "disbursement_id", nullable = false)
    private Long disbursementId;

    @Column(name = "open_disbursement_id")
    private Long openDisbursementId;

    @Column(name = "paid_disbursement_id")
    private Long paidDisbursementId;

    @Column(nullable = false, length = 32)
    private String reference;

    @Column(name = "payee_name", nullable = false, length = 50)
    private String payeeName;

    @Column(name = "bank_card", nullable = false, length = 19)
    private String bankCard;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal amount;

    @Column(length = 16)
    private String result;

    @Column(name = "bank_reason", length = 200)
    private String bankReason;

    @Column(name = "result_at")
    private OffsetDateTime resultAt;

    protected PaymentLine() {
    }

    PaymentLine(PaymentBatch batch, int lineNo, Disbursement d, String reference) {
        this.batchId = batch.getId();
        this.lineNo = lineNo;
        this.disbursementId = d.getId();
        this.openDisbursementId = d.getId();
        this.reference = reference;
        this.payeeName = d.getPayeeName();
        this.bankCard = d.getBankCard();
        this.amount = d.getAmount();
    }

    void paid(OffsetDateTime at) {
        result = PAID;
        bankReason = null;
        resultAt = at;
        openDisbursementId = null;
        paidDisbursementId = disbursementId;
    }

    void failed(String reason, OffsetDateTime at) {
        result = FAILED;
        bankReason = reason;
        resultAt = at;
        openDisbursementId = null;
    }

    /** The batch ended without the bank (withdrawn, rejected): the disbursement may join another batch. */
    void released() {
        openDisbursementId = null;
    }

    public boolean answered() {
        return result != null;
    }

    public Long getId() { return id; }
    public Long getBatchId() { return batchId; }
    public int getLineNo() { return lineNo; }
    public Long getDisbursementId() { return disbursementId; }
    public String getReference() { return reference; }
    public String getPayeeName() { return payeeName; }
    public String getBankCard() { return bankCard; }
    public BigDecimal getAmount() { return amount; }
    public String getResult() { return result; }
    public String getBankReason() { return bankReason; }
    public OffsetDateTime getResultAt() { return resultAt; }
}
