package org.unionassist.medical;

import org.unionassist.casework.CaseworkError;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.unionassist.casework.Money;
import org.unionassist.casework.PersonalData;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.organisation.Union;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Set;

/**
 * Claims: the automatic checks before anyone reviews a claim (membership, waiting period, filing deadline, the same
 * stay claimed once, critical illness once a year), the proposed payout and who approves it, corrections by
 * reviewers, and settlement against the annual cap with the member's row locked, so two approvals at the same moment
 * never exceed it together.
 */
@Service
public class MedicalClaims {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /** Claim types paid for the days of a stay or treatment period; critical illness is a one-off benefit. */
    private static final Set<ClaimType> PAID_FOR_DATES = EnumSet.of(ClaimType.INPATIENT, ClaimType.SPECIAL_OUTPATIENT);

    /** Closed without payment: such a claim never blocks a new claim for the same dates. */
    private static final Set<MedicalClaim.Status> CLOSED_UNPAID =
            EnumSet.of(MedicalClaim.Status.REJECTED, MedicalClaim.Status.WITHDRAWN);

    private final MedicalClaimRepository claims;
    private final MembershipRepository memberships;
    private final BenefitRules rules;
    private final MedicalAidProperties properties;
    private final EntityManager entityManager;

    public MedicalClaims(MedicalClaimRepository claims, MembershipRepository memberships, BenefitRules rules,
                         MedicalAidProperties properties, EntityManager entityManager) {
        this.claims = claims;
        this.memberships = memberships;
        this.rules = rules;
        this.properties = properties;
        this.entityManager = entityManager;
    }

