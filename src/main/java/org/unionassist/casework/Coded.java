package org.unionassist.casework;

import java.util.Arrays;
import java.util.Optional;

/** A choice a form submits as a code and people read as a label (致困原因, 民政核对结果, …). */
public interface Coded {

    String code();

    String label();

    /** The constant of {@code type} whose code is {@code code}, if any. */
    static <E extends Enum<E> & Coded> Optional<E> find(Class<E> type, Object code) {
        String wanted = code == null ? null : code.toString();
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.code().equals(wanted)).findFirst();
    }
}
