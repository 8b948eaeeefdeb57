package org.unionassist.intake;

import java.util.Arrays;
import java.util.Optional;

/**
 * The programmes an online channel files applications for: the process each one starts and the Tasklist start form
 * whose fields an application carries (the same variable names, validated by the same intake step).
 */
public enum IntakeProgramme {
    HARDSHIP("hardshipVerification", "困难职工认定申请",
            "forms/hardship/hardship-application.form", "applicantIdNumber"),
    MEDICAL_CLAIM("medicalAidClaim", "职工医疗互助理赔申请",
            "forms/medical/medical-claim-application.form", "memberIdNumber"),
    EDUCATION_GRANT("educationGrant", "金秋助学申请",
            "forms/education/education-grant-application.form", "studentIdNumber");

    private final String processKey;
    private final String label;
    private final String startForm;
    private final String applicantIdField;

    IntakeProgramme(String processKey, String label, String startForm, String applicantIdField) {
        this.processKey = processKey;
        this.label = label;
        this.startForm = startForm;
        this.applicantIdField = applicantIdField;
    }

    public String processKey() { return processKey; }
    public String label() { return label; }
    /** The start form on the classpath (deployed with the process). */
    public String startForm() { return startForm; }
    /** The form field with the applicant's ID number (the engine keeps it masked). */
    public String applicantIdField() { return applicantIdField; }

    public static Optional<IntakeProgramme> ofProcessKey(String processKey) {
        return Arrays.stream(values()).filter(p -> p.processKey.equals(processKey)).findFirst();
    }
}
