package org.unionassist.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.unionassist.casework.Fingerprint;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.UnionAssistException;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An application as a channel sends it: a JSON object whose fields are the start form's, typed as Tasklist submits a
 * Camunda Form (strings, numbers and booleans as they are, lists and objects as Json variables), so the programme's
 * intake step reads it exactly as it reads the form. Its hash recognises a retry of the same application.
 */
final class ApplicationBody {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final JsonNode json;

    ApplicationBody(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new UnionAssistException(CaseworkError.MALFORMED_REQUEST, "申请内容应为一个 JSON 对象，字段与申请表相同");
        }
        this.json = json;
    }

    /** Refuses fields the start form does not have (named, so the channel can correct its mapping). */
    void requireOnly(Set<String> formFields, String programme) {
        Set<String> unknown = new TreeSet<>();
        json.fieldNames().forEachRemaining(name -> {
            if (!formFields.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new UnionAssistException(IntakeError.UNKNOWN_FIELD,
                    programme + "的申请表没有这些字段：" + String.join("、", unknown.stream().limit(10).toList()));
        }
    }

    VariableMap variables() {
        VariableMap variables = Variables.createVariables();
        Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isContainerNode()) {
                variables.putValueTyped(field.getKey(), SpinValues.jsonValue(value.toString()).create());
            } else {
                variables.putValue(field.getKey(), scalar(value));
            }
        }
        return variables;
    }

    private static Object scalar(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToInt() ? (Object) value.intValue()
                    : value.canConvertToLong() ? (Object) value.longValue() : value.asText();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        return value.asText();
    }

    /**
     * SHA-256 of the programme and the body with its keys sorted at every depth: the same application sent again,
     * whatever the order of its fields, has the same hash; any changed value gives another.
     */
    String hash(IntakeProgramme programme) {
        try {
            Object tree = CANONICAL.treeToValue(json, Object.class);
            return Fingerprint.sha256(programme.processKey() + "\n" + CANONICAL.writeValueAsString(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot hash an application", e);
        }
    }
}
