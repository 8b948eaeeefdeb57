package org.unionassist.casework;

/**
 * A stable error code for API clients. The engine's REST API returns {@code code} with every error; Camunda reserves
 * codes below 20000 for itself, so ours start there. Never renumber: clients depend on them.
 * <p>
 * casework owns the codes every programme shares ({@link CaseworkError}); each programme owns an enum of its own
 * (20100+ blocks per programme, see the programme's {@code *Error}). {@code ErrorCodesTest} keeps them unique.
 */
public interface ErrorCode {

    int code();

    /** The constant's name, sent to API clients as {@code type}. */
    String name();

    /** The HTTP status an API answers this refusal with: 400 unless the code says otherwise. */
    default int httpStatus() {
        return 400;
    }
}
