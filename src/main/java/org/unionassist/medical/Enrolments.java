package org.unionassist.medical;

import org.unionassist.casework.CaseworkError;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.unionassist.casework.FormValues;
import org.unionassist.casework.PersonalData;
import org.unionassist.casework.Refusals;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.organisation.Union;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Enrolment lists and the memberships they create: registered when a grassroots clerk submits the list (each worker
 * validated, no worker twice for the same plan year), activated when the district confirms, cancelled when the list
 * is rejected or withdrawn. Every line to correct is named in one refusal, and a refused list stores nothing.
 */
@Service
public class Enrolments {

    private final EnrolmentRepository enrolments;
    private final MembershipRepository memberships;
    private final MedicalAidProperties properties;

    public Enrolments(EnrolmentRepository enrolments, MembershipRepository memberships,
                      MedicalAidProperties properties) {
        this.enrolments = enrolments;
        this.memberships = memberships;
        this.properties = properties;
    }

    /** Registers (or, after a correction, replaces) the list of an enrolment process. */
    public Enrolment register(String processInstanceId, int planYear, List<RosterEntry> roster, Union grassroots,
                              Union district, Union city, LocalDate today) {
        if (planYear != today.getYear() && planYear != today.getYear() + 1) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT,
                    "保障年度只能是本年度（" + today.getYear() + "）或下一年度（" + (today.getYear() + 1) + "）");
        }
        if (roster.isEmpty()) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "参保名单为空：请逐个录入或粘贴名单");
        }
        Enrolment enrolment = enrolments.findByProcessInstanceId(processInstanceId).orElse(null);
        if (enrolment == null) {
            enrolment = new Enrolment(processInstanceId, planYear, grassroots.getId(), district.getId(), city.getId(),
                    today);
        } else {
            enrolment.replaceRoster(planYear);
            enrolments.saveAndFlush(enrolment);
        }
        Set<String> seen = new HashSet<>();
        Refusals refusals = new Refusals("参保名单");
        Enrolment list = enrolment;
        for (RosterEntry entry : roster) {
            refusals.attempt(() -> {
                String name = FormValues.personName(entry.name(), entry.source() + "的姓名");
                String id = PersonalData.requireValidIdNumber(entry.idNumber(), entry.source() + " " + name + " 的",
                        today);
                if (!seen.add(id)) {
                    throw new UnionAssistException(MedicalError.ALREADY_ENROLLED,
                            entry.source() + "：" + name + "（" + PersonalData.maskIdNumber(id) + "）在名单中重复");
                }
                refuseIfEnrolled(name, id, planYear);
                return new Membership(list, name, id, properties.feePerMember());
            }).ifPresent(membership -> list.add(membership, properties.feePerMember()));
        }
        refusals.throwIfAny();
        try {
            Enrolment saved = enrolments.saveAndFlush(enrolment);
            if (saved.getCaseNumber() == null) {
                saved.header().assignNumber("CB%d%06d".formatted(planYear, saved.getId()));
            }
            return saved;
        } catch (DataIntegrityViolationException raceLost) {
            // the same worker was enrolled for this plan year by another list at the same moment
            throw new UnionAssistException(MedicalError.ALREADY_ENROLLED, "名单中有职工已参加" + planYear + "年度职工医疗互助，不能重复参保");
        }
    }

    private void refuseIfEnrolled(String name, String id, int planYear) {
        memberships.findByEnrolledKey(Membership.keyOf(id, planYear)).ifPresent(existing -> {
            throw new UnionAssistException(MedicalError.ALREADY_ENROLLED,
                    name + "（" + PersonalData.maskIdNumber(id) + "）已在" + planYear + "年度参保名单"
                            + existing.getEnrolment().getCaseNumber() + "中，同一保障年度不能重复参保");
        });
    }

    /**
     * The district confirmed: cover starts on 1 January of the plan year, or on the confirmation day when that is
     * later. A worker who was a member the year before renews without a gap and keeps the original start date.
     */
    public void confirm(Enrolment enrolment, LocalDate today) {
        LocalDate yearStart = LocalDate.of(enrolment.getPlanYear(), 1, 1);
        LocalDate start = today.isAfter(yearStart) ? today : yearStart;
        for (Membership m : enrolment.getMemberships()) {
            if (m.getStatus() != Membership.Status.PENDING) {
                continue;
            }
            Membership previous = memberships.findByIdNumberAndPlanYearAndStatus(m.getIdNumber(),
                    enrolment.getPlanYear() - 1, Membership.Status.ACTIVE).orElse(null);
            m.activate(start, previous, properties.waitingPeriodDays());
        }
        enrolment.confirmed(today);
    }

    public void close(Enrolment enrolment, Enrolment.Status outcome) {
        enrolment.closed(outcome);
    }

    public Enrolment byProcessInstance(String processInstanceId) {
        return enrolments.findByProcessInstanceId(processInstanceId)
                .orElseThrow(() -> new UnionAssistException(CaseworkError.CASE_NOT_FOUND, "找不到该参保名单"));
    }
}
