package org.unionassist.casework;

import org.camunda.bpm.engine.delegate.VariableScope;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;

/**
 * Reads form values as Tasklist submits them (strings, numbers and booleans as JSON gives them; dates as ISO text)
 * and refuses missing or malformed ones with a Chinese message naming the field.
 */
public final class FormValues {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private FormValues() {
    }

    public static String requiredText(VariableScope v, String key, String label, int maxLength) {
        String value = text(v, key);
        if (value == null || value.isBlank()) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, label + "不能为空");
        }
        if (value.trim().length() > maxLength) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, label + "不能超过" + maxLength + "字");
        }
        return value.trim();
    }

    public static String text(VariableScope v, String key) {
        Object value = v.getVariable(key);
        return value == null ? null : value.toString();
    }

    public static boolean flag(VariableScope v, String key) {
        Object value = v.getVariable(key);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    /** A calendar date: the form's date field sends "2026-03-01"; API clients may send a Date. */
    public static LocalDate requiredDate(VariableScope v, String key, String label) {
        Object value = v.getVariable(key);
        if (value == null || value.toString().isBlank()) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, label + "不能为空");
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof Date d) {
            return d.toInstant().atZone(SHANGHAI).toLocalDate();
        }
        String text = value.toString().trim();
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, label + "应为日期，格式如 2026-03-01");
        }
    }
}
