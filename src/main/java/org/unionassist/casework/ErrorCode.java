package org.unionassist.casework;

/**
 * Stable error codes for API clients. The engine's REST API returns {@code code} with every error; Camunda reserves
 * codes below 20000 for itself, so ours start there. Never renumber: clients depend on them.
 */
public enum ErrorCode {
    INVALID_INPUT(20001),
    INVALID_ID_NUMBER(20002),
    INVALID_BANK_CARD(20003),
    HOUSEHOLD_ALREADY_FILED(20010),
    HOUSEHOLD_CASE_IN_PROGRESS(20011),
    DECISION_MISSING(20020),
    DECISION_NOT_ALLOWED(20021),
    OPINION_REQUIRED(20022),
    OVERRIDE_REASON_REQUIRED(20023),
    NOT_ASSIGNED_VOTER(20024),
    PANEL_INVALID(20025),
    INELIGIBLE_CATEGORY(20026),
    SIGNER_UNKNOWN(20027),
    NOT_A_GRASSROOTS_CLERK(20030),
    WITHDRAWAL_TOO_LATE(20031),
    NOT_AUTHORIZED(20032),
    CASE_NOT_FOUND(20033),
    FILE_NOT_OPEN(20040),
    ALREADY_ENROLLED(20050),
    NOT_A_MEMBER(20051),
    IN_WAITING_PERIOD(20052),
    CLAIM_TOO_LATE(20053),
    CRITICAL_ILLNESS_ALREADY_CLAIMED(20054),
    CLAIM_AMOUNTS_INCONSISTENT(20055),
    CORRECTION_REASON_REQUIRED(20056),
    DOCUMENTS_MISSING(20057),
    OVERLAPPING_STAY(20058),
    NOT_A_PAYER(20060),
    NOT_AN_OPERATOR(20061),
    NOTICE_NOT_RUNNING(20062),
    VOTE_NOT_YOURS(20063);

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
