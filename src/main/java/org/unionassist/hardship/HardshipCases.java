package org.unionassist.hardship;

import org.unionassist.casework.CaseworkError;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.organisation.Union;

import java.time.LocalDate;

/**
 * Opens, updates and closes hardship applications. Joins the engine's transaction: when a step fails afterwards, the
 * rows written here roll back with it.
 */
@Service
@Transactional
public class HardshipCases {

    private final HouseholdRepository households;
    private final HardshipCaseRepository cases;
    private final HouseholdFileRepository files;

    public HardshipCases(HouseholdRepository households, HardshipCaseRepository cases, HouseholdFileRepository files) {
        this.households = households;
        this.cases = cases;
        this.files = files;
    }

    /**
     * Registers a new application, or updates the figures of this process's application after a supplement. Refuses a
     * household that already has an open file or another application in progress.
     */
    public HardshipCase register(String processInstanceId, ApplicationData data, Union grassroots, Union district,
                                 Union city, LocalDate today) {
        HardshipCase existing = cases.findByProcessInstanceId(processInstanceId).orElse(null);
        Household household = households.findByHeadIdNumber(data.applicantIdNumber()).orElse(null);
        if (existing != null && household != null && !existing.getHousehold().getId().equals(household.getId())) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "补充材料时不能更换申请人身份证号");
        }
        if (household == null) {
            household = households.save(new Household(data.applicantIdNumber(), data.applicantName(),
                    grassroots.getId(), today));
        }
        household.renameHead(data.applicantName(), grassroots.getId());
        household.replaceMembers(data.allMembers());
        if (existing == null) {
            refuseIfFiledOrInProgress(household);
            existing = new HardshipCase(processInstanceId, household, grassroots.getId(), district.getId(),
                    city.getId(), today);
        }
        existing.updateFigures(data.figures(), data.bankCard());
        try {
            HardshipCase saved = cases.saveAndFlush(existing);
            if (saved.getCaseNumber() == null) {
                saved.header().assignNumber("KN%d%06d".formatted(today.getYear(), saved.getId()));
            }
            return saved;
        } catch (DataIntegrityViolationException raceLost) {
            // another application for this household was registered at the same moment
            throw new UnionAssistException(HardshipError.HOUSEHOLD_CASE_IN_PROGRESS, "该家庭已有一件认定申请正在办理，不能重复申请");
        }
    }

    private void refuseIfFiledOrInProgress(Household household) {
        if (household.getId() == null) {
            return;
        }
        files.findByOpenHouseholdId(household.getId()).ifPresent(file -> {
            throw new UnionAssistException(HardshipError.HOUSEHOLD_ALREADY_FILED,
                    "该家庭已建档（档案号" + file.getFileNumber() + "，" + file.getCategory().label()
                            + "），一户只能有一份在档档案，不能重复申请");
        });
        cases.findByActiveHouseholdId(household.getId()).ifPresent(c -> {
            throw new UnionAssistException(HardshipError.HOUSEHOLD_CASE_IN_PROGRESS,
                    "该家庭已有一件认定申请正在办理（案件号" + c.getCaseNumber() + "），不能重复申请");
        });
    }

    public HardshipCase byProcessInstance(String processInstanceId) {
        return cases.findByProcessInstanceId(processInstanceId)
                .orElseThrow(() -> new UnionAssistException(CaseworkError.CASE_NOT_FOUND, "找不到该认定案件"));
    }

    public void categorised(HardshipCase hardshipCase, CategoryResult result) {
        hardshipCase.categorised(result);
    }

    public void overrideCategory(HardshipCase hardshipCase, HardshipCategory category, String reason) {
        hardshipCase.overrideCategory(category, reason);
    }

    public void civilAffairsChecked(HardshipCase hardshipCase, String result) {
        hardshipCase.recordCivilAffairsCheck(result);
    }

    public void districtDecided(HardshipCase hardshipCase) {
        hardshipCase.districtDecided();
    }

    public void close(HardshipCase hardshipCase, CaseStatus status, LocalDate on, String reason) {
        hardshipCase.close(status, on, reason);
    }
}
