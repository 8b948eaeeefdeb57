package org.unionassist.casework.lists;

import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.ErrorCode;

/**
 * A cell a column's parser cannot accept. The reason follows the column's label in the refusal ("无效：…",
 * "不能为空"), so it never repeats the raw cell: the cell may be an ID number.
 */
public class CellRefused extends RuntimeException {

    private final transient ErrorCode errorCode;

    public CellRefused(String reason) {
        this(CaseworkError.INVALID_INPUT, reason);
    }

    public CellRefused(ErrorCode errorCode, String reason) {
        super(reason, null, false, false);
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }
}
