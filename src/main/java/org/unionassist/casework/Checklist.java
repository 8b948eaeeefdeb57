package org.unionassist.casework;

import org.camunda.bpm.engine.delegate.VariableScope;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A list of documents a step must see, as checkboxes on its form (form key → the label the form shows). A programme
 * declares its list once; the step's check refuses a submission that leaves a required one unticked, naming it.
 */
public record Checklist(Map<String, String> items) {

    public Checklist {
        items = Collections.unmodifiableMap(new LinkedHashMap<>(items));
    }

    /** Keys of the ticked items, comma-separated (how a case record keeps them). */
    public String ticked(VariableScope scope) {
        return items.keySet().stream().filter(key -> FormValues.flag(scope, key)).collect(Collectors.joining(","));
    }

    /** Labels of the required items not ticked; {@code required} leaves out items this case does not need. */
    public List<String> missing(VariableScope scope, Predicate<String> required) {
        return items.entrySet().stream()
                .filter(item -> required.test(item.getKey()))
                .filter(item -> !FormValues.flag(scope, item.getKey()))
                .map(Map.Entry::getValue).toList();
    }

    /** Refuses when a required item is unticked: "材料不全，缺少：…。{advice}". */
    public void requireComplete(VariableScope scope, Predicate<String> required, String advice) {
        List<String> missing = missing(scope, required);
        if (!missing.isEmpty()) {
            throw new UnionAssistException(CaseworkError.DOCUMENTS_MISSING, "材料不全，缺少：" + String.join("、", missing) + "。" + advice);
        }
    }
}
