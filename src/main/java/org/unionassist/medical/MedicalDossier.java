package org.unionassist.medical;

import cn.hutool.core.util.DesensitizedUtil;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.unionassist.casework.CaseDossier;
import org.unionassist.casework.PersonalData;

import java.util.List;

/**
 * What an auditor sees of the medical mutual-aid records a case touched: for a claim, the member's membership of the
 * plan year and what it has been paid so far; for an enrolment, its list of members (masked) and fees.
 */
@Component
@Transactional(readOnly = true)
class MedicalDossier implements CaseDossier {

    private final MedicalClaimRepository claims;
    private final EnrolmentRepository enrolments;

    MedicalDossier(MedicalClaimRepository claims, EnrolmentRepository enrolments) {
        this.claims = claims;
        this.enrolments = enrolments;
    }

    @Override
    public List<Section> sectionsOf(String processDefinitionKey, String processInstanceId, String caseNumber) {
        if (ClaimRecords.PROCESS.equals(processDefinitionKey)) {
            return claims.findByProcessInstanceId(processInstanceId).map(MedicalClaim::getMembership)
                    .map(m -> List.of(membership(m))).orElse(List.of());
        }
        if (EnrolmentRecords.PROCESS.equals(processDefinitionKey)) {
            return enrolments.findByProcessInstanceId(processInstanceId).map(e -> List.of(roster(e)))
                    .orElse(List.of());
        }
        return List.of();
    }

    private static Section membership(Membership m) {
        return Section.facts("医疗互助会员 " + m.getPlanYear() + " 年度",
                "参保人", DesensitizedUtil.chineseName(m.getWorkerName()),
                "身份证号", PersonalData.maskIdNumber(m.getIdNumber()),
                "参保年度", String.valueOf(m.getPlanYear()),
                "会员状态", status(m.getStatus()),
                "会费（元）", CaseDossier.shown(m.getFee()),
                "参保起始日", CaseDossier.shown(m.getCoverageSince()),
                "免责期至", CaseDossier.shown(m.getWaitingPeriodLastDay()),
                "本年度已核准互助金（元）", CaseDossier.shown(m.getApprovedTotal()),
                "参保名单", m.getEnrolment().getCaseNumber());
    }

    private static Section roster(Enrolment e) {
        List<List<String>> rows = e.getMemberships().stream()
                .map(m -> List.of(DesensitizedUtil.chineseName(m.getWorkerName()),
                        PersonalData.maskIdNumber(m.getIdNumber()), CaseDossier.shown(m.getFee()), status(m.getStatus())))
                .toList();
        return new Section("参保名单（" + rows.size() + " 人，会费合计 " + CaseDossier.shown(e.getFeeTotal()) + " 元）",
                List.of("姓名", "身份证号", "会费（元）", "会员状态"), rows);
    }

    private static String status(Membership.Status status) {
        return switch (status) {
            case PENDING -> "待生效";
            case ACTIVE -> "有效";
            case CANCELLED -> "已取消";
        };
    }
}
