package org.unionassist.hardship;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.unionassist.casework.ShanghaiClock;

import java.time.LocalDate;
import java.util.List;

/**
 * Demo households (profile "demo"): filed households of each category and one whose file was closed this year, each
 * with a child in full-time study, so a new user can try every path of 金秋助学 at once. Their files stand as files
 * imported from the city's earlier records would: no hardship case or process behind them, hence no re-check either.
 * A household already there (by the worker's ID number) is left as it is.
 */
@Component
@Profile("demo")
public class DemoHouseholds {

    private static final Logger log = LoggerFactory.getLogger(DemoHouseholds.class);
    /** Stands where a file opened through 困难职工认定 names its case's process instance. */
    static final String IMPORTED = "demo-imported";

    /** {@code category} null: the household's file was closed this year. */
    record DemoHousehold(String union, String workerName, String workerIdNumber, String childName,
                         String childIdNumber, HardshipCategory category) {
    }

    static final List<DemoHousehold> HOUSEHOLDS = List.of(
            new DemoHousehold("eaststeel", "陈建国", "110101197503150019", "陈晓雨", "110101200508220025",
                    HardshipCategory.DEEP),
            new DemoHousehold("eaststeel", "刘芳", "110101197806100043", "刘子涵", "110101200603050036",
                    HardshipCategory.RELATIVE),
            new DemoHousehold("eaststeel", "赵立军", "110101197609180056", "赵欣然", "110101200904110063",
                    HardshipCategory.ACCIDENT),
            new DemoHousehold("eaststeel", "孙志强", "110101197411020073", "孙悦", "110101200701270083", null),
            new DemoHousehold("westtextile", "周丽华", "110102197705040025", "周博文", "110102200409160019",
                    HardshipCategory.DEEP));

    private final HouseholdRepository households;
    private final HouseholdFileRepository fileRows;
    private final HouseholdFiles files;
    private final HardshipProperties properties;
    private final ShanghaiClock clock;

    public DemoHouseholds(HouseholdRepository households, HouseholdFileRepository fileRows, HouseholdFiles files,
                          HardshipProperties properties, ShanghaiClock clock) {
        this.households = households;
        this.fileRows = fileRows;
        this.files = files;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(30)
    @Transactional
    public void load() {
        LocalDate today = clock.today();
        LocalDate yearStart = today.withDayOfYear(1);
        int created = 0;
        for (DemoHousehold h : HOUSEHOLDS) {
            if (households.findByHeadIdNumber(h.workerIdNumber()).isPresent()) {
                continue;
            }
            Household household = new Household(h.workerIdNumber(), h.workerName(), h.union(), yearStart);
            household.replaceMembers(List.of(new HouseholdMember.Data(h.workerName(), "本人", h.workerIdNumber()),
                    new HouseholdMember.Data(h.childName(), "子女", h.childIdNumber())));
            household = households.saveAndFlush(household);
            if (h.category() != null) {
                file(household, h.union(), h.category(), yearStart);
            } else {
                HouseholdFile closed = file(household, h.union(), HardshipCategory.RELATIVE, yearStart.minusYears(1));
                files.close(closed.getId(), today, FileCloseReason.OUT_OF_HARDSHIP.recorded());
            }
            created++;
        }
        log.info("Demo households with hardship files ready ({} created now): {}", created,
                HOUSEHOLDS.stream().map(DemoHousehold::workerName).toList());
    }

    private HouseholdFile file(Household household, String union, HardshipCategory category, LocalDate effective) {
        HouseholdFile file = fileRows.saveAndFlush(new HouseholdFile("TMP-demo-" + household.getId(), household, union,
                category, effective, IMPORTED, effective.plus(properties.recheckInterval())));
        // numbered as HouseholdFiles.open numbers a file opened through the process
        file.assignNumber("DA%d%06d".formatted(effective.getYear(), file.getId()));
        return file;
    }
}
