package org.unionassist.hardship;

import org.unionassist.casework.ErrorCode;

/** Refusals of 困难职工认定 (codes kept from before the split; new ones from 20100). */
public enum HardshipError implements ErrorCode {
    HOUSEHOLD_ALREADY_FILED(20010, 409),
    HOUSEHOLD_CASE_IN_PROGRESS(20011, 409),
    OVERRIDE_REASON_REQUIRED(20023),
    PANEL_INVALID(20025),
    INELIGIBLE_CATEGORY(20026),
    FILE_NOT_OPEN(20040, 409);

    private final int code;
    private final int httpStatus;

    HardshipError(int code) {
        this(code, 400);
    }

    HardshipError(int code, int httpStatus) {
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
