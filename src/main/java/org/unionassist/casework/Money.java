package org.unionassist.casework;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Yuan amounts: BigDecimal with 2 decimals, rounded half-up once at the end of a computation. */
public final class Money {

    /** Amounts are stored as numeric(14, 2): anything from a trillion yuan up is a typing or pasting error. */
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    private Money() {
    }

    public static BigDecimal yuan(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Reads an amount as Tasklist submits it (Integer, Long, Double or String) without passing through binary
     * floating point: a Double is read from its decimal string.
     */
    public static BigDecimal fromVariable(Object raw, String chineseFieldName) {
        if (raw == null || (raw instanceof String s && s.isBlank())) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, chineseFieldName + "不能为空");
        }
        BigDecimal value;
        try {
            if (raw instanceof BigDecimal b) {
                value = b;
            } else if (raw instanceof Integer || raw instanceof Long) {
                value = BigDecimal.valueOf(((Number) raw).longValue());
            } else {
                value = new BigDecimal(raw.toString().trim());
            }
        } catch (NumberFormatException e) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, chineseFieldName + "必须是金额数字");
        }
        if (value.signum() < 0) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, chineseFieldName + "不能为负数");
        }
        if (value.compareTo(LIMIT) >= 0) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, chineseFieldName + "数额过大，请核对");
        }
        if (value.scale() > 2 && value.stripTrailingZeros().scale() > 2) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, chineseFieldName + "最多保留两位小数（元、角、分）");
        }
        return yuan(value);
    }

    /** A whole count such as household size or months, as Tasklist submits it. */
    public static int countFromVariable(Object raw, String chineseFieldName, int minimum) {
        if (raw == null || (raw instanceof String s && s.isBlank())) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, chineseFieldName + "不能为空");
        }
        BigDecimal value;
        try {
            value = raw instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(raw.toString().trim());
        } catch (NumberFormatException e) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, chineseFieldName + "必须是整数");
        }
        if (value.stripTrailingZeros().scale() > 0) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, chineseFieldName + "必须是整数");
        }
        if (value.compareTo(BigDecimal.valueOf(minimum)) < 0) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, chineseFieldName + "不能小于" + minimum);
        }
        if (value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, chineseFieldName + "过大，请核对");
        }
        return value.intValueExact();
    }
}
