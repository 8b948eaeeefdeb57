package org.unionassist.education;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.Coded;
import org.unionassist.casework.FormValues;
import org.unionassist.casework.PersonalData;
import org.unionassist.casework.UnionAssistException;

import java.time.LocalDate;

/**
 * A 金秋助学 application as the grassroots clerk entered it, validated field by field (ID numbers and card checked,
 * choices from the form's options). Eligibility by placement and other funding is {@link #requireEligible}; the
 * household's standing is not here: it comes from the hardship files.
 */
public record GrantApplication(String studentName, String studentIdNumber, Relationship relationship,
                               String workerName, String workerIdNumber, String bankCard, String schoolName,
                               GrantLevel level, int yearOfStudy, ProofKind proofKind, Placement placement,
                               String otherFundingBody, String temporaryCause) {

    public static GrantApplication from(VariableScope v, LocalDate today) {
        String studentName = FormValues.personName(v, "studentName", "学生姓名");
        String studentId = PersonalData.requireValidIdNumber(FormValues.text(v, "studentIdNumber"), "学生", today);
        Relationship relationship = FormValues.requiredChoice(v, "relationship", "与职工关系", Relationship.class);
        String workerName = FormValues.personName(v, "workerName", "职工姓名");
        String workerId = PersonalData.requireValidIdNumber(FormValues.text(v, "workerIdNumber"), "职工", today);
        if (studentId.equals(workerId)) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "学生与职工的身份证号不能相同");
        }
        String card = PersonalData.requireValidBankCard(FormValues.text(v, "bankCard"));
        String school = FormValues.requiredText(v, "schoolName", "就读学校", 100);
        GrantLevel level = FormValues.requiredChoice(v, "level", "就读层次", GrantLevel.class);
        int year = yearOfStudy(v.getVariable("yearOfStudy"));
        ProofKind proof = FormValues.requiredChoice(v, "proofKind", "入学或在读证明", ProofKind.class);
        if (!FormValues.flag(v, "proofChecked")) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "请查验录取通知书或在读证明原件后勾选“已查验”");
        }
        Placement placement = FormValues.requiredChoice(v, "placement", "招生类型", Placement.class);
        String fundedBy = null;
        if (FormValues.flag(v, "otherFunding")) {
            String body = FormValues.text(v, "otherFundingBody");
            fundedBy = body == null || body.isBlank() ? "（未写明资助方）" : body.strip();
        }
        String cause = FormValues.text(v, "temporaryHardshipCause");
        if (cause != null && cause.strip().length() > 500) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "临时困难原因不能超过500字");
        }
        return new GrantApplication(studentName, studentId, relationship, workerName, workerId, card, school, level,
                year, proof, placement, fundedBy, cause == null || cause.isBlank() ? null : cause.strip());
    }

    private static int yearOfStudy(Object raw) {
        if (raw == null || raw.toString().isBlank()) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "请填写年级（第几学年）");
        }
        try {
            int year = new java.math.BigDecimal(raw.toString().strip()).intValueExact();
            if (year >= 1 && year <= 8) {
                return year;
            }
        } catch (NumberFormatException | ArithmeticException notWhole) {
            // refused below
        }
        throw new UnionAssistException(CaseworkError.INVALID_INPUT, "年级（第几学年）须为1至8的整数");
    }

    /** Military academies, fee-free teacher training, tied placements and students another body funds are refused. */
    public void requireEligible() {
        if (placement != Placement.NONE) {
            throw new UnionAssistException(EducationError.NOT_ELIGIBLE, placement.refusal());
        }
        if (otherFundingBody != null) {
            throw new UnionAssistException(EducationError.NOT_ELIGIBLE,
                    "该学生已获得其他单位或组织资助（" + otherFundingBody + "），不再重复资助");
        }
    }

    /** 与职工关系. */
    public enum Relationship implements Coded {
        CHILD("child", "子女"), STEPCHILD("stepchild", "继子女"), ADOPTED("adopted", "养子女");

        private final String code;
        private final String label;

        Relationship(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override public String code() { return code; }
        @Override public String label() { return label; }
    }

    /** 入学或在读证明. */
    public enum ProofKind implements Coded {
        ADMISSION("admission", "录取通知书"), ENROLMENT("enrolment", "学籍在读证明");

        private final String code;
        private final String label;

        ProofKind(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override public String code() { return code; }
        @Override public String label() { return label; }
    }

    /** 招生类型: the three kinds of place the state already pays for are outside the programme. */
    public enum Placement implements Coded {
        NONE("none", "普通招生", null),
        MILITARY("military", "军事院校", "就读军事院校的学生由国家供给，不属于金秋助学资助范围"),
        FREE_TEACHER("freeTeacher", "公费师范生", "公费师范生已免除学费、住宿费并补助生活费，不属于金秋助学资助范围"),
        TIED("tied", "定向培养", "定向培养的学生由定向单位资助，不属于金秋助学资助范围");

        private final String code;
        private final String label;
        private final String refusal;

        Placement(String code, String label, String refusal) {
            this.code = code;
            this.label = label;
            this.refusal = refusal;
        }

        @Override public String code() { return code; }
        @Override public String label() { return label; }

        String refusal() {
            return refusal;
        }
    }
}
