package org.unionassist.casework.lists;

import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.Coded;
import org.unionassist.casework.Money;
import org.unionassist.casework.PersonalData;
import org.unionassist.casework.UnionAssistException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The parsers most lists need; a programme writes its own for anything else. */
public final class ListCells {

    private ListCells() {
    }

    /** The text as it is, blank included: for a programme that checks the value itself later. */
    public static ListColumn.Parser<String> anyText() {
        return text -> text;
    }

    /** Text that must be there and fit the column (a name: at most 50 characters). */
    public static ListColumn.Parser<String> text(int maxLength) {
        return text -> {
            if (text.isEmpty()) {
                throw new CellRefused("不能为空");
            }
            if (text.length() > maxLength) {
                throw new CellRefused("不能超过" + maxLength + "字");
            }
            return text;
        };
    }

    /** A valid 18-digit resident ID number, upper-cased; a refusal shows it masked. */
    public static ListColumn.Parser<String> idNumber(LocalDate today) {
        return text -> {
            String id = text.toUpperCase();
            PersonalData.idNumberProblem(id, today).ifPresent(problem -> {
                throw new CellRefused(CaseworkError.INVALID_ID_NUMBER, problem);
            });
            return id;
        };
    }

    /** An amount in yuan: not negative, at most two decimals. */
    public static ListColumn.Parser<BigDecimal> amount() {
        return text -> {
            try {
                return Money.fromVariable(text, "");
            } catch (UnionAssistException e) {
                throw new CellRefused(e.errorCode(), e.getMessage());
            }
        };
    }

    /** A whole number from {@code min} to {@code max} (a number of places, of people). */
    public static ListColumn.Parser<Integer> count(int min, int max) {
        return text -> {
            if (text.isEmpty()) {
                throw new CellRefused("不能为空");
            }
            try {
                int n = new BigDecimal(text).intValueExact();
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException | ArithmeticException notWhole) {
                // refused below
            }
            throw new CellRefused("应为" + min + "至" + max + "之间的整数");
        };
    }

    /** One of a choice's constants, written as its label (困难职工) or its code. */
    public static <E extends Enum<E> & Coded> ListColumn.Parser<E> oneOf(Class<E> type) {
        return text -> Arrays.stream(type.getEnumConstants())
                .filter(c -> c.label().equals(text) || c.code().equals(text)).findFirst()
                .orElseThrow(() -> new CellRefused("应为以下之一：" + Arrays.stream(type.getEnumConstants())
                        .map(Coded::label).collect(Collectors.joining("、"))));
    }
}
