package org.unionassist.education;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.unionassist.casework.CaseUnions;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.hardship.HouseholdStanding;
import org.unionassist.hardship.HouseholdStandings;
import org.unionassist.organisation.Jurisdiction;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Applications: the window, eligibility, the household's standing from the hardship files, the amount from the
 * table, and one open or granted application per student and year across the city (a unique key in the database, so
 * two unions filing the same student at the same moment cannot both succeed).
 */
@Service
public class EducationGrants {

    private final EducationGrantRepository grants;
    private final HouseholdStandings standings;
    private final GrantAmounts amounts;
    private final EducationProperties properties;
    private final Jurisdiction jurisdiction;

    public EducationGrants(EducationGrantRepository grants, HouseholdStandings standings, GrantAmounts amounts,
                           EducationProperties properties, Jurisdiction jurisdiction) {
        this.grants = grants;
        this.standings = standings;
        this.amounts = amounts;
        this.properties = properties;
        this.jurisdiction = jurisdiction;
    }

    public EducationGrant byProcessInstance(String processInstanceId) {
        return grants.findByProcessInstanceId(processInstanceId).orElseThrow(() -> new UnionAssistException(
                CaseworkError.CASE_NOT_FOUND, "未找到该金秋助学申请"));
    }

    /** Refuses a new application outside the window, naming the window's dates. */
    public void requireWindowOpen(LocalDate today) {
        if (!properties.open(today)) {
            throw new UnionAssistException(EducationError.OUTSIDE_WINDOW, "金秋助学申请受理时间为每年"
                    + chineseDay(properties.opensIn(today.getYear())) + "至"
                    + chineseDay(properties.closesIn(today.getYear())) + "，今天（" + today + "）不在受理期内");
        }
    }

    /** Checks a filed (or supplemented) application and registers it with its standing and amount. */
    public EducationGrant file(String processInstanceId, GrantApplication application, CaseUnions.Path path,
                               LocalDate today) {
        EducationGrant grant = grants.findByProcessInstanceId(processInstanceId).orElse(null);
        if (grant == null) {
            requireWindowOpen(today);
            grant = new EducationGrant(processInstanceId, path.grassroots().getId(), path.district().getId(),
                    path.city().getId(), today);
        }
        application.requireEligible();
        HouseholdStanding household = standingOf(application);
        Standing standing = standing(household, application);
        GrantAmounts.Amount amount = amounts.of(standing, application.level());
        refuseIfAlreadyApplied(application.studentIdNumber(), grant);
        grant.update(application, standing, household.filed() ? household.fileNumber() : null, amount.yuan(),
                amount.reason());
        try {
            EducationGrant saved = grants.saveAndFlush(grant);
            if (saved.getCaseNumber() == null) {
                saved.header().assignNumber("JX%d%06d".formatted(today.getYear(), saved.getId()));
            }
            return saved;
        } catch (DataIntegrityViolationException raceLost) {
            throw alreadyApplied(grant.getGrantYear(), "（另一基层工会刚刚提交了该学生的申请）");
        }
    }

    /** The household as the hardship files know it: by the worker, else by the student as a household member. */
    private HouseholdStanding standingOf(GrantApplication application) {
        HouseholdStanding byWorker = standings.of(application.workerIdNumber());
        if (byWorker.fileStatus() != null || byWorker.ending().isPresent()) {
            return byWorker;
        }
        HouseholdStanding byStudent = standings.of(application.studentIdNumber());
        return byStudent.fileStatus() != null || byStudent.ending().isPresent() ? byStudent : byWorker;
    }

    private Standing standing(HouseholdStanding household, GrantApplication application) {
        if (household.filed()) {
            return switch (household.category()) {
                case DEEP -> Standing.DEEP;
                case RELATIVE -> Standing.RELATIVE;
                case ACCIDENT -> Standing.ACCIDENT;
                case INELIGIBLE -> throw notEligible("该职工家庭的困难职工档案类别为“不符合认定条件”");
            };
        }
        Optional<HouseholdStanding.Ending> ended = household.ending();
        if (ended.isPresent()) {
            HouseholdStanding.Ending e = ended.get();
            throw notEligible("该职工家庭于" + e.on() + e.kind().label() + "（编号 " + e.number() + "，原因："
                    + (e.reason() == null || e.reason().isBlank() ? "未记录" : e.reason()) + "），本年度不能申请金秋助学");
        }
        if (application.temporaryCause() == null) {
            throw new UnionAssistException(EducationError.TEMPORARY_CAUSE_REQUIRED, "该职工家庭没有在档的困难职工档案："
                    + "按临时困难申请须填写“临时困难原因”，并由基层工会主席初审时确认");
        }
        return Standing.TEMPORARY;
    }

    private static UnionAssistException notEligible(String why) {
        return new UnionAssistException(EducationError.HOUSEHOLD_NOT_ELIGIBLE, why);
    }

    private void refuseIfAlreadyApplied(String studentIdNumber, EducationGrant self) {
        grants.findByStudentYearKey(EducationGrant.keyOf(studentIdNumber, self.getGrantYear()))
                .filter(other -> !other.getProcessInstanceId().equals(self.getProcessInstanceId()))
                .ifPresent(other -> {
                    throw alreadyApplied(self.getGrantYear(), "（案件号 " + other.getCaseNumber() + "，"
                            + jurisdiction.union(other.getGrassrootsUnionId()).getName() + "，"
                            + other.getStatus().label() + "）");
                });
    }

    private static UnionAssistException alreadyApplied(int year, String which) {
        return new UnionAssistException(EducationError.ALREADY_APPLIED, "该学生" + year + "年度已有金秋助学申请" + which
                + "：同一学生同一年度只能获得一次资助");
    }

    static String chineseDay(LocalDate day) {
        return day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }
}
