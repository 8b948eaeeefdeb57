package org.unionassist.hardship;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionassist.casework.UnionAssistException;

import java.time.LocalDate;
import java.time.Period;

/** The household file (一户一档): opened once per household, re-checked yearly, closed with a reason. */
@Service
@Transactional
public class HouseholdFiles {

    private final HouseholdFileRepository files;
    private final HardshipProperties properties;

    public HouseholdFiles(HouseholdFileRepository files, HardshipProperties properties) {
        this.files = files;
        this.properties = properties;
    }

    public HouseholdFile open(HardshipCase approved, LocalDate effectiveDate) {
        HardshipCategory category = approved.getCategory();
        if (category == null || !category.fileable()) {
            throw new UnionAssistException(HardshipError.INELIGIBLE_CATEGORY, "不符合认定条件的家庭不能建档");
        }
        Household household = approved.getHousehold();
        files.findByOpenHouseholdId(household.getId()).ifPresent(f -> {
            throw new UnionAssistException(HardshipError.HOUSEHOLD_ALREADY_FILED,
                    "该家庭已有在档档案（档案号" + f.getFileNumber() + "），不能重复建档");
        });
        HouseholdFile file = new HouseholdFile("TMP-" + approved.getId(), household,
                approved.getGrassrootsUnionId(), category, effectiveDate, approved.getProcessInstanceId(),
                effectiveDate.plus(recheckInterval()));
        try {
            file = files.saveAndFlush(file);
        } catch (DataIntegrityViolationException raceLost) {
            throw new UnionAssistException(HardshipError.HOUSEHOLD_ALREADY_FILED, "该家庭已有在档档案，不能重复建档");
        }
        file.assignNumber("DA%d%06d".formatted(effectiveDate.getYear(), file.getId()));
        return file;
    }

    /** Keeps the file as it is after a re-check and schedules the next one. */
    public HouseholdFile keep(Long fileId, LocalDate on) {
        HouseholdFile file = openFile(fileId);
        return recheck(file, on, file.getCategory());
    }

    /** Moves the file to another category after a re-check and schedules the next one. */
    public HouseholdFile recategorise(Long fileId, LocalDate on, HardshipCategory category) {
        return recheck(openFile(fileId), on, category);
    }

    private HouseholdFile recheck(HouseholdFile file, LocalDate on, HardshipCategory category) {
        file.rechecked(on, category, on.plus(recheckInterval()));
        return file;
    }

    public HouseholdFile close(Long fileId, LocalDate on, String reason) {
        HouseholdFile file = openFile(fileId);
        file.close(on, reason);
        return file;
    }

    public HouseholdFile openFile(Long fileId) {
        HouseholdFile file = files.findById(fileId)
                .orElseThrow(() -> new UnionAssistException(HardshipError.FILE_NOT_OPEN, "找不到该困难职工档案"));
        if (!file.isOpen()) {
            throw new UnionAssistException(HardshipError.FILE_NOT_OPEN, "档案" + file.getFileNumber() + "已退出，不能再复核");
        }
        return file;
    }

    private Period recheckInterval() {
        return properties.recheckInterval();
    }
}
