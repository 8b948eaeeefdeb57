package org.unionassist.education;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * A district's quota of grants for a year, set by the city: how many places, and how many the city has granted.
 * {@code granted} only grows through one conditional update ({@link GrantQuotaRepository#takePlace}), so two
 * approvals racing for the last place cannot both have it.
 */
@Entity
@Table(name = "ua_education_quota")
public class GrantQuota {

    @Embeddable
    public record Key(@Column(name = "grant_year") int grantYear,
                      @Column(name = "district_union_id", length = 32) String districtUnionId) implements Serializable {
    }

    @EmbeddedId
    private Key key;

    @Column(nullable = false)
    private int places;

    @Column(nullable = false)
    private int granted;

    @Column(name = "set_by", nullable = false, length = 64)
    private String setBy;

    @Column(name = "set_at", nullable = false)
    private OffsetDateTime setAt;

    protected GrantQuota() {
    }

    GrantQuota(int year, String districtUnionId) {
        this.key = new Key(year, districtUnionId);
    }

    void set(int places, String by, OffsetDateTime at) {
        this.places = places;
        this.setBy = by;
        this.setAt = at;
    }

    public int getGrantYear() { return key.grantYear(); }
    public String getDistrictUnionId() { return key.districtUnionId(); }
    public int getPlaces() { return places; }
    public int getGranted() { return granted; }
    public int remaining() { return places - granted; }
    public String getSetBy() { return setBy; }
    public OffsetDateTime getSetAt() { return setAt; }
}
