package org.unionassist.organisation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The demo city of domain.md: seven unions, a clerk, chair and auditor in each (password {@code demo}), and five
 * workers' representatives on each grassroots union's democratic-review panel. Only in the "demo" profile (the
 * default); "prod" creates none of it.
 */
@Component
@Profile("demo")
public class DemoOrganisation {

    private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);
    static final String PASSWORD = "demo";

    record DemoUnion(String id, String name, UnionLevel level, String parent, String shortName) {
    }

    static final List<DemoUnion> UNIONS = List.of(
            new DemoUnion("city", "示范市总工会", UnionLevel.CITY, null, "市总"),
            new DemoUnion("east", "东城区总工会", UnionLevel.DISTRICT, "city", "东城区"),
            new DemoUnion("west", "西城区总工会", UnionLevel.DISTRICT, "city", "西城区"),
            new DemoUnion("eaststeel", "东城钢铁厂工会", UnionLevel.GRASSROOTS, "east", "东钢"),
            new DemoUnion("eaststreet", "东城区东华街道工会", UnionLevel.GRASSROOTS, "east", "东华街道"),
            new DemoUnion("westtextile", "西城纺织厂工会", UnionLevel.GRASSROOTS, "west", "西纺"),
            new DemoUnion("westhospital", "西城区人民医院工会", UnionLevel.GRASSROOTS, "west", "西城医院"));

    private final OrganisationSetup setup;

    public DemoOrganisation(OrganisationSetup setup) {
        this.setup = setup;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void load() {
        for (DemoUnion u : UNIONS) {
            setup.addUnion(u.id(), u.name(), u.level(), u.parent());
            setup.addUser(u.id() + ".clerk", u.shortName(), "经办人", PASSWORD, Role.CLERK.groupOf(u.id()));
            setup.addUser(u.id() + ".chair", u.shortName(), "主席", PASSWORD, Role.CHAIR.groupOf(u.id()));
            setup.addUser(u.id() + ".auditor", u.shortName(), "经审委员", PASSWORD, Role.AUDITOR.groupOf(u.id()));
            if (u.level() == UnionLevel.GRASSROOTS) {
                for (int i = 1; i <= 5; i++) {
                    setup.addUser(u.id() + ".rep" + i, u.shortName(), "职工代表" + i, PASSWORD,
                            Role.PANEL.groupOf(u.id()));
                }
            }
        }
        log.info("Demo organisation ready: {} unions; users <union>.clerk / .chair / .auditor / .rep1-5, password demo",
                UNIONS.size());
    }
}
