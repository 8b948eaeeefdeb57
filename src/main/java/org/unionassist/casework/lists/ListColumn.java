package org.unionassist.casework.lists;

import java.util.Objects;

/**
 * One column of a list: its key in form rows, its Chinese label (header cell and refusals: "第3行：身份证号无效"),
 * whether every row must have it, and the parser that turns the cell's text into a value or refuses it.
 *
 * <p>A required column must be present on every line; its parser sees the cell's text even when blank (the parsers
 * of {@link ListCells} refuse a blank cell, {@link ListCells#anyText()} keeps it). An optional column may be left out
 * or blank, and then gives {@code null} without asking the parser. A line is taken for the header when it contains
 * the header word of a column, its label unless {@link #headedBy} says otherwise.
 */
public record ListColumn<T>(String key, String label, boolean required, String headerWord, Parser<T> parser) {

    /** Turns a cell's stripped text into a value, or throws {@link CellRefused} with what is wrong. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String text);
    }

    public ListColumn {
        Objects.requireNonNull(key);
        Objects.requireNonNull(label);
        Objects.requireNonNull(headerWord);
        Objects.requireNonNull(parser);
    }

    public static <T> ListColumn<T> required(String key, String label, Parser<T> parser) {
        return new ListColumn<>(key, label, true, label, parser);
    }

    public static <T> ListColumn<T> optional(String key, String label, Parser<T> parser) {
        return new ListColumn<>(key, label, false, label, parser);
    }

    /** The same column, recognising a header line by a shorter word ("身份证" for 身份证号, as people also head it). */
    public ListColumn<T> headedBy(String word) {
        return new ListColumn<>(key, label, required, word, parser);
    }
}
