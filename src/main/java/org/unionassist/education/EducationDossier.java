package org.unionassist.education;

import cn.hutool.core.util.DesensitizedUtil;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.unionassist.casework.CaseDossier;
import org.unionassist.casework.PersonalData;
import org.unionassist.organisation.Jurisdiction;

import java.util.ArrayList;
import java.util.List;

/**
 * What an auditor sees of the 金秋助学 records a case touched: for an application, the grant as registered (standing
 * from the hardship files, amount and reason, where it stands) and the district sitting that decided it; for a
 * sitting, the applications it took up. Names and ID numbers masked.
 */
@Component
@Transactional(readOnly = true)
class EducationDossier implements CaseDossier {

    private final EducationGrantRepository grants;
    private final DistrictSittingRepository sittings;
    private final Jurisdiction jurisdiction;

    EducationDossier(EducationGrantRepository grants, DistrictSittingRepository sittings, Jurisdiction jurisdiction) {
        this.grants = grants;
        this.sittings = sittings;
        this.jurisdiction = jurisdiction;
    }

    @Override
    public List<Section> sectionsOf(String processDefinitionKey, String processInstanceId, String caseNumber) {
        if (GrantRecords.PROCESS.equals(processDefinitionKey)) {
            return grants.findByProcessInstanceId(processInstanceId).map(g -> List.of(grant(g))).orElse(List.of());
        }
        if (DistrictSittings.PROCESS.equals(processDefinitionKey)) {
            return sittings.findByProcessInstanceId(processInstanceId).map(s -> List.of(agenda(s)))
                    .orElse(List.of());
        }
        return List.of();
    }

    private static Section grant(EducationGrant g) {
        return Section.facts("金秋助学申请 " + g.getGrantYear() + " 年度",
                "学生", DesensitizedUtil.chineseName(g.getStudentName()),
                "学生身份证号", PersonalData.maskIdNumber(g.getStudentIdNumber()),
                "职工", DesensitizedUtil.chineseName(g.getWorkerName()),
                "职工身份证号", PersonalData.maskIdNumber(g.getWorkerIdNumber()),
                "就读", g.getSchoolName() + " " + g.getLevel().label() + " 第" + g.getYearOfStudy() + "学年",
                "家庭困难情况（取自困难职工档案）", g.getStanding().label(),
                "困难职工档案号", g.getHouseholdFileNumber(),
                "临时困难原因", g.getTemporaryCause(),
                "资助金额（元）", CaseDossier.shown(g.getAmount()),
                "测算依据", g.getAmountReason(),
                "当前状态", g.getStatus().label(),
                "区总工会决定日", CaseDossier.shown(g.getDecidedOn()),
                "办结日", CaseDossier.shown(g.getClosedOn()));
    }

    private Section agenda(DistrictSitting s) {
        List<List<String>> rows = new ArrayList<>();
        for (EducationGrant g : grants.findBySittingIdOrderById(s.getId())) {
            rows.add(List.of(g.getCaseNumber(), DesensitizedUtil.chineseName(g.getStudentName()),
                    jurisdiction.union(g.getGrassrootsUnionId()).getName(), CaseDossier.shown(g.getAmount()),
                    g.getStatus().label()));
        }
        String title = "集体研究 " + s.number() + "（" + (s.getStatus() == DistrictSitting.Status.DECIDED
                ? "会议日期 " + s.getMeetingDate() + "，参会人员：" + s.getAttendees() : "待研究") + "）";
        return new Section(title, List.of("案件号", "学生", "基层工会", "资助金额（元）", "状态"), rows);
    }
}
