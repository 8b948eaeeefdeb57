package org.unionassist.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One export downloaded from the auditors' workspace: who, when (Asia/Shanghai), what (the filters in words, or the
 * case), and how many rows. Written in the transaction that builds the file, never changed afterwards, and sealed
 * into the {@link AuditChain#EXPORTS} chain (its chain columns are the sealer's, not mapped here).
 */
@Entity
@Immutable
@Table(name = "ua_export_record")
public class ExportRecord {

    /** What was exported. */
    public enum Kind {
        SEARCH("案件查询结果"),
        CASE_TRAIL("案件审计轨迹");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "exported_at", nullable = false)
    private OffsetDateTime exportedAt;
    @Column(name = "exported_on", nullable = false)
    private LocalDate exportedOn;
    @Column(name = "actor_id", nullable = false, length = 64)
    private String actorId;
    @Column(name = "actor_name", nullable = false, length = 100)
    private String actorName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Kind kind;
    @Column(nullable = false, length = 1000)
    private String description;
    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;
    @Column(name = "row_count", nullable = false)
    private int rowCount;

    protected ExportRecord() {
    }

    ExportRecord(OffsetDateTime exportedAt, String actorId, String actorName, Kind kind, String description,
                 String processInstanceId, int rowCount) {
        this.exportedAt = exportedAt;
        this.exportedOn = exportedAt.toLocalDate();
        this.actorId = actorId;
        this.actorName = actorName.length() <= 100 ? actorName : actorName.substring(0, 99) + "…";
        this.kind = kind;
        this.description = description.length() <= 1000 ? description : description.substring(0, 999) + "…";
        this.processInstanceId = processInstanceId;
        this.rowCount = rowCount;
    }

    public Long getId() { return id; }
    public OffsetDateTime getExportedAt() { return exportedAt; }
    public LocalDate getExportedOn() { return exportedOn; }
    public String getActorId() { return actorId; }
    public String getActorName() { return actorName; }
    public Kind getKind() { return kind; }
    public String getDescription() { return description; }
    public String getProcessInstanceId() { return processInstanceId; }
    public int getRowCount() { return rowCount; }
}
