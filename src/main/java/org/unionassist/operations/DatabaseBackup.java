package org.unionassist.operations;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.UnionAssistException;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * An online copy of the embedded H2 database while the app works: H2's {@code BACKUP TO} writes the database file
 * into a zip as of one consistent moment (H2 reads it through its multi-version store, committed data only, without
 * stopping writers). The embedded database is open in this process only, so no outside tool can copy it safely while
 * the app runs. PostgreSQL is backed up with its own pg_dump, which this app does not run.
 */
@Component
public class DatabaseBackup {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final JdbcTemplate jdbc;
    private final ShanghaiClock clock;
    private final Path directory;

    public DatabaseBackup(DataSource dataSource, ShanghaiClock clock,
                          @Value("${union-assist.backup.directory}") Path directory) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
        this.directory = directory;
    }

    /** A backup made: its file in the backup directory, its size in bytes, and when it was made (Asia/Shanghai). */
    public record Backup(Path file, long sizeBytes, OffsetDateTime createdAt) {
    }

    /** Writes {@code union-assist-<yyyyMMdd-HHmmss>.zip} into the backup directory; never overwrites a backup. */
    public synchronized Backup take() {
        requireH2();
        OffsetDateTime now = clock.now();
        Path file = freeName(absoluteDirectory(), "union-assist-" + STAMP.format(now));
        jdbc.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
        try {
            return new Backup(file, Files.size(file), now);
        } catch (IOException e) {
            throw new UncheckedIOException("the backup " + file + " was not written", e);
        }
    }

    private void requireH2() {
        String product = jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName());
        if (product == null || !product.toLowerCase(Locale.ROOT).contains("h2")) {
            throw new UnionAssistException(OperationsError.BACKUP_ONLY_ON_H2, "在线备份只用于内置的H2数据库；当前数据库为"
                    + product + "，请用数据库自己的工具备份（PostgreSQL：pg_dump -Fc，恢复用pg_restore，见运维文档“备份与恢复”）");
        }
    }

    private Path absoluteDirectory() {
        Path absolute = directory.toAbsolutePath().normalize();
        try {
            return Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("the backup directory " + absolute + " cannot be created", e);
        }
    }

    /** Two backups within one second get -2, -3… rather than one replacing the other. */
    private static Path freeName(Path directory, String base) {
        Path file = directory.resolve(base + ".zip");
        for (int n = 2; Files.exists(file); n++) {
            file = directory.resolve(base + "-" + n + ".zip");
        }
        return file;
    }
}
