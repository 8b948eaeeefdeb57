package org.unionassist.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.unionassist.support.AppNode;
import org.unionassist.support.AppNodes;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's backup and restore of the embedded database, as docs/operations.md describes it: the app runs in a
 * JVM of its own in a temporary installation directory, on the shipped defaults (database in {@code ./data}, backups
 * in {@code ./data/backups}); an administrator takes an online backup while the app works, the app goes on and is
 * stopped; the zip unpacked into {@code ./data} of a new installation boots and shows the cases as of the backup.
 */
@Tag("h2-only")
class H2BackupRestoreTest {

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    @RegisterExtension
    final AppNodes nodes = new AppNodes();

    @Test
    void anAdministratorsBackupTakenWhileTheAppWorksRestoresToACopyShowingTheCasesAsOfTheBackup() throws Exception {
        Path original = Files.createDirectories(dir.resolve("original"));
        AppNode app = boot("original", original);
        assertThat(original.resolve("data/union-assist.mv.db")).as("the shipped database location, in the test's"
                + " directory").isRegularFile();
        CasesAroundABackup cases = new CasesAroundABackup();
        cases.makeBeforeTheBackup(app);
        assertOnlyAnAdministratorTakesABackup(app, original.resolve("data/backups"));

        HttpResponse<String> made = app.call("POST", "/api/operations/backups", null, "admin");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        JsonNode backup = json.readTree(made.body());
        String fileName = backup.path("fileName").asText();
        assertThat(fileName).matches("union-assist-\\d{8}-\\d{6}\\.zip");
        Path zip = original.resolve("data/backups").resolve(fileName);
        assertThat(zip).as("the backup in the configured directory").isRegularFile();
        assertThat(backup.path("sizeBytes").asLong()).isEqualTo(Files.size(zip)).isPositive();
        assertThat(OffsetDateTime.parse(backup.path("createdAt").asText()).getOffset().getTotalSeconds())
                .as("Asia/Shanghai").isEqualTo(8 * 3600);
        assertThat(backup.path("createdBy").asText()).isEqualTo("admin");
        assertThat(Files.readString(app.log())).as("who took the backup, in the log")
                .contains("Database backup by admin: " + zip);

        cases.changeAfterTheBackup(app);
        app.stop();

        Path restored = dir.resolve("restored");
        assertThat(unzip(zip, restored.resolve("data"))).containsExactly("union-assist.mv.db");
        AppNode copy = boot("restored", restored);
        cases.assertShownAsOfTheBackup(copy);
        copy.stop();
    }

    private void assertOnlyAnAdministratorTakesABackup(AppNode app, Path backups) throws Exception {
        for (String user : List.of("eaststeel.clerk", "city.chair", "city.auditor")) {
            HttpResponse<String> refused = app.call("POST", "/api/operations/backups", null, user);
            assertThat(refused.statusCode()).as("%s: %s", user, refused.body()).isEqualTo(403);
            JsonNode reply = json.readTree(refused.body());
            assertThat(reply.path("type").asText()).isEqualTo("NOT_AN_OPERATOR");
            assertThat(reply.path("code").asInt()).isEqualTo(20061);
            assertThat(reply.path("message").asText()).contains("camunda-admin").containsPattern("\\p{IsHan}{4,}");
        }
        assertThat(backups).as("nothing written for a refused call").doesNotExist();
    }

    private AppNode boot(String name, Path installation) throws Exception {
        // no datasource or backup settings: the shipped ./data defaults, relative to the node's own directory
        AppNode node = new AppNode(name, installation, "--spring.profiles.active=demo");
        nodes.add(node);
        node.start().awaitReady();
        return node;
    }

    /** Unpacks the backup as an operator does with {@code unzip}; answers the names of the files it held. */
    private static List<String> unzip(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                Path file = target.resolve(entry.getName()).normalize();
                assertThat(file.startsWith(target)).as("%s stays inside the data directory", entry.getName()).isTrue();
                if (!entry.isDirectory()) {
                    Files.createDirectories(file.getParent());
                    Files.copy(entries, file);
                    names.add(entry.getName());
                }
            }
        }
        return names;
    }
}
