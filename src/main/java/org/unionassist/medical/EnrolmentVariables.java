package org.unionassist.medical;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.unionassist.casework.PersonalData;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** An enrolment list as forms show it: the workers with masked ID numbers, the count and the fees. */
final class EnrolmentVariables {

    private EnrolmentVariables() {
    }

    static void publish(VariableScope scope, Enrolment e) {
        List<Membership> listed = current(e);
        scope.setVariable("caseNumber", e.getCaseNumber());
        // a list has no applicant: Tasklist cards show it under 名单
        scope.setVariable("rosterTitle", e.getPlanYear() + "年度参保名单（" + e.getMemberCount() + "人）");
        scope.setVariable("planYearShown", String.valueOf(e.getPlanYear()));
        scope.setVariable("memberCount", e.getMemberCount());
        scope.setVariable("feeTotal", e.getFeeTotal().toPlainString());
        scope.setVariable("rosterShown", listed.stream()
                .map(m -> m.getWorkerName() + "  " + PersonalData.maskIdNumber(m.getIdNumber()) + statusOf(m))
                .collect(Collectors.joining("\n")));
    }

    private static String statusOf(Membership m) {
        return m.getStatus() == Membership.Status.ACTIVE
                ? "  生效日 " + m.getStartDate() + "，免责期至 " + m.getWaitingPeriodLastDay() : "";
    }

    private static List<Membership> current(Enrolment e) {
        return e.getMemberships().stream().filter(m -> m.getStatus() != Membership.Status.CANCELLED).toList();
    }

    static Map<String, Object> snapshot(Enrolment e) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("enrolmentNumber", e.getCaseNumber());
        s.put("planYear", e.getPlanYear());
        s.put("memberCount", e.getMemberCount());
        s.put("feeTotal", e.getFeeTotal());
        s.put("members", current(e).stream()
                .map(m -> m.getWorkerName() + " " + PersonalData.maskIdNumber(m.getIdNumber())).toList());
        return s;
    }
}
