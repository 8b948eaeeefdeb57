package org.unionassist.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.value.JsonValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Calls the app over HTTP as a given user (HTTP Basic, password demo), the way a channel's system does. */
final class IntakeClient {

    static final String CHANNEL = "eaststeel.online";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    IntakeClient(int port) {
        this.port = port;
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    HttpResponse<String> file(String user, String programmePath, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/intake/" + programmePath))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return send(request, user);
    }

    HttpResponse<String> get(String user, String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), user);
    }

    HttpResponse<String> send(HttpRequest.Builder request, String user) throws Exception {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    /** A start form's values as a channel sends them: the same names, lists as JSON arrays. */
    static String body(VariableMap form) {
        ObjectNode body = JSON.createObjectNode();
        for (String name : form.keySet()) {
            TypedValue typed = form.getValueTyped(name);
            try {
                body.set(name, typed instanceof JsonValue list ? JSON.readTree(list.getValueSerialized())
                        : JSON.valueToTree(typed.getValue()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return body.toString();
    }
}
