package org.unionassist.payment;

import org.unionassist.casework.ErrorCode;

/** Refusals of disbursements, payment batches and the bank's files (20060, then 20300 to 20399). */
public enum PaymentError implements ErrorCode {
    NOT_A_PAYER(20060, 403),
    /** Two orders for the same payee and purpose met inside one transaction: the retry finds the first. */
    ORDERED_CONCURRENTLY(20300, 409),
    /** No pending disbursement of the chosen programmes is free to join a batch. */
    NOTHING_TO_PAY(20301),
    /** Another batch took some of the same disbursements at the same moment (the open-batch key refused them). */
    BATCHED_CONCURRENTLY(20302, 409),
    /** The two-person rule: whoever prepared or submitted a batch never approves it. */
    SAME_PERSON(20303, 403),
    /** The batch cannot end before the bank has answered every line. */
    RESULTS_MISSING(20304),
    /** The bank file exists only for an approved batch, and results are imported only into one. */
    BATCH_NOT_APPROVED(20305, 409),
    /** The bank's file says something else about a line it already answered. */
    RESULT_CONFLICT(20306, 409),
    /** A line of the bank's file that does not match the batch (reference, card or amount). */
    RESULT_MISMATCH(20307),
    /** Only a failed disbursement is re-issued, and only once. */
    NOT_REISSUABLE(20308, 409),
    /** A re-issue needs a corrected card, not the one the bank refused. */
    CARD_NOT_CORRECTED(20309),
    BATCH_NOT_FOUND(20310, 404),
    DISBURSEMENT_NOT_FOUND(20311, 404);

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
