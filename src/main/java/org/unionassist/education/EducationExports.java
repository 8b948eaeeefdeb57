package org.unionassist.education;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionassist.casework.ExportWorkbook;
import org.unionassist.casework.PersonalData;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.organisation.Jurisdiction;
import org.unionassist.organisation.Union;
import org.unionassist.organisation.UnionLevel;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two lists 金秋助学 puts on paper: a district's 公示名单 (the applications its sitting approved, ID numbers
 * masked, as posted for the public notice) and the city's grants of a year per district and level.
 */
@Service
@Transactional(readOnly = true)
public class EducationExports {

    /** Approved by the district: on notice, under objection re-check, before the city, or granted. */
    static final EnumSet<EducationGrant.Status> APPROVED_BY_DISTRICT = EnumSet.of(EducationGrant.Status.ON_NOTICE,
            EducationGrant.Status.OBJECTION, EducationGrant.Status.AWAITING_CITY, EducationGrant.Status.GRANTED);

    private final EducationGrantRepository grants;
    private final Jurisdiction jurisdiction;
    private final ShanghaiClock clock;

    public EducationExports(EducationGrantRepository grants, Jurisdiction jurisdiction, ShanghaiClock clock) {
        this.grants = grants;
        this.jurisdiction = jurisdiction;
        this.clock = clock;
    }

    public byte[] noticeList(Union district, int year, String exportedBy) {
        List<EducationGrant> approved = grants.findByHeaderDistrictUnionIdAndGrantYearAndStatusInOrderByHeaderCaseNumber(
                district.getId(), year, APPROVED_BY_DISTRICT);
        ExportWorkbook workbook = new ExportWorkbook();
        ExportWorkbook.Table sheet = workbook.sheet("公示名单", district.getName() + year + "年金秋助学拟资助名单（公示）"
                        + "｜公示期内如有异议，请向" + district.getName() + "反映｜导出：" + exportedBy + " "
                        + clock.now().format(ShanghaiClock.SHOWN),
                List.of("序号", "案件号", "学生姓名", "学生身份证号", "基层工会", "就读学校", "就读层次", "家庭困难情况",
                        "资助金额（元）"));
        int n = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (EducationGrant g : approved) {
            sheet.row(++n, g.getCaseNumber(), g.getStudentName(), PersonalData.maskIdNumber(g.getStudentIdNumber()),
                    jurisdiction.union(g.getGrassrootsUnionId()).getName(), g.getSchoolName(), g.getLevel().label(),
                    g.getStanding().label(), g.getAmount());
            total = total.add(g.getAmount());
        }
        if (n == 0) {
            sheet.none();
        } else {
            sheet.row("合计", n + "人", null, null, null, null, null, null, total);
        }
        sheet.finish();
        return workbook.bytes();
    }

    public byte[] grantsByDistrict(int year, String exportedBy) {
        Map<String, Map<GrantLevel, Object[]>> byDistrict = new LinkedHashMap<>();
        for (Object[] row : grants.grantedByDistrictAndLevel(year)) {
            byDistrict.computeIfAbsent((String) row[0], d -> new LinkedHashMap<>()).put((GrantLevel) row[1], row);
        }
        ExportWorkbook workbook = new ExportWorkbook();
        ExportWorkbook.Table sheet = workbook.sheet("分区分层次资助", year + "年金秋助学已批准资助（按区、就读层次）｜导出："
                + exportedBy + " " + clock.now().format(ShanghaiClock.SHOWN),
                List.of("区总工会", "就读层次", "资助人数", "资助金额（元）"));
        long people = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (Union union : jurisdiction.unionsAt(UnionLevel.DISTRICT)) {
            Map<GrantLevel, Object[]> district = byDistrict.getOrDefault(union.getId(), Map.of());
            String name = union.getName();
            if (district.isEmpty()) {
                sheet.row(name, "（无）", 0, BigDecimal.ZERO.setScale(2));
            }
            for (GrantLevel level : GrantLevel.values()) {
                Object[] row = district.get(level);
                if (row == null) {
                    continue;
                }
                long count = ((Number) row[2]).longValue();
                BigDecimal amount = (BigDecimal) row[3];
                sheet.row(name, level.label(), count, amount);
                people += count;
                total = total.add(amount);
            }
        }
        sheet.row("全市合计", null, people, total);
        sheet.finish();
        return workbook.bytes();
    }
}
