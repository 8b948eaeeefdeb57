package org.unionassist.operations;

import org.unionassist.casework.ErrorCode;

/** Refusals of the operators' own endpoints (new ones from 20400). */
public enum OperationsError implements ErrorCode {
    /** The online backup endpoint copies the embedded H2 database; PostgreSQL is backed up with pg_dump. */
    BACKUP_ONLY_ON_H2(20400, 409);

    private final int code;
    private final int httpStatus;

    OperationsError(int code, int httpStatus) {
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
