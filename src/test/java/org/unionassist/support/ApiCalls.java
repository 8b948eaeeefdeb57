package org.unionassist.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** The project's API as a client calls it: HTTP Basic as a demo user (password demo), JSON in, files up and down. */
public final class ApiCalls {

    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    public ApiCalls(int port) {
        this.port = port;
    }

    public HttpResponse<String> call(String method, String path, String user, String json) throws IOException,
            InterruptedException {
        return http.send(request(method, path, user, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<byte[]> download(String path, String user) throws IOException, InterruptedException {
        return http.send(request("GET", path, user, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A file sent as the form field {@code file} of a multipart request. */
    public HttpResponse<String> upload(String path, String user, String fileName, byte[] content) throws IOException,
            InterruptedException {
        String boundary = "----union-assist-upload";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8) + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(request("POST", path, user, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String method, String path, String user, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).method(method, body);
        return user == null ? b : b.header("Authorization", RestBodies.basic(user));
    }
}
