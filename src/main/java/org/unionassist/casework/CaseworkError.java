package org.unionassist.casework;

/** Refusals every programme shares: input, sign-off rules, who may act, and requests the API cannot serve. */
public enum CaseworkError implements ErrorCode {
    INVALID_INPUT(20001),
    INVALID_ID_NUMBER(20002),
    INVALID_BANK_CARD(20003),
    /** A request whose body, parameters or types the API cannot read. */
    MALFORMED_REQUEST(20004),
    DECISION_MISSING(20020),
    DECISION_NOT_ALLOWED(20021),
    OPINION_REQUIRED(20022),
    /** A step's document checklist has a required item unticked (code kept from the medical programme). */
    DOCUMENTS_MISSING(20057),
    NOT_ASSIGNED_VOTER(20024, 403),
    SIGNER_UNKNOWN(20027, 401),
    NOT_A_GRASSROOTS_CLERK(20030, 403),
    WITHDRAWAL_TOO_LATE(20031, 409),
    NOT_AUTHORIZED(20032, 403),
    CASE_NOT_FOUND(20033, 404),
    NOT_AN_OPERATOR(20061, 403),
    NOTICE_NOT_RUNNING(20062, 409),
    VOTE_NOT_YOURS(20063, 403),
    /** A client sent a variable that only the case record sets (unions, initiator, case number, category…). */
    PROTECTED_VARIABLE(20064, 403),
    /** Someone else completed or changed the task or case a moment earlier (a lost optimistic-locking race). */
    CHANGED_BY_SOMEONE_ELSE(20065, 409),
    /** The task, case, job or definition named in the request does not exist (any more). */
    NOT_FOUND(20066, 404);

    private final int code;
    private final int httpStatus;

    CaseworkError(int code) {
        this(code, 400);
    }

    CaseworkError(int code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
