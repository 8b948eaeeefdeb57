package org.unionassist.medical;

import org.unionassist.casework.ErrorCode;

/** Refusals of 职工医疗互助 (codes kept from before the split; new ones from 20200). */
public enum MedicalError implements ErrorCode {
    ALREADY_ENROLLED(20050, 409),
    NOT_A_MEMBER(20051),
    IN_WAITING_PERIOD(20052),
    CLAIM_TOO_LATE(20053),
    CRITICAL_ILLNESS_ALREADY_CLAIMED(20054, 409),
    CLAIM_AMOUNTS_INCONSISTENT(20055),
    CORRECTION_REASON_REQUIRED(20056),
    OVERLAPPING_STAY(20058, 409);

    private final int code;
    private final int httpStatus;

    MedicalError(int code) {
        this(code, 400);
    }

    MedicalError(int code, int httpStatus) {
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