    /** Checks a filed (or supplemented) claim and registers it with its proposed payout; refuses with the reason. */
    public MedicalClaim file(String processInstanceId, ClaimData data, Union grassroots, Union district, Union city,
                             LocalDate today) {
        MedicalClaim claim = claims.findByProcessInstanceId(processInstanceId).orElse(null);
        LocalDate filedOn = claim == null ? today : claim.getSubmittedOn();
        Membership membership = coveringMembership(data, grassroots);
        refuseIfLate(data, filedOn);
        if (claim == null) {
            claim = new MedicalClaim(processInstanceId, membership, district.getId(), city.getId(), filedOn);
        } else if (!claim.getIdNumber().equals(data.memberIdNumber())) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "补充材料时不能更换申请职工");
        }
        refuseIfStayClaimed(data, membership, claim);
        if (data.claimType().criticalIllness()) {
            refuseIfCriticalClaimed(data, membership.getPlanYear(), claim);
        }
        claim.update(data, membership);
        propose(claim);
        try {
            MedicalClaim saved = claims.saveAndFlush(claim);
            if (saved.getCaseNumber() == null) {
                saved.header().assignNumber("YL%d%06d".formatted(today.getYear(), saved.getId()));
            }
            return saved;
        } catch (DataIntegrityViolationException raceLost) {
            throw criticalAlreadyClaimed(membership.getPlanYear());
        }
    }

    private Membership coveringMembership(ClaimData data, Union grassroots) {
        int planYear = data.admissionDate().getYear();
        String masked = PersonalData.maskIdNumber(data.memberIdNumber());
        Membership m = memberships.findByIdNumberAndPlanYearAndStatus(data.memberIdNumber(), planYear,
                Membership.Status.ACTIVE).orElseThrow(() -> new UnionAssistException(MedicalError.NOT_A_MEMBER,
                "职工（" + masked + "）在入院（确诊）日期" + day(data.admissionDate()) + "所在的" + planYear
                        + "年度未参加职工医疗互助，不予受理"));
        if (!m.getGrassrootsUnionId().equals(grassroots.getId())) {
            throw new UnionAssistException(MedicalError.NOT_A_MEMBER,
                    "职工（" + masked + "）不是本单位的参保职工：理赔由其参保的基层工会提交");
        }
        if (m.startsAfter(data.admissionDate())) {
            throw new UnionAssistException(MedicalError.NOT_A_MEMBER, "入院（确诊）日期" + day(data.admissionDate())
                    + "早于参保生效日" + day(m.getStartDate()) + "，不予受理");
        }
        if (m.waitingOn(data.admissionDate())) {
            throw new UnionAssistException(MedicalError.IN_WAITING_PERIOD, "入院（确诊）日期" + day(data.admissionDate())
                    + "在免责期内：参保起始日" + day(m.getCoverageSince()) + "起" + properties.waitingPeriodDays()
                    + "天（至" + day(m.getCoveredFrom().minusDays(1)) + "）内入院的不予赔付");
        }
        return m;
    }

    private void refuseIfLate(ClaimData data, LocalDate filedOn) {
        LocalDate deadline = properties.claimDeadlineFor(data.dischargeDate().getYear());
        if (filedOn.isAfter(deadline)) {
            throw new UnionAssistException(MedicalError.CLAIM_TOO_LATE, "超过申请期限：" + day(data.dischargeDate())
                    + "出院的理赔须在" + day(deadline) + "前提出，本申请提交于" + day(filedOn) + "，不予受理");
        }
    }

    /**
     * The same stay is paid once: an inpatient (or special-outpatient) claim whose dates share a day with another claim
     * of the same type for the same member (by ID number, so across plan years too) is refused while that claim is in
     * review (including returned for supplement) or approved. A rejected or withdrawn claim does not count, so the
     * member may file again; nor do claims of another type (a critical illness diagnosed during a stay is a one-off
     * benefit, not a payment for the stay). The member's row is locked first, so the same stay filed twice at the
     * same moment is checked one after the other.
     */
    private void refuseIfStayClaimed(ClaimData data, Membership membership, MedicalClaim self) {
        if (!PAID_FOR_DATES.contains(data.claimType())) {
            return;
        }
        entityManager.refresh(membership, LockModeType.PESSIMISTIC_WRITE);
        claims.findOverlappingStays(data.memberIdNumber(), data.claimType(), data.admissionDate(),
                data.dischargeDate(), CLOSED_UNPAID, self.getProcessInstanceId()).stream().findFirst()
                .ifPresent(earlier -> {
                    String what = earlier.getClaimType() == ClaimType.INPATIENT ? "同一次住院" : "同一期间的门诊特殊病费用";
                    throw new UnionAssistException(MedicalError.OVERLAPPING_STAY, "该职工" + day(earlier.getAdmissionDate())
                            + "至" + day(earlier.getDischargeDate()) + "的" + earlier.getClaimType().label()
                            + "已有理赔申请（案件号 " + earlier.getCaseNumber() + "，" + earlier.getStatus().label()
                            + "），" + what + "不能重复申请");
                });
    }

    private void refuseIfCriticalClaimed(ClaimData data, int planYear, MedicalClaim self) {
        claims.findByCriticalKey(Membership.keyOf(data.memberIdNumber(), planYear))
                .filter(other -> !other.getProcessInstanceId().equals(self.getProcessInstanceId()))
                .ifPresent(other -> {
                    throw criticalAlreadyClaimed(planYear);
                });
    }

    private static UnionAssistException criticalAlreadyClaimed(int planYear) {
        return new UnionAssistException(MedicalError.CRITICAL_ILLNESS_ALREADY_CLAIMED,
                "该职工" + planYear + "年度已申请过重大疾病互助（每个保障年度限一次），不予受理");
    }

    /**
     * A reviewer changes the critical-illness grade or corrects the self-paid amount, with a reason; the payout and
     * the approval level are computed again.
     */
    public boolean correct(MedicalClaim claim, ClaimType newType, BigDecimal newSelfPaid, String reason) {
        ClaimType type = newType == null ? claim.getClaimType() : newType;
        BigDecimal selfPaid = newSelfPaid == null ? claim.getSelfPaid() : newSelfPaid;
        if (type == claim.getClaimType() && selfPaid.compareTo(claim.getSelfPaid()) == 0) {
            return false;
        }
        if (type != claim.getClaimType() && !(type.criticalIllness() && claim.getClaimType().criticalIllness())) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "审核时只能调整重大疾病的轻症/重症等级，不能改变理赔类型");
        }
        if (selfPaid.compareTo(claim.getTotalCost()) > 0) {
            throw new UnionAssistException(MedicalError.CLAIM_AMOUNTS_INCONSISTENT,
                    "核定的个人自付金额不能超过医疗总费用（" + claim.getTotalCost().toPlainString() + "元）");
        }
        if (reason == null || reason.isBlank()) {
            throw new UnionAssistException(MedicalError.CORRECTION_REASON_REQUIRED, "调整重大疾病等级或核定金额必须填写理由");
        }
        claim.corrected(type, selfPaid, reason.strip());
        propose(claim);
        claims.saveAndFlush(claim);
        return true;
    }

    private void propose(MedicalClaim claim) {
        PayoutBreakdown breakdown = compute(claim, claim.getMembership());
        claim.proposed(breakdown, rules.approvalLevel(claim.getClaimType(), breakdown.payout()));
    }

    private PayoutBreakdown compute(MedicalClaim claim, Membership m) {
        return ClaimPayout.compute(claim.getClaimType(), claim.getSelfPaid(), rules.of(claim.getClaimType()),
                m.getApprovedTotal(), paidOfType(claim, m), properties.annualCap());
    }

    private BigDecimal paidOfType(MedicalClaim claim, Membership m) {
        return Money.yuan(claims.approvedOfType(m, claim.getClaimType(), MedicalClaim.Status.APPROVED));
    }

    /**
     * Final approval: locks the member's row (a second settlement at the same moment waits here), computes the payout
     * against what has been approved so far, and adds it to the member's totals. A payout of 0.00 (the annual cap
     * used up meanwhile by another claim of the member settled first) changes nothing: the caller closes the claim.
     */
    public PayoutBreakdown settle(MedicalClaim claim, LocalDate today) {
        Membership m = claim.getMembership();
        entityManager.refresh(m, LockModeType.PESSIMISTIC_WRITE);
        PayoutBreakdown breakdown = compute(claim, m);
        if (breakdown.payout().signum() == 0) {
            return breakdown;
        }
        m.addApproved(breakdown.payout());
        claim.approved(breakdown.payout(), breakdown.describe(), today);
        entityManager.flush();
        return breakdown;
    }

    /**
     * The one rule on zero: an approval must pay something. Checked where an approver decides (on the proposed
     * payout); at settlement a payout used up meanwhile by another claim closes the claim instead.
     */
    public static void requirePayable(BigDecimal payout) {
        if (payout.signum() == 0) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT,
                    "按规则测算本案赔付为0元，不能同意赔付：请选择不予赔付并说明理由");
        }
    }

    public void close(MedicalClaim claim, MedicalClaim.Status outcome, LocalDate today) {
        claim.closed(outcome, today);
    }

    public MedicalClaim byProcessInstance(String processInstanceId) {
        return claims.findByProcessInstanceId(processInstanceId)
                .orElseThrow(() -> new UnionAssistException(CaseworkError.CASE_NOT_FOUND, "找不到该理赔案件"));
    }

    static String day(LocalDate date) {
        return date.format(CHINESE_DATE);
    }
}
