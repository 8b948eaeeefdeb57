package org.unionassist.education;

import org.unionassist.casework.Coded;
import org.unionassist.casework.signoff.Decision;

/** What a district sitting decides for one application, in the sitting form's words. */
public enum SittingDecision implements Coded {
    APPROVE("approve", "同意资助，进入公示", Decision.APPROVE),
    RETURN("return", "退回基层工会补充", Decision.RETURN),
    REJECT("reject", "不予资助", Decision.REJECT);

    private final String code;
    private final String label;
    private final Decision decision;

    SittingDecision(String code, String label, Decision decision) {
        this.code = code;
        this.label = label;
        this.decision = decision;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    Decision decision() {
        return decision;
    }

    boolean needsOpinion() {
        return this != APPROVE;
    }
}
