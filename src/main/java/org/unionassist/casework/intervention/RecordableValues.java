package org.unionassist.casework.intervention;

import org.unionassist.casework.ShanghaiClock;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What of a variable's value may go into the intervention trail. Sensitive personal information (ID numbers, bank
 * cards, diagnoses, phone numbers, and the lists that carry them) is never stored: only the variable's name and
 * {@value #NOT_RECORDED}. Other values are kept as text when they are simple (text, number, date, yes/no), with any
 * run of digits as long as an ID number or bank card masked in case one was typed into a free-text field.
 */
final class RecordableValues {

    static final String NOT_RECORDED = "（个人敏感信息，未记录）";

    /** Parts of variable names (lower case) whose values are personal data in this project's models. */
    private static final List<String> PERSONAL = List.of("idnumber", "bankcard", "diagnosis", "phone",
            "householdmembers", "roster", "workers", "payee");
    private static final Pattern LONG_DIGIT_RUN = Pattern.compile("\\d{11,}[\\dXx]");
    private static final int MAX_LENGTH = 500;

    private RecordableValues() {
    }

    static boolean isPersonal(String variableName) {
        if (variableName == null) {
            return false;
        }
        String name = variableName.toLowerCase(Locale.ROOT);
        return PERSONAL.stream().anyMatch(name::contains);
    }

    /**
     * The value as an auditor may read it, from the columns the engine stores it in; null for null, a type note for
     * values that are not simple (JSON, objects, files), which may hold anything.
     */
    static String describe(String serializerName, String textValue, Long longValue, Double doubleValue) {
        if (serializerName == null || "null".equals(serializerName)) {
            return null;
        }
        String text = switch (serializerName) {
            case "string" -> textValue;
            case "boolean" -> longValue == null ? null : String.valueOf(longValue == 1L);
            case "integer", "long", "short" -> longValue == null ? null : longValue.toString();
            case "double" -> doubleValue == null ? null : doubleValue.toString();
            case "date" -> longValue == null ? null
                    : Instant.ofEpochMilli(longValue).atZone(ShanghaiClock.ZONE).toOffsetDateTime().toString();
            default -> "（" + serializerName + "类型的值，未记录）";
        };
        return text == null ? null : masked(text);
    }

    static String masked(String text) {
        String safe = LONG_DIGIT_RUN.matcher(text).replaceAll("****");
        return safe.length() <= MAX_LENGTH ? safe : safe.substring(0, MAX_LENGTH - 1) + "…";
    }
}
