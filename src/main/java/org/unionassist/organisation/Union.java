package org.unionassist.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A trade union of the city: the city federation, a district federation or a grassroots union. */
@Entity
@Table(name = "ua_union")
public class Union {

    @Id
    @Column(length = 32)
    private String id;

    @Column(nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private UnionLevel level;

    @Column(name = "parent_id", length = 32)
    private String parentId;

    protected Union() {
    }

    public Union(String id, String name, UnionLevel level, String parentId) {
        this.id = id;
        this.name = name;
        this.level = level;
        this.parentId = parentId;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public UnionLevel getLevel() {
        return level;
    }

    public String getParentId() {
        return parentId;
    }
}
