package org.unionassist.models;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bpmnlint (recommended rules plus the Camunda 7.24 compatibility plugin, see .bpmnlintrc) on every model. The
 * Maven build installs the pinned npm packages (package.json / package-lock.json) before the tests run.
 */
class BpmnLintTest {

    @Test
    void everyModelPassesBpmnlint() throws Exception {
        Path cli = Path.of("node_modules", "bpmnlint", "bin", "bpmnlint.js");
        assertThat(cli).as("bpmnlint is installed by the build (npm ci)").exists();
        List<String> command = new ArrayList<>(List.of("node", cli.toString()));
        try (Stream<Path> models = Files.list(Path.of("processes"))) {
            models.filter(p -> p.toString().endsWith(".bpmn")).sorted().forEach(p -> command.add(p.toString()));
        }
        assertThat(command).hasSizeGreaterThan(2);
        File output = File.createTempFile("bpmnlint", ".txt");
        Process lint = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
        assertThat(lint.waitFor(2, TimeUnit.MINUTES)).as("bpmnlint finished").isTrue();
        String report = Files.readString(output.toPath(), StandardCharsets.UTF_8);
        assertThat(lint.exitValue()).as(report).isZero();
        assertThat(report).as("no warnings either").doesNotContain("warning");
    }
}
