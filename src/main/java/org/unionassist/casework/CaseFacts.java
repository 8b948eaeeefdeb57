package org.unionassist.casework;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.camunda.spin.Spin.JSON;

/**
 * What the application said, as the table every later step's form shows under 申请情况 (Json variable
 * {@value #VARIABLE}: rows of 项目 / 内容). A programme builds it from its case record, the authoritative copy, and
 * publishes it whenever the record changes. Masked or derived values only: never a raw ID or card number.
 */
public final class CaseFacts {

    public static final String VARIABLE = "caseFacts";

    private final List<Map<String, String>> rows = new ArrayList<>();

    public CaseFacts add(String item, Object value) {
        if (value != null && !value.toString().isBlank()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("item", item);
            row.put("value", value.toString());
            rows.add(row);
        }
        return this;
    }

    public List<Map<String, String>> rows() {
        return List.copyOf(rows);
    }

    public void publish(VariableScope scope) {
        scope.setVariable(VARIABLE, SpinValues.jsonValue(JSON(rows)).create());
    }
}
