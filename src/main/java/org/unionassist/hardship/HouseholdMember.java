package org.unionassist.hardship;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "ua_household_member")
public class HouseholdMember {

    /** A member as entered on the application form, already validated. */
    public record Data(String name, String relation, String idNumber) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "household_id")
    private Household household;

    @Column(nullable = false, length = 50)
    private String name;

    @Column(nullable = false, length = 20)
    private String relation;

    @Column(name = "id_number", length = 18)
    private String idNumber;

    protected HouseholdMember() {
    }

    HouseholdMember(Household household, String name, String relation, String idNumber) {
        this.household = household;
        this.name = name;
        this.relation = relation;
        this.idNumber = idNumber;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getRelation() { return relation; }
    public String getIdNumber() { return idNumber; }
}
