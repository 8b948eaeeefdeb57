package org.unionassist.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** What the REST tests send: a valid hardship application as the engine REST API takes it, and Basic credentials. */
public final class RestBodies {

    private RestBodies() {
    }

    /** A hardship application for {@code submit-form}, with the applicant's ID number. */
    public static String hardshipApplication(String idNumber) {
        return hardshipApplication(idNumber, null);
    }

    /** The same, with further variables ({@code "name":{"value":…}}, comma-separated) in front. */
    public static String hardshipApplication(String idNumber, String moreVariables) {
        return ("{\"variables\":{" + (moreVariables == null ? "" : moreVariables + ",") + """
                 "applicantName":{"value":"赵敏","type":"String"},
                 "applicantIdNumber":{"value":"%s","type":"String"},
                 "bankCard":{"value":"6222020200112233445","type":"String"},
                 "householdSize":{"value":2,"type":"Integer"},
                 "householdMembers":{"value":"[{\\"memberName\\":\\"赵小敏\\",\\"memberRelation\\":\\"子女\\"}]","type":"Json"},
                 "annualIncome":{"value":18000,"type":"Integer"},
                 "rigidExpenditure":{"value":1200.5,"type":"Double"},
                 "illnessAccidentCost":{"value":0,"type":"Integer"},
                 "hardshipCause":{"value":"illness","type":"String"},
                 "docIdAndHukou":{"value":true,"type":"Boolean"},
                 "docIncomeProof":{"value":true,"type":"Boolean"},
                 "docCauseProof":{"value":true,"type":"Boolean"},
                 "docIncomePledge":{"value":true,"type":"Boolean"},
                 "docDataCheckConsent":{"value":true,"type":"Boolean"}}}""").formatted(idNumber);
    }

    /** HTTP Basic for a demo user (password demo) or the administrator (admin/admin). */
    public static String basic(String user) {
        String password = user.equals("admin") ? "admin" : "demo";
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
