package org.unionassist.medical;

/** Which union gives a claim its final approval, as the DMN table decides. */
public enum ApprovalLevel {
    DISTRICT("district", "区总工会审批"),
    CITY("city", "报市总工会医疗审核审批");

    private final String code;
    private final String label;

    ApprovalLevel(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    static ApprovalLevel fromCode(Object raw) {
        for (ApprovalLevel level : values()) {
            if (level.code.equals(String.valueOf(raw))) {
                return level;
            }
        }
        throw new IllegalStateException("medicalAidApprovalLevel returned " + raw);
    }
}
