package org.unionassist.hardship;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A household (一户), identified by the resident ID number of the worker it is opened under. */
@Entity
@Table(name = "ua_household")
public class Household {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "head_id_number", nullable = false, unique = true, length = 18)
    private String headIdNumber;

    @Column(name = "head_name", nullable = false, length = 50)
    private String headName;

    @Column(name = "union_id", nullable = false, length = 32)
    private String unionId;

    @Column(name = "created_on", nullable = false)
    private LocalDate createdOn;

    @OneToMany(mappedBy = "household", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderColumn(name = "position")
    private List<HouseholdMember> members = new ArrayList<>();

    protected Household() {
    }

    public Household(String headIdNumber, String headName, String unionId, LocalDate createdOn) {
        this.headIdNumber = headIdNumber;
        this.headName = headName;
        this.unionId = unionId;
        this.createdOn = createdOn;
    }

    /** Replaces the member list with what the latest application says (the applicant first). */
    public void replaceMembers(List<HouseholdMember.Data> data) {
        members.clear();
        for (HouseholdMember.Data d : data) {
            members.add(new HouseholdMember(this, d.name(), d.relation(), d.idNumber()));
        }
    }

    public void renameHead(String name, String unionId) {
        this.headName = name;
        this.unionId = unionId;
    }

    public Long getId() { return id; }
    public String getHeadIdNumber() { return headIdNumber; }
    public String getHeadName() { return headName; }
    public String getUnionId() { return unionId; }
    public LocalDate getCreatedOn() { return createdOn; }
    public List<HouseholdMember> getMembers() { return members; }
}
