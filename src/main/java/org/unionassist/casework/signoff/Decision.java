package org.unionassist.casework.signoff;

import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.UnionAssistException;

/**
 * What a person decided at a step. The code is what forms submit and gateways test ({@code ${decision == 'approve'}});
 * the label is what an auditor reads. Decisions that turn a case back or down require an opinion.
 */
public enum Decision {
    SUBMIT("submit", "提交", false),
    RESUBMIT("resubmit", "补充后重新提交", false),
    APPROVE("approve", "同意", false),
    REJECT("reject", "不同意（驳回）", true),
    RETURN("return", "退回补充", true),
    WITHDRAW("withdraw", "撤回申请", true),
    AGREE("agree", "赞成", false),
    DISAGREE("disagree", "反对", true),
    OBJECTION("objection", "登记异议", true),
    RENOTICE("renotice", "异议不成立，重新公示", true),
    NOTICE_PASSED("noticePassed", "公示期满无异议", false),
    KEEP("keep", "维持档案", false),
    RECATEGORISE("recategorise", "调整困难类别", true),
    CLOSE("close", "退出帮扶（关闭档案）", true),
    FILE("file", "建档", false),
    CONFIRM("confirm", "确认参保名单生效", false),
    SETTLE("settle", "核定赔付并生成付款", false);

    private final String code;
    private final String label;
    private final boolean opinionRequired;

    Decision(String code, String label, boolean opinionRequired) {
        this.code = code;
        this.label = label;
        this.opinionRequired = opinionRequired;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public boolean opinionRequired() {
        return opinionRequired;
    }

    public static Decision fromCode(Object raw) {
        if (raw == null || raw.toString().isBlank()) {
            throw new UnionAssistException(CaseworkError.DECISION_MISSING, "请选择审批结论");
        }
        for (Decision d : values()) {
            if (d.code.equals(raw.toString())) {
                return d;
            }
        }
        throw new UnionAssistException(CaseworkError.DECISION_NOT_ALLOWED, "无法识别的审批结论：" + raw);
    }
}
