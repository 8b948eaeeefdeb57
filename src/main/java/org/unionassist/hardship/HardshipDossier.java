package org.unionassist.hardship;

import cn.hutool.core.util.DesensitizedUtil;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.unionassist.casework.CaseDossier;
import org.unionassist.casework.PersonalData;

import java.util.ArrayList;
import java.util.List;

/**
 * What an auditor sees of the hardship records a case touched: the household as filed (members masked), and its
 * household file — for a verification case the file it led to, for a yearly re-check the file re-checked.
 */
@Component
@Transactional(readOnly = true)
class HardshipDossier implements CaseDossier {

    private final HardshipCaseRepository cases;
    private final HouseholdFileRepository files;

    HardshipDossier(HardshipCaseRepository cases, HouseholdFileRepository files) {
        this.cases = cases;
        this.files = files;
    }

    @Override
    public List<Section> sectionsOf(String processDefinitionKey, String processInstanceId, String caseNumber) {
        List<Section> sections = new ArrayList<>();
        if (HardshipCaseRecords.PROCESS.equals(processDefinitionKey)) {
            cases.findByProcessInstanceId(processInstanceId).ifPresent(c -> {
                sections.add(household(c.getHousehold()));
                files.findByHouseholdIdOrderByIdAsc(c.getHousehold().getId()).stream()
                        .filter(f -> processInstanceId.equals(f.getCaseProcessInstanceId()))
                        .forEach(f -> sections.add(file(f)));
            });
        } else if (HouseholdFiling.RECHECK_PROCESS.equals(processDefinitionKey) && caseNumber != null) {
            files.findByFileNumber(caseNumber).ifPresent(f -> {
                sections.add(file(f));
                sections.add(household(f.getHousehold()));
            });
        }
        return sections;
    }

    private static Section household(Household household) {
        List<List<String>> rows = household.getMembers().stream()
                .map(m -> List.of(DesensitizedUtil.chineseName(m.getName()), m.getRelation(),
                        PersonalData.maskIdNumber(m.getIdNumber())))
                .toList();
        return new Section("家庭成员（" + rows.size() + " 人）", List.of("姓名", "与申请人关系", "身份证号"), rows);
    }

    private static Section file(HouseholdFile f) {
        return Section.facts("困难职工档案 " + f.getFileNumber(),
                "档案号", f.getFileNumber(),
                "困难类别", f.getCategory() == null ? null : f.getCategory().label(),
                "档案状态", f.getStatus() == null ? null : f.getStatus().label(),
                "建档生效日期", CaseDossier.shown(f.getEffectiveDate()),
                "上次复核", CaseDossier.shown(f.getLastRecheckedOn()),
                "下次复核", CaseDossier.shown(f.getNextRecheckOn()),
                "关闭日期", CaseDossier.shown(f.getClosedOn()),
                "关闭原因", f.getCloseReason());
    }
}
