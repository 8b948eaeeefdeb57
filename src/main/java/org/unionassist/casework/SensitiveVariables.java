package org.unionassist.casework;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a programme declares about its process variables that carry personal data: which ones, and how the engine's
 * copy is masked ({@link PersonalDataInEngine}). The raw value lives only in the programme's own tables.
 * Lists (Json arrays of rows) name the row fields to mask.
 */
public final class SensitiveVariables {

    /** How a value is masked in the engine. */
    public enum Masking {
        /** 18-digit resident ID: first and last four kept, as the forms show it. */
        ID_NUMBER,
        /** Bank card: first and last four kept. */
        BANK_CARD,
        /** Nothing of the value is kept: a neutral placeholder (diagnoses). */
        WITHHELD,
        /** Free text (a pasted list): every ID number inside it is masked. */
        TEXT
    }

    private final Map<String, Masking> values = new LinkedHashMap<>();
    private final Map<String, Map<String, Masking>> lists = new LinkedHashMap<>();

    public SensitiveVariables value(String variable, Masking masking) {
        values.put(variable, masking);
        return this;
    }

    /** A Json list variable whose rows carry personal data in the given fields. */
    public SensitiveVariables list(String variable, Map<String, Masking> rowFields) {
        lists.put(variable, Map.copyOf(rowFields));
        return this;
    }

    Map<String, Masking> values() {
        return Collections.unmodifiableMap(values);
    }

    Map<String, Map<String, Masking>> lists() {
        return Collections.unmodifiableMap(lists);
    }
}
