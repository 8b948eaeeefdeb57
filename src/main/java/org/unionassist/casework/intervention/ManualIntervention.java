package org.unionassist.casework.intervention;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One manual intervention in a case, as an auditor reads it years later: what was done (the engine's operation type
 * and its Chinese label), to what (job, variable, the instance itself), the value before and after where it is not
 * personal data, who did it and when (Asia/Shanghai). Written in the transaction of the intervention; never updated,
 * never deleted, and kept when the instance and its history are gone.
 */
@Entity
@Immutable
@Table(name = "ua_manual_intervention")
public class ManualIntervention {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "process_instance_id", nullable = false, length = 64)
    private String processInstanceId;
    @Column(name = "process_definition_key", length = 64)
    private String processDefinitionKey;
    @Column(name = "case_number", length = 64)
    private String caseNumber;
    @Column(name = "operation_type", nullable = false, length = 64)
    private String operationType;
    @Column(name = "operation_label", nullable = false, length = 40)
    private String operationLabel;
    @Column(name = "entity_type", nullable = false, length = 40)
    private String entityType;
    @Column(length = 255)
    private String property;
    @Column(name = "org_value", length = 1000)
    private String orgValue;
    @Column(name = "new_value", length = 1000)
    private String newValue;
    @Column(length = 2000)
    private String detail;
    @Column(length = 2000)
    private String annotation;
    @Column(name = "job_id", length = 64)
    private String jobId;
    @Column(name = "activity_id", length = 255)
    private String activityId;
    @Column(name = "actor_id", nullable = false, length = 64)
    private String actorId;
    @Column(name = "actor_name", nullable = false, length = 100)
    private String actorName;
    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;
    @Column(name = "occurred_on", nullable = false)
    private LocalDate occurredOn;
    @Column(name = "operation_id", length = 64)
    private String operationId;

    protected ManualIntervention() {
    }

    private ManualIntervention(Builder b) {
        this.processInstanceId = b.processInstanceId;
        this.processDefinitionKey = b.processDefinitionKey;
        this.caseNumber = b.caseNumber;
        this.operationType = b.kind.operationType();
        this.operationLabel = b.kind.label();
        this.entityType = b.kind.entityType();
        this.property = truncate(b.property, 255);
        this.orgValue = truncate(b.orgValue, 1000);
        this.newValue = truncate(b.newValue, 1000);
        this.detail = truncate(b.detail, 2000);
        this.annotation = truncate(b.annotation, 2000);
        this.jobId = b.jobId;
        this.activityId = truncate(b.activityId, 255);
        this.actorId = b.actorId;
        this.actorName = truncate(b.actorName, 100);
        this.occurredAt = b.occurredAt;
        this.occurredOn = b.occurredAt.toLocalDate();
        this.operationId = b.operationId;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    static Builder builder(InterventionKind kind) {
        return new Builder(kind);
    }

    public Long getId() { return id; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getProcessDefinitionKey() { return processDefinitionKey; }
    public String getCaseNumber() { return caseNumber; }
    public String getOperationType() { return operationType; }
    public String getOperationLabel() { return operationLabel; }
    public String getEntityType() { return entityType; }
    public String getProperty() { return property; }
    public String getOrgValue() { return orgValue; }
    public String getNewValue() { return newValue; }
    public String getDetail() { return detail; }
    public String getAnnotation() { return annotation; }
    public String getJobId() { return jobId; }
    public String getActivityId() { return activityId; }
    public String getActorId() { return actorId; }
    public String getActorName() { return actorName; }
    public OffsetDateTime getOccurredAt() { return occurredAt; }
    public LocalDate getOccurredOn() { return occurredOn; }
    public String getOperationId() { return operationId; }

    static final class Builder {
        private final InterventionKind kind;
        private String processInstanceId;
        private String processDefinitionKey;
        private String caseNumber;
        private String property;
        private String orgValue;
        private String newValue;
        private String detail;
        private String annotation;
        private String jobId;
        private String activityId;
        private String actorId;
        private String actorName;
        private OffsetDateTime occurredAt;
        private String operationId;

        private Builder(InterventionKind kind) {
            this.kind = kind;
        }

        Builder inCase(String processInstanceId, String processDefinitionKey, String caseNumber) {
            this.processInstanceId = processInstanceId;
            this.processDefinitionKey = processDefinitionKey;
            this.caseNumber = caseNumber;
            return this;
        }
        Builder change(String property, String orgValue, String newValue) {
            this.property = property;
            this.orgValue = orgValue;
            this.newValue = newValue;
            return this;
        }
        Builder detail(String v) { detail = v; return this; }
        Builder annotation(String v) { annotation = v; return this; }
        Builder job(String id, String activity) { jobId = id; activityId = activity; return this; }
        Builder activity(String v) { activityId = v; return this; }
        Builder actor(String id, String name) { actorId = id; actorName = name; return this; }
        Builder at(OffsetDateTime v, String engineOperationId) { occurredAt = v; operationId = engineOperationId; return this; }

        ManualIntervention build() {
            return new ManualIntervention(this);
        }
    }
}
