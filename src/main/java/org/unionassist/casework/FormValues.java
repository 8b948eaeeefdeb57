package org.unionassist.casework;

import org.camunda.bpm.engine.delegate.VariableScope;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.regex.Pattern;

/**
 * Reads form values as Tasklist submits them (strings, numbers and booleans as JSON gives them; dates as ISO text)
 * and refuses missing or malformed ones with a Chinese message naming the field. Every programme reads its required
 * fields here, so "required" means the same on the server as on the form.
 */
public final class FormValues {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2099, 12, 31);
    /** Han characters or letters, runs joined by one middle dot (with optional spaces around it) or by spaces. */
    private static final Pattern PERSON_NAME =
            Pattern.compile("[\\p{L}\\p{IsHan}]+(?:(?: *[·・‧] *| +)[\\p{L}\\p{IsHan}]+)*");
    private static final int NAME_MIN = 2;
    private static final int NAME_MAX = 30;

    private FormValues() {
    }

    public static String text(VariableScope v, String key) {
        Object value = v.getVariable(key);
        return value == null ? null : value.toString();
    }

    public static boolean flag(VariableScope v, String key) {
        Object value = v.getVariable(key);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    /** Free text the form requires: trimmed, at most {@code maxLength} characters. */
    public static String requiredText(VariableScope v, String key, String label, int maxLength) {
        return requiredText(v.getVariable(key), label, maxLength);
    }

    public static String requiredText(Object value, String label, int maxLength) {
        if (isBlank(value)) {
            throw refused("请填写" + label);
        }
        if (!(value instanceof String text)) {
            throw refused(label + "应为文字");
        }
        String trimmed = text.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > maxLength) {
            throw refused(label + "不能超过" + maxLength + "字");
        }
        return trimmed;
    }

    /** A choice the form requires (a select or radio): its code, trimmed; the caller checks it is one it knows. */
    public static String requiredChoice(VariableScope v, String key, String label) {
        Object value = v.getVariable(key);
        if (isBlank(value)) {
            throw refused("请选择" + label);
        }
        return value.toString().strip();
    }

    /** One of a form's options, as its {@link Coded} constant; refused in the field's words when missing or unknown. */
    public static <E extends Enum<E> & Coded> E requiredChoice(VariableScope v, String key, String label,
                                                               Class<E> type) {
        String code = requiredChoice(v, key, label);
        return Coded.find(type, code).orElseThrow(() -> refused(label + "的选项无效，请重新选择"));
    }

    /** A calendar date: the form's date field sends "2026-03-01"; API clients may send a Date or an ISO date-time. */
    public static LocalDate requiredDate(VariableScope v, String key, String label) {
        return requiredDate(v.getVariable(key), label);
    }

    public static LocalDate requiredDate(Object value, String label) {
        if (isBlank(value)) {
            throw refused("请填写" + label);
        }
        LocalDate date;
        if (value instanceof LocalDate d) {
            date = d;
        } else if (value instanceof Date d) {
            date = d.toInstant().atZone(SHANGHAI).toLocalDate();
        } else if (value instanceof String s) {
            date = parseDate(s.strip(), label);
        } else {
            throw invalidDate(label);
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw invalidDate(label);
        }
        return date;
    }

    private static LocalDate parseDate(String text, String label) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text);
            }
            if (text.length() > 10 && text.charAt(10) == 'T') {
                try {
                    return OffsetDateTime.parse(text).atZoneSameInstant(SHANGHAI).toLocalDate();
                } catch (DateTimeParseException noOffset) {
                    return LocalDateTime.parse(text).toLocalDate();
                }
            }
        } catch (DateTimeParseException e) {
            throw invalidDate(label);
        }
        throw invalidDate(label);
    }

    private static UnionAssistException invalidDate(String label) {
        return refused(label + "必须是有效日期（yyyy-MM-dd）");
    }

    /** An amount in yuan the form requires (see {@link Money#fromVariable} for what is accepted). */
    public static BigDecimal requiredMoney(VariableScope v, String key, String label) {
        return requiredMoney(v.getVariable(key), label);
    }

    public static BigDecimal requiredMoney(Object value, String label) {
        if (isBlank(value)) {
            throw refused("请填写" + label);
        }
        return Money.fromVariable(value, label);
    }

    /** A person's name the form requires. */
    public static String personName(VariableScope v, String key, String label) {
        return personName(v.getVariable(key), label);
    }

    /**
     * A person's name: 2–30 Han characters or letters, with a middle dot "·" (names of ethnic minorities and
     * foreigners) or spaces between parts; digits, brackets and other symbols are refused, so a list or a number
     * pasted into a name field never becomes someone's name.
     */
    public static String personName(Object value, String label) {
        if (isBlank(value)) {
            throw refused("请填写" + label);
        }
        String name = value instanceof String s ? s.strip() : value.toString();
        int length = name.codePointCount(0, name.length());
        if (!(value instanceof String) || length < NAME_MIN || length > NAME_MAX
                || !PERSON_NAME.matcher(name).matches() || parsesAsNumber(name)) {
            throw refused(label + "应为" + NAME_MIN + "至" + NAME_MAX
                    + "个汉字或字母（可含间隔号“·”或空格），不能含数字、括号或其他符号");
        }
        return name;
    }

    /** "NaN" and "Infinity" are letters only, yet numbers to every parser downstream. */
    private static boolean parsesAsNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isBlank(Object value) {
        return value == null || value.toString().isBlank();
    }

    private static UnionAssistException refused(String message) {
        return new UnionAssistException(CaseworkError.INVALID_INPUT, message);
    }

    /** A year as a form gives it (2027, "2027", 2027.0), from 2000 to 2100; anything else is refused with the words given. */
    public static int year(Object raw, ErrorCode refusedAs, String refusal) {
        try {
            int year = new BigDecimal(String.valueOf(raw).strip()).intValueExact();
            if (year >= 2000 && year <= 2100) {
                return year;
            }
        } catch (NumberFormatException | ArithmeticException notAYear) {
            // refused below
        }
        throw new UnionAssistException(refusedAs, refusal);
    }
}
