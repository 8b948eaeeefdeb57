package org.unionassist.support;

import org.unionassist.UnionAssistApplication;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The app started as an operator starts it: in a JVM of its own, on a free port, with the test's classpath and the
 * given arguments, its output in {@code <dir>/<name>.log}. Ready once the demo organisation is set up (a clerk sees
 * the hardship process); called over HTTP with a demo user's Basic credentials.
 */
public final class AppNode {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(240);

    private final String name;
    private final Path dir;
    private final List<String> arguments;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private int port;

    public AppNode(String name, Path dir, String... arguments) {
        this.name = name;
        this.dir = dir;
        this.arguments = List.of(arguments);
    }

    /** Starts the JVM; {@link #awaitReady()} waits for it. */
    public AppNode start() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx640m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                UnionAssistApplication.class.getName(), "--server.port=" + port,
                // coverage is recorded by Spring test listeners, which a hand-started app does not have
                "--spring.autoconfigure.exclude=org.camunda.community.process_test_coverage.spring_test"
                        + ".platform7.ProcessEngineCoverageConfiguration"));
        command.addAll(arguments);
        process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
        return this;
    }

    public void awaitReady() throws Exception {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " ended while starting (exit code " + process.exitValue() + ")\n"
                        + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " did not answer within " + STARTUP_TIMEOUT + "\n" + tail());
            }
            try {
                if (call("GET", "/engine-rest/process-definition/key/hardshipVerification", null, "eaststeel.clerk")
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep waiting
            }
            Thread.sleep(250);
        }
    }

    public HttpResponse<String> call(String method, String path, String body, String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Accept-Language", "zh-CN")
                .header("Authorization", RestBodies.basic(user))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** SIGTERM, as a service manager stops a node; waits for the JVM to end and returns its exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError(name + " did not stop within 120 s of SIGTERM\n" + tail());
        }
        return process.exitValue();
    }

    /** SIGKILL: the node dies at once. */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        return process.exitValue();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public String name() {
        return name;
    }

    public Path log() {
        return dir.resolve(name + ".log");
    }

    /** The last lines the node printed, for a failure message. */
    public String tail() {
        try {
            List<String> lines = Files.exists(log()) ? Files.readAllLines(log()) : List.of();
            return "---- tail of " + log() + " ----\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
