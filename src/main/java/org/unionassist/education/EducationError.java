package org.unionassist.education;

import org.unionassist.casework.ErrorCode;

/** Refusals of 金秋助学 (block 20600). */
public enum EducationError implements ErrorCode {
    OUTSIDE_WINDOW(20600),
    NOT_ELIGIBLE(20601),
    HOUSEHOLD_NOT_ELIGIBLE(20602),
    TEMPORARY_CAUSE_REQUIRED(20603),
    TEMPORARY_HARDSHIP_NOT_CONFIRMED(20604),
    ALREADY_APPLIED(20605, 409),
    QUOTA_NOT_SET(20606, 409),
    QUOTA_EXHAUSTED(20607, 409),
    QUOTA_BELOW_GRANTED(20608, 409),
    NOTHING_TO_DECIDE(20609, 409),
    SITTING_LIST_CHANGED(20610),
    NOT_A_DISTRICT_CLERK(20611, 403);

    private final int code;
    private final int httpStatus;

    EducationError(int code) {
        this(code, 400);
    }

    EducationError(int code, int httpStatus) {
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
