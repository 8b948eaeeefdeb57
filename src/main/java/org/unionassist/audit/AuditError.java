package org.unionassist.audit;

import org.unionassist.casework.ErrorCode;

/** Refusals of the auditors' workspace (codes from 20500). */
public enum AuditError implements ErrorCode {
    /** A search export would hold more rows than {@code union-assist.audit.export-max-rows}: narrow the filters. */
    EXPORT_TOO_LARGE(20500, 400);

    private final int code;
    private final int httpStatus;

    AuditError(int code, int httpStatus) {
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
