package org.unionassist.casework.signoff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Convert;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One signed decision in a case's audit trail: who (and in which union and role), when, at which step, what they
 * decided (in the step's own words), their opinion, what the step found (e.g. the home visit's date and findings), the
 * category or amount they set, and a snapshot of the figures they saw. Written in the
 * same transaction as the engine state it belongs to; never updated, never deleted.
 */
@Entity
@Immutable
@Table(name = "ua_sign_off")
public class SignOff {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "process_definition_key", nullable = false, length = 64)
    private String processDefinitionKey;
    @Column(name = "process_instance_id", nullable = false, length = 64)
    private String processInstanceId;
    @Column(name = "case_number", length = 64)
    private String caseNumber;
    @Column(name = "step_id", nullable = false, length = 64)
    private String stepId;
    @Column(name = "step_name", nullable = false, length = 100)
    private String stepName;
    @Column(name = "task_id", length = 64)
    private String taskId;
    @Column(name = "review_round")
    private Integer round;
    @Column(name = "actor_id", nullable = false, length = 64)
    private String actorId;
    @Column(name = "actor_name", nullable = false, length = 100)
    private String actorName;
    @Column(name = "actor_union_id", length = 32)
    private String actorUnionId;
    @Column(name = "actor_union_name", length = 100)
    private String actorUnionName;
    @Column(name = "actor_role", length = 32)
    private String actorRole;
    @Convert(converter = DecisionColumn.class)
    @Column(nullable = false, length = 20)
    private Decision decision;
    @Column(name = "decision_label", nullable = false, length = 100)
    private String decisionLabel;
    @Column(length = 2000)
    private String opinion;
    @Column(length = 4000)
    private String findings;
    @Column(length = 20)
    private String category;
    @Column(name = "category_label", length = 20)
    private String categoryLabel;
    @Column(precision = 14, scale = 2)
    private BigDecimal amount;
    @Column(name = "decided_at", nullable = false)
    private OffsetDateTime decidedAt;
    @Column(name = "decided_on", nullable = false)
    private LocalDate decidedOn;
    @Column(length = 8000)
    private String snapshot;

    protected SignOff() {
    }

    SignOff(Builder b) {
        this.processDefinitionKey = b.processDefinitionKey;
        this.processInstanceId = b.processInstanceId;
        this.caseNumber = b.caseNumber;
        this.stepId = b.stepId;
        this.stepName = b.stepName;
        this.taskId = b.taskId;
        this.round = b.round;
        this.actorId = b.actorId;
        this.actorName = b.actorName;
        this.actorUnionId = b.actorUnionId;
        this.actorUnionName = b.actorUnionName;
        this.actorRole = b.actorRole;
        this.decision = b.decision;
        this.decisionLabel = b.decisionLabel == null ? b.decision.label() : b.decisionLabel;
        this.opinion = b.opinion;
        this.findings = b.findings;
        this.category = b.category;
        this.categoryLabel = b.categoryLabel;
        this.amount = b.amount;
        this.decidedAt = b.decidedAt;
        this.decidedOn = b.decidedAt.toLocalDate();
        this.snapshot = b.snapshot;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Long getId() { return id; }
    public String getProcessDefinitionKey() { return processDefinitionKey; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getCaseNumber() { return caseNumber; }
    public String getStepId() { return stepId; }
    public String getStepName() { return stepName; }
    public String getTaskId() { return taskId; }
    public Integer getRound() { return round; }
    public String getActorId() { return actorId; }
    public String getActorName() { return actorName; }
    public String getActorUnionId() { return actorUnionId; }
    public String getActorUnionName() { return actorUnionName; }
    public String getActorRole() { return actorRole; }
    public Decision getDecision() { return decision; }
    public String getDecisionLabel() { return decisionLabel; }
    public String getOpinion() { return opinion; }
    public String getFindings() { return findings; }
    public String getCategory() { return category; }
    public String getCategoryLabel() { return categoryLabel; }
    public BigDecimal getAmount() { return amount; }
    public OffsetDateTime getDecidedAt() { return decidedAt; }
    public LocalDate getDecidedOn() { return decidedOn; }
    public String getSnapshot() { return snapshot; }

    public static final class Builder {
        private String processDefinitionKey;
        private String processInstanceId;
        private String caseNumber;
        private String stepId;
        private String stepName;
        private String taskId;
        private Integer round;
        private String actorId;
        private String actorName;
        private String actorUnionId;
        private String actorUnionName;
        private String actorRole;
        private Decision decision;
        private String decisionLabel;
        private String opinion;
        private String findings;
        private String category;
        private String categoryLabel;
        private BigDecimal amount;
        private OffsetDateTime decidedAt;
        private String snapshot;

        public Builder processDefinitionKey(String v) { processDefinitionKey = v; return this; }
        public Builder processInstanceId(String v) { processInstanceId = v; return this; }
        public Builder caseNumber(String v) { caseNumber = v; return this; }
        public Builder step(String id, String name) { stepId = id; stepName = name; return this; }
        public Builder taskId(String v) { taskId = v; return this; }
        public Builder round(Integer v) { round = v; return this; }
        public Builder actor(String id, String name, String unionId, String unionName, String role) {
            actorId = id; actorName = name; actorUnionId = unionId; actorUnionName = unionName; actorRole = role;
            return this;
        }
        public Builder decision(Decision v) { decision = v; return this; }
        public Builder decisionLabel(String v) { decisionLabel = v; return this; }
        public Builder opinion(String v) { opinion = v; return this; }
        public Builder findings(String v) { findings = v; return this; }
        public Builder category(String code, String label) { category = code; categoryLabel = label; return this; }
        public Builder amount(BigDecimal v) { amount = v; return this; }
        public Builder decidedAt(OffsetDateTime v) { decidedAt = v; return this; }
        public Builder snapshot(String v) { snapshot = v; return this; }

        public SignOff build() {
            return new SignOff(this);
        }
    }
}
