package org.unionassist.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields of each programme's Tasklist start form, read from the form file itself: the one list of what an
 * application carries, for the API as for Tasklist. A dynamic list is one field (its rows are the list's values).
 */
@Component
class StartForms {

    private final Map<IntakeProgramme, Set<String>> fields = new EnumMap<>(IntakeProgramme.class);

    StartForms(ObjectMapper json) {
        for (IntakeProgramme programme : IntakeProgramme.values()) {
            try (InputStream form = new ClassPathResource(programme.startForm()).getInputStream()) {
                Set<String> keys = new TreeSet<>();
                collect(json.readTree(form).path("components"), keys);
                fields.put(programme, Collections.unmodifiableSet(keys));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the start form " + programme.startForm(), e);
            }
        }
    }

    Set<String> fieldsOf(IntakeProgramme programme) {
        return fields.get(programme);
    }

    private static void collect(JsonNode components, Set<String> keys) {
        for (JsonNode component : components) {
            if ("dynamiclist".equals(component.path("type").asText())) {
                keys.add(component.path("path").asText());
                continue;
            }
            if (component.hasNonNull("key")) {
                keys.add(component.get("key").asText());
            }
            collect(component.path("components"), keys);
        }
    }
}
