package org.unionassist.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * One application an online channel filed, under the idempotency key it chose: a retry with the same key finds this
 * row and its case instead of starting another. Unique per channel and key in the database (V18). Keeps a SHA-256 of
 * the canonical body to recognise a retry, never the body itself (it carries ID and bank card numbers). Written in the
 * transaction that starts the case, so a refused application leaves no row and its key stays free.
 */
@Entity
@Table(name = "ua_intake_request")
public class IntakeRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "channel_id", nullable = false, length = 64)
    private String channelId;
    @Column(name = "idempotency_key", nullable = false, length = 100)
    private String idempotencyKey;
    @Column(name = "process_definition_key", nullable = false, length = 64)
    private String processDefinitionKey;
    @Column(name = "body_hash", nullable = false, length = 64)
    private String bodyHash;
    @Column(name = "grassroots_union_id", nullable = false, length = 32)
    private String grassrootsUnionId;
    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;
    @Column(name = "case_number", length = 64)
    private String caseNumber;
    @Column(name = "received_at", nullable = false)
    private OffsetDateTime receivedAt;

    protected IntakeRequest() {
    }

    IntakeRequest(String channelId, String idempotencyKey, String processDefinitionKey, String bodyHash,
                  String grassrootsUnionId, OffsetDateTime receivedAt) {
        this.channelId = channelId;
        this.idempotencyKey = idempotencyKey;
        this.processDefinitionKey = processDefinitionKey;
        this.bodyHash = bodyHash;
        this.grassrootsUnionId = grassrootsUnionId;
        this.receivedAt = receivedAt;
    }

    void caseStarted(String processInstanceId, String caseNumber) {
        this.processInstanceId = processInstanceId;
        this.caseNumber = caseNumber;
    }

    public Long getId() { return id; }
    public String getChannelId() { return channelId; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public String getProcessDefinitionKey() { return processDefinitionKey; }
    public String getBodyHash() { return bodyHash; }
    public String getGrassrootsUnionId() { return grassrootsUnionId; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getCaseNumber() { return caseNumber; }
    public OffsetDateTime getReceivedAt() { return receivedAt; }
}
