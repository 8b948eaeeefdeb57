package org.unionassist.medical;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.CaseUnions;

import java.time.LocalDate;
import java.util.List;

/**
 * Demo members (profile "demo"): three workers enrolled for the current plan year since 1 January, so a new user can
 * file a claim at once. Their enrolment lists were confirmed before the system existed, so they have no process.
 */
@Component
@Profile("demo")
public class DemoMedicalAid {

    private static final Logger log = LoggerFactory.getLogger(DemoMedicalAid.class);

    record DemoMember(String union, String name, String idNumber) {
    }

    static final List<DemoMember> MEMBERS = List.of(
            new DemoMember("eaststeel", "张伟", "110101198003120010"),
            new DemoMember("eaststeel", "李娜", "110101198507060023"),
            new DemoMember("westtextile", "王强", "110102197909210030"));

    private final Enrolments enrolments;
    private final MembershipRepository memberships;
    private final CaseUnions caseUnions;
    private final ShanghaiClock clock;

    public DemoMedicalAid(Enrolments enrolments, MembershipRepository memberships, CaseUnions caseUnions,
                          ShanghaiClock clock) {
        this.enrolments = enrolments;
        this.memberships = memberships;
        this.caseUnions = caseUnions;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    @Transactional
    public void load() {
        LocalDate today = clock.today();
        int year = today.getYear();
        for (String union : MEMBERS.stream().map(DemoMember::union).distinct().toList()) {
            List<RosterEntry> roster = MEMBERS.stream().filter(m -> m.union().equals(union))
                    .filter(m -> memberships.findByEnrolledKey(Membership.keyOf(m.idNumber(), year)).isEmpty())
                    .map(m -> new RosterEntry(m.name(), m.idNumber(), "演示名单")).toList();
            if (roster.isEmpty()) {
                continue;
            }
            CaseUnions.Path path = caseUnions.of(union);
            Enrolment enrolment = enrolments.register("demo-" + union + "-" + year, year, roster, path.grassroots(),
                    path.district(), path.city(), today);
            enrolments.confirm(enrolment, LocalDate.of(year, 1, 1));
        }
        log.info("Demo medical mutual-aid members ready for {}: {}", year,
                MEMBERS.stream().map(DemoMember::name).toList());
    }
}
