package org.unionassist.payment;

import org.unionassist.casework.ErrorCode;

/** Refusals of disbursements and payments (new ones from 20300). */
public enum PaymentError implements ErrorCode {
    NOT_A_PAYER(20060, 403),
    /** Two orders for the same payee and purpose met inside one transaction: the retry finds the first. */
    ORDERED_CONCURRENTLY(20300, 409);

    private final int code;
    private final int httpStatus;

    PaymentError(int code) {
        this(code, 400);
    }

    PaymentError(int code, int httpStatus) {
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
