package org.unionassist.casework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import org.unionassist.casework.SensitiveVariables.Masking;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.camunda.spin.Spin.JSON;

/**
 * Personal data in the engine: the variables the programmes declare ({@link SensitiveVariables}) hold masked copies
 * only. Three places use it: an intake masks the runtime variables once the raw values are in its own tables
 * ({@link #maskIn}), a resubmitted form gets back the raw values its unchanged masked fields stand for
 * ({@link #restoreIn}), and every history event is masked before it is written ({@link PersonalDataInHistory}),
 * because the engine writes a variable's history (and, at level full, the submitted form fields) the moment it is set.
 */
@Component
public class PersonalDataInEngine {

    /** What a withheld value (a diagnosis) reads in the engine. */
    public static final String WITHHELD = "（已登记，不在流程中显示）";

    private static final Pattern ID_IN_TEXT = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])");
    private static final ObjectMapper JSON_MAPPER = new ObjectMapper();

    private final Map<String, Masking> values = new HashMap<>();
    private final Map<String, Map<String, Masking>> lists = new HashMap<>();

    public PersonalDataInEngine(List<SensitiveVariables> declared) {
        for (SensitiveVariables d : declared) {
            values.putAll(d.values());
            lists.putAll(d.lists());
        }
    }

    public boolean isSensitive(String variable) {
        return values.containsKey(variable) || lists.containsKey(variable);
    }

    public Set<String> sensitiveVariables() {
        Set<String> all = new HashSet<>(values.keySet());
        all.addAll(lists.keySet());
        return all;
    }

    /** Replaces each declared variable visible in the scope by its masked copy. */
    public void maskIn(VariableScope scope) {
        for (String name : sensitiveVariables()) {
            TypedValue value = scope.getVariableTyped(name);
            if (value != null && value.getValue() != null) {
                TypedValue masked = masked(name, value, json -> maskedJson(name, json), s -> maskText(name, s));
                if (masked != null) {
                    scope.setVariable(name, masked);
                }
            }
        }
    }

    /**
     * A form shown again (supplement, correction) carries the masked copies it was filled with: where a field still
     * holds one, the raw value it stands for goes back in, so the programme re-reads what it stored. A masked value
     * the programme does not know stays masked and is refused as invalid by the programme's validation.
     */
    public void restoreIn(VariableScope scope, Originals originals) {
        for (String name : sensitiveVariables()) {
            TypedValue value = scope.getVariableTyped(name);
            if (value != null && value.getValue() != null) {
                TypedValue restored = masked(name, value, json -> restoredJson(name, json, originals),
                        s -> originals.restore(maskingOf(name), s));
                if (restored != null) {
                    scope.setVariable(name, restored);
                }
            }
        }
    }

    /** Masks a variable's history event (ACT_HI_VARINST and ACT_HI_DETAIL) or a submitted form field's. */
    public void mask(HistoryEvent event) {
        if (event instanceof HistoricVariableUpdateEventEntity v && isSensitive(v.getVariableName())) {
            String name = v.getVariableName();
            if (v.getTextValue() != null) {
                v.setTextValue(maskText(name, v.getTextValue()));
            }
            if (v.getByteValue() != null) {
                v.setByteValue(maskedBytes(name, v.getByteValue()));
            }
            if (v.getLongValue() != null || v.getDoubleValue() != null) {
                Object number = v.getLongValue() != null ? v.getLongValue() : v.getDoubleValue();
                v.setTextValue(maskText(name, String.valueOf(number)));
                v.setLongValue(null);
                v.setDoubleValue(null);
            }
        } else if (event instanceof HistoricFormPropertyEventEntity f && isSensitive(f.getPropertyId())
                && f.getPropertyValue() != null) {
            f.setPropertyValue(maskText(f.getPropertyId(), f.getPropertyValue().toString()));
        }
    }

    /** A stored text value of a declared variable, masked (also the one-off clean-up's rule). */
    public String maskText(String name, String value) {
        if (lists.containsKey(name)) {
            String json = maskedJson(name, value);
            return json != null ? json : mask(Masking.TEXT, value);
        }
        return mask(maskingOf(name), value);
    }

    /** A stored serialized value (Json) of a declared variable, masked; anything unreadable is dropped. */
    public byte[] maskedBytes(String name, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String json = maskedJson(name, text);
        return json == null ? null : json.getBytes(StandardCharsets.UTF_8);
    }

    private Masking maskingOf(String name) {
        return values.getOrDefault(name, Masking.TEXT);
    }

    private TypedValue masked(String name, TypedValue value, UnaryOperator<String> json, UnaryOperator<String> text) {
        Object raw = value.getValue();
        if (raw instanceof String s) {
            String changed = text.apply(s);
            return changed.equals(s) ? null : Variables.stringValue(changed);
        }
        if (raw instanceof Number n) {
            String changed = text.apply(n.toString());
            return changed.equals(n.toString()) ? null : Variables.stringValue(changed);
        }
        String document = raw instanceof SpinJsonNode node ? node.toString()
                : value instanceof SerializableValue sv && sv.getValueSerialized() != null ? sv.getValueSerialized()
                : JSON(raw).toString();
        String changed = json.apply(document);
        if (changed == null) {
            return Variables.stringValue(WITHHELD);
        }
        return changed.equals(document) && raw instanceof SpinJsonNode ? null : SpinValues.jsonValue(changed).create();
    }

    private String maskedJson(String name, String document) {
        return walkJson(name, document, (masking, s) -> mask(masking, s));
    }

    private String restoredJson(String name, String document, Originals originals) {
        String restored = walkJson(name, document, originals::restore);
        return restored == null ? document : restored;
    }

    /** Applies {@code change} to the declared fields of every row, and to every other text as free text. */
    private String walkJson(String name, String document, BiFunction<Masking, String, String> change) {
        JsonNode root;
        try {
            root = JSON_MAPPER.readTree(document);
        } catch (IOException notJson) {
            return null;
        }
        if (root == null) {
            return null;
        }
        Map<String, Masking> fields = lists.getOrDefault(name, Map.of());
        JsonNode changed = walk(root, fields, change, values.get(name));
        try {
            return JSON_MAPPER.writeValueAsString(changed);
        } catch (IOException unexpected) {
            return null;
        }
    }

    private JsonNode walk(JsonNode node, Map<String, Masking> fields,
                          BiFunction<Masking, String, String> change, Masking own) {
        if (node.isTextual()) {
            return TextNode.valueOf(change.apply(own == null ? Masking.TEXT : own, node.textValue()));
        }
        if (node.isNumber()) {
            String digits = node.asText();
            String changed = change.apply(own == null ? Masking.TEXT : own, digits);
            return changed.equals(digits) ? node : TextNode.valueOf(changed);
        }
        if (node.isArray()) {
            var array = JSON_MAPPER.createArrayNode();
            node.forEach(e -> array.add(walk(e, fields, change, own)));
            return array;
        }
        if (node.isObject()) {
            ObjectNode object = JSON_MAPPER.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                object.set(field.getKey(), walk(field.getValue(), fields, change, fields.get(field.getKey())));
            }
            return object;
        }
        return node;
    }

    static String mask(Masking masking, String value) {
        if (value == null || value.isBlank() || WITHHELD.equals(value)) {
            return value;
        }
        if (masking != Masking.TEXT && value.contains("*")) {
            return value; // already a masked copy
        }
        return switch (masking) {
            case ID_NUMBER -> PersonalData.maskIdNumber(value.trim().toUpperCase());
            case BANK_CARD -> PersonalData.maskBankCard(value.replaceAll("\\s", ""));
            case WITHHELD -> WITHHELD;
            case TEXT -> maskIdsIn(value);
        };
    }

    private static String maskIdsIn(String text) {
        Matcher m = ID_IN_TEXT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(PersonalData.maskIdNumber(m.group().toUpperCase())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The raw values a programme stored for a case, by the masked copy the engine shows of each. */
    public static final class Originals {

        private final Map<String, String> rawByMasked = new HashMap<>();
        private final Set<String> ambiguous = new HashSet<>();

        public Originals idNumber(String raw) {
            return add(Masking.ID_NUMBER, raw);
        }

        public Originals bankCard(String raw) {
            return add(Masking.BANK_CARD, raw);
        }

        public Originals withheld(String raw) {
            return add(Masking.WITHHELD, raw);
        }

        private Originals add(Masking masking, String raw) {
            if (raw == null || raw.isBlank()) {
                return this;
            }
            String masked = mask(masking, raw);
            String earlier = rawByMasked.putIfAbsent(masked, raw);
            if (earlier != null && !earlier.equals(raw)) {
                ambiguous.add(masked); // two stored values look alike masked: the field must be typed again
            }
            return this;
        }

        String restore(Masking masking, String value) {
            if (value == null) {
                return null;
            }
            if (masking == Masking.TEXT) {
                String restored = value;
                for (Map.Entry<String, String> known : rawByMasked.entrySet()) {
                    if (!ambiguous.contains(known.getKey()) && known.getKey().contains("*")) {
                        restored = restored.replace(known.getKey(), known.getValue());
                    }
                }
                return restored;
            }
            String key = value.trim();
            return rawByMasked.containsKey(key) && !ambiguous.contains(key) ? rawByMasked.get(key) : value;
        }
    }
}
