package org.unionassist.intake;

import org.unionassist.casework.ErrorCode;

/**
 * Refusals of the intake API for online service channels (block 20800). What the application itself gets wrong is
 * refused by the programme's own intake step, with the programme's code, exactly as on the Tasklist form.
 */
public enum IntakeError implements ErrorCode {
    /** A filing without an {@code Idempotency-Key} header, or with one that is empty, too long or not plain ASCII. */
    IDEMPOTENCY_KEY_MISSING(20800, 400),
    /** The key was used before by this channel for another application (another body or another programme). */
    IDEMPOTENCY_KEY_REUSED(20801, 422),
    /** A user who is not an online channel called the intake API (clerks file in Tasklist). */
    NOT_A_CHANNEL(20802, 403),
    /** An online channel called something other than the intake API (the engine REST API, another /api endpoint). */
    CHANNEL_INTAKE_ONLY(20803, 403),
    /** The channel sent more requests than its rate limit allows; {@code Retry-After} says when to try again. */
    RATE_LIMITED(20804, 429),
    /** No application of this channel under that number (also when another channel filed it). */
    APPLICATION_NOT_FOUND(20805, 404),
    /** The application carries a field that the programme's start form does not have. */
    UNKNOWN_FIELD(20806, 400),
    /** The channel's user is in no channel group or in several: it cannot tell which union it files for. */
    CHANNEL_NOT_BOUND(20807, 403);

    private final int code;
    private final int httpStatus;

    IntakeError(int code, int httpStatus) {
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
