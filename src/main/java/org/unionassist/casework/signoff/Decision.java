package org.unionassist.casework.signoff;

import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.UnionAssistException;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a person decided at a step. The code is what forms submit and gateways test ({@code ${decision == 'approve'}});
 * the label is what an auditor reads. Decisions that turn a case back or down require an opinion.
 * <p>
 * The decisions every programme's steps use are here; a programme declares its own with {@link #declare} in a class
 * of its own (hardship's {@code keep}, {@code close}…, medical's {@code settle}…), which its sign-off policy loads. The
 * audit table stores a decision by its {@link #name()} ({@code NOTICE_PASSED}), as it always has.
 */
public final class Decision {

    private static final Map<String, Decision> BY_CODE = new ConcurrentHashMap<>();

    public static final Decision SUBMIT = declare("submit", "提交", false);
    public static final Decision RESUBMIT = declare("resubmit", "补充后重新提交", false);
    public static final Decision APPROVE = declare("approve", "同意", false);
    public static final Decision REJECT = declare("reject", "不同意（驳回）", true);
    public static final Decision RETURN = declare("return", "退回补充", true);
    public static final Decision WITHDRAW = declare("withdraw", "撤回申请", true);
    public static final Decision AGREE = declare("agree", "赞成", false);
    public static final Decision DISAGREE = declare("disagree", "反对", true);
    // the public notice (公示) of any programme that publishes its approvals
    public static final Decision OBJECTION = declare("objection", "登记异议", true);
    public static final Decision RENOTICE = declare("renotice", "异议不成立，重新公示", true);
    public static final Decision NOTICE_PASSED = declare("noticePassed", "公示期满无异议", false);
    /** An application that came in through an online service channel (the intake API), not from a clerk in Tasklist. */
    public static final Decision ONLINE_INTAKE = declare("onlineIntake", "经线上服务渠道提交", false);

    private final String code;
    private final String label;
    private final boolean opinionRequired;

    private Decision(String code, String label, boolean opinionRequired) {
        this.code = code;
        this.label = label;
        this.opinionRequired = opinionRequired;
    }

    /** A decision with its general wording; declaring a known code again with other words is a programming error. */
    public static Decision declare(String code, String label, boolean opinionRequired) {
        Decision declared = BY_CODE.computeIfAbsent(code, c -> new Decision(c, label, opinionRequired));
        if (!declared.label.equals(label) || declared.opinionRequired != opinionRequired) {
            throw new IllegalStateException("Decision " + code + " is already declared as " + declared.label);
        }
        return declared;
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

    /** The stored name: the code in upper snake case ({@code noticePassed} → {@code NOTICE_PASSED}). */
    public String name() {
        return code.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    public static Decision fromCode(Object raw) {
        if (raw == null || raw.toString().isBlank()) {
            throw new UnionAssistException(CaseworkError.DECISION_MISSING, "请选择审批结论");
        }
        Decision decision = BY_CODE.get(raw.toString());
        if (decision == null) {
            throw new UnionAssistException(CaseworkError.DECISION_NOT_ALLOWED, "无法识别的审批结论：" + raw);
        }
        return decision;
    }

    static Decision fromName(String name) {
        return BY_CODE.values().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Unknown decision " + name
                        + " in the audit trail: is the programme that declares it deployed?"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Decision d && d.code.equals(code);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code);
    }

    @Override
    public String toString() {
        return name();
    }
}
