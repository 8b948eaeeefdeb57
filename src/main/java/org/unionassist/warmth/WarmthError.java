package org.unionassist.warmth;

import org.unionassist.casework.ErrorCode;

/** Refusals of 两节送温暖 (block 20700). */
public enum WarmthError implements ErrorCode {
    PLAN_INVALID(20700),
    OVER_BUDGET(20701, 409),
    BELOW_COMMITTED(20702, 409),
    OVER_ALLOCATION(20703, 409),
    OVER_RECIPIENT_QUOTA(20704, 409),
    FINDING_UNRESOLVED(20705),
    LIST_NOT_OPEN(20706, 409),
    EMPTY_LIST(20707),
    VISITS_INCOMPLETE(20708),
    UNKNOWN_RECIPIENT(20709),
    PHONE_BACK_INCOMPLETE(20710),
    NOT_FOUND(20711, 404);

    private final int code;
    private final int httpStatus;

    WarmthError(int code) {
        this(code, 400);
    }

    WarmthError(int code, int httpStatus) {
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
