package org.unionassist.l10n;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The project's Chinese translation of each Camunda webapp covers exactly the keys of the English file shipped in the
 * webjar on the classpath, including the moment.js {@code dateLocales}, and keeps every placeholder. After a Camunda
 * upgrade this test lists the keys to translate (missing), to delete (extra) and the values whose placeholders changed.
 */
class WebappTranslationCompletenessTest {

    private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
    /** AngularJS interpolations ({{ name }}) and the moment.js markers of relativeTime (%d, %s). */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}|%[ds]");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theChineseFileHasEveryEnglishKeyAndPlaceholder(String app) throws IOException {
        URL shipped = shippedEnglish(app);
        Map<String, JsonNode> english = flatten(read(shipped));
        URL ownUrl = own(app);
        Map<String, JsonNode> chinese = flatten(read(ownUrl));

        List<String> problems = problems(english, chinese);
        if (!problems.isEmpty()) {
            fail("%s: %d problem(s) in %s against the shipped %s:%n  %s", app, problems.size(), ownUrl, shipped,
                    String.join("\n  ", problems));
        }
        assertThat(english).as("the shipped en.json of %s has labels", app).containsKey("labels.APP_VENDOR");
    }

    @Test
    void theCheckFindsMissingExtraAndChangedPlaceholders() throws IOException {
        Map<String, JsonNode> english = flatten(JSON.readTree("""
                {"dateLocales":{"months":["January","February"],"relativeTime":{"dd":"%d days"}},
                 "labels":{"A":"Hello {{ name }}","B":"Bye","C":"{{count}} of {{total}}"}}"""));
        Map<String, JsonNode> chinese = flatten(JSON.readTree("""
                {"dateLocales":{"months":["一月"],"relativeTime":{"dd":"几天"}},
                 "labels":{"A":"你好，{{name}}","C":"共 {{total}} 项中的第 {{count}} 项","D":"多余"}}"""));
        assertThat(problems(english, chinese)).containsExactly(
                "missing: dateLocales.months[1] = \"February\"",
                "placeholders differ: dateLocales.relativeTime.dd: English [%d] \"%d days\", Chinese [] \"几天\"",
                "missing: labels.B = \"Bye\"",
                "extra (not in the shipped en.json): labels.D");
    }

    static List<String> problems(Map<String, JsonNode> english, Map<String, JsonNode> chinese) {
        List<String> problems = new ArrayList<>();
        english.forEach((key, value) -> {
            JsonNode zh = chinese.get(key);
            if (zh == null) {
                problems.add("missing: " + key + " = " + value);
            } else if (value.isTextual() && !zh.isTextual() || value.isNumber() && !zh.isNumber()) {
                problems.add("wrong type: " + key + " is " + zh.getNodeType() + ", English has " + value.getNodeType());
            } else if (value.isTextual() && !placeholders(value.asText()).equals(placeholders(zh.asText()))) {
                problems.add("placeholders differ: " + key + ": English " + placeholders(value.asText())
                        + " \"" + value.asText() + "\", Chinese " + placeholders(zh.asText()) + " \"" + zh.asText() + "\"");
            } else if (value.isTextual() && !value.asText().isBlank() && !"s".equals(value.asText())
                    && zh.asText().isBlank()) {
                // (English "s" is a plural ending, which Chinese does not have)
                problems.add("empty: " + key);
            }
        });
        chinese.keySet().stream().filter(key -> !english.containsKey(key))
                .forEach(key -> problems.add("extra (not in the shipped en.json): " + key));
        return problems;
    }

    private static URL shippedEnglish(String app) throws IOException {
        String path = LOCALES.formatted(app, "en");
        for (URL url : Collections.list(loader().getResources(path))) {
            if (url.toString().contains("camunda-webapp-webjar")) {
                return url;
            }
        }
        throw new AssertionError("no " + path + " in the camunda-webapp-webjar on the classpath");
    }

    private static URL own(String app) {
        // the project's file comes first on the classpath (target/classes) and is what the webapp serves
        URL url = loader().getResource(LOCALES.formatted(app, "zh"));
        assertThat(url).as("locales/zh.json of %s", app).isNotNull();
        assertThat(url.toString()).as("zh.json of %s comes from the project", app).doesNotContain(".jar!");
        return url;
    }

    private static ClassLoader loader() {
        return WebappTranslationCompletenessTest.class.getClassLoader();
    }

    private static JsonNode read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // the shipped files start with a byte-order mark
            return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        }
    }

    /** Leaves by path: {@code labels.CLAIM}, {@code dateLocales.months[0]}. */
    static Map<String, JsonNode> flatten(JsonNode root) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        flatten("", root, leaves);
        return leaves;
    }

    private static void flatten(String path, JsonNode node, Map<String, JsonNode> leaves) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), leaves);
            }
        } else {
            leaves.put(path, node);
        }
    }

    /** The placeholders of a value, spaces inside the braces ignored, sorted (a translation may reorder them). */
    static List<String> placeholders(String value) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            found.add(m.group(1) != null ? "{{" + m.group(1).replaceAll("\\s+", "") + "}}" : m.group());
        }
        Collections.sort(found);
        return found;
    }
}
