package org.unionassist.hardship;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionassist.casework.PersonalData;
import org.unionassist.casework.ShanghaiClock;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The question other programmes ask hardship: "the open household file of this person, with its category". A person
 * is found as the worker a household is opened under or as any member recorded with an ID number. When the person
 * belongs to several households, the one with an open file answers, else the one that ended something this year,
 * else the one filed most recently. Read-only.
 */
@Service
@Transactional(readOnly = true)
public class HouseholdStandings {

    private final HouseholdRepository households;
    private final HouseholdFileRepository files;
    private final HardshipCaseRepository cases;
    private final ShanghaiClock clock;

    public HouseholdStandings(HouseholdRepository households, HouseholdFileRepository files,
                              HardshipCaseRepository cases, ShanghaiClock clock) {
        this.households = households;
        this.files = files;
        this.cases = cases;
        this.clock = clock;
    }

    public HouseholdStanding of(String idNumber) {
        String id = idNumber == null ? "" : idNumber.strip().toUpperCase();
        String masked = PersonalData.maskIdNumber(id);
        List<Long> householdIds = id.isEmpty() ? List.of() : households.findIdsOfPerson(id);
        if (householdIds.isEmpty()) {
            return HouseholdStanding.notFound(masked);
        }
        LocalDate yearStart = clock.today().withDayOfYear(1);
        List<HouseholdFile> filed = files.findByHouseholdIdInOrderByIdDesc(householdIds);
        List<HardshipCase> rejected = cases.findClosedSince(householdIds, CaseStatus.REJECTED, yearStart);

        Optional<HouseholdFile> open = filed.stream().filter(HouseholdFile::isOpen).findFirst();
        Long household = open.map(f -> f.getHousehold().getId())
                .or(() -> endings(filed, rejected, yearStart, null).findFirst().map(Located::household))
                .or(() -> filed.stream().findFirst().map(f -> f.getHousehold().getId()))
                .orElse(null);
        if (household == null) {
            return HouseholdStanding.notFound(masked);
        }
        HouseholdFile file = open.orElseGet(() -> filed.stream()
                .filter(f -> f.getHousehold().getId().equals(household)).findFirst().orElse(null));
        HouseholdStanding.Ending ending = endings(filed, rejected, yearStart, household).findFirst()
                .map(Located::ending).orElse(null);
        if (file == null) {
            return new HouseholdStanding(masked, null, null, null, null, null, ending);
        }
        return new HouseholdStanding(masked, file.getStatus(), file.getFileNumber(), file.getCategory(),
                file.getUnionId(), file.getEffectiveDate(), ending);
    }

    private record Located(Long household, HouseholdStanding.Ending ending) {
    }

    /** This year's endings, latest first, of one household or (household null) of all the person's households. */
    private static Stream<Located> endings(List<HouseholdFile> filed, List<HardshipCase> rejected, LocalDate yearStart,
                                           Long household) {
        Stream<Located> closed = filed.stream()
                .filter(f -> !f.isOpen() && f.getClosedOn() != null && !f.getClosedOn().isBefore(yearStart))
                .map(f -> new Located(f.getHousehold().getId(), new HouseholdStanding.Ending(
                        HouseholdStanding.Kind.FILE_CLOSED, f.getClosedOn(), f.getCloseReason(), f.getFileNumber())));
        Stream<Located> ineligible = rejected.stream()
                .map(c -> new Located(c.getHousehold().getId(), new HouseholdStanding.Ending(
                        HouseholdStanding.Kind.FOUND_INELIGIBLE, c.getClosedOn(), c.getClosingReason(),
                        c.getCaseNumber())));
        return Stream.concat(closed, ineligible)
                .filter(l -> household == null || l.household().equals(household))
                .sorted(Comparator.comparing((Located l) -> l.ending().on()).reversed());
    }
}
