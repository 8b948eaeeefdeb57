package org.unionassist.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Collects the refusals of a list's rows so that a caseworker reads every row to correct at once, not one per
 * submission. One refusal is thrown as it is; several become one refusal with the first's code, listing the first
 * {@value #LISTED} and counting the rest. The messages are the rows' own, so they stay masked.
 */
public final class Refusals {

    static final int LISTED = 10;

    private final String listName;
    private final List<UnionAssistException> found = new ArrayList<>();

    /** Refusals of the list called {@code listName} ("参保名单"). */
    public Refusals(String listName) {
        this.listName = listName;
    }

    /** Runs one row's step: its result, or empty when the row was refused (the refusal is kept). */
    public <T> Optional<T> attempt(Supplier<T> step) {
        try {
            return Optional.ofNullable(step.get());
        } catch (UnionAssistException refused) {
            found.add(refused);
            return Optional.empty();
        }
    }

    /** Throws what was collected, if anything. */
    public void throwIfAny() {
        if (found.isEmpty()) {
            return;
        }
        if (found.size() == 1) {
            throw found.get(0);
        }
        String listed = found.stream().limit(LISTED).map(Throwable::getMessage).collect(Collectors.joining("；"));
        String rest = found.size() > LISTED ? "；另有" + (found.size() - LISTED) + "处未列出" : "";
        throw new UnionAssistException(found.get(0).errorCode(),
                listName + "中有" + found.size() + "处需要改正：" + listed + rest);
    }
}
