package org.unionassist.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The Chinese label of every value a signer saw, taken from the Camunda Forms themselves: a snapshot stores the
 * figures under the names the forms show them by, so the auditor reads them under the same labels the signer did.
 */
@Component
public class FieldLabels {

    private final Map<String, String> labels = new HashMap<>();

    public FieldLabels(ObjectMapper json) {
        try {
            for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form")) {
                try (InputStream in = form.getInputStream()) {
                    collect(json.readTree(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the forms for their labels", e);
        }
    }

    private void collect(JsonNode node) {
        if (node.isObject()) {
            JsonNode key = node.get("key");
            JsonNode label = node.get("label");
            if (key != null && key.isTextual() && label != null && label.isTextual() && !label.asText().isBlank()) {
                labels.putIfAbsent(key.asText(), label.asText().strip());
            }
            node.elements().forEachRemaining(this::collect);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(this::collect);
        }
    }

    /**
     * The label a form gives the field (or its shown form {@code <key>Label}, where the snapshot keeps the value a
     * form shows in words), or null when no form shows it.
     */
    public String of(String key) {
        String label = labels.get(key);
        return label != null ? label : labels.get(key + "Label");
    }
}
