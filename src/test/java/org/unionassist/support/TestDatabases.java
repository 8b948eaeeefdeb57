package org.unionassist.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the tests keep their data. {@code mvn verify} runs the suite twice: on in-memory H2 (the tests' own URLs), and
 * with {@code -Dua.test.database=postgres} on a real PostgreSQL 17 that this class starts once per test JVM from the
 * Maven artifact of its binaries (no Docker, no download, nothing installed). In that run every in-memory H2 URL a
 * test names becomes a database of its own on that server, so tests keep the isolation they have on H2.
 */
public final class TestDatabases {

    public static final String SELECTOR = "ua.test.database";
    public static final String USER = "postgres";

    private static final Pattern H2_MEMORY = Pattern.compile("jdbc:h2:mem:([^;]+)(;.*)?");
    private static final Pattern LOCK_TIMEOUT = Pattern.compile("(?i);LOCK_TIMEOUT=(\\d+)");
    private static EmbeddedPostgres server;

    private TestDatabases() {
    }

    /** This run is the PostgreSQL run. */
    public static boolean postgres() {
        return "postgres".equals(System.getProperty(SELECTOR));
    }

    /** The PostgreSQL server of this JVM, started on first use and stopped when the JVM ends. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        // stopped by the Spring handler below, after the contexts have closed; with its own JVM
                        // shutdown hook as well, the server went away while a context was still closing, and the
                        // engine's last commands waited for a connection until surefire killed the JVM (30 s)
                        .setRegisterShutdownHook(false)
                        // the suite keeps many Spring contexts (and their pools) alive at once
                        .setServerConfig("max_connections", "400")
                        // throw-away data: no need to survive a power cut
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("timezone", "Asia/Shanghai")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
            // after the Spring contexts have closed their pools (Spring Boot runs these handlers last)
            EmbeddedPostgres started = server;
            SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is ending
                }
            });
        }
        return server;
    }

    /** The JDBC URL of database {@code name} on this JVM's server, created empty if it does not exist yet. */
    public static String postgresUrl(String name, long lockTimeoutMillis) {
        String database = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        if (database.length() > 60) {
            database = database.substring(0, 45) + "_" + Integer.toHexString(name.hashCode());
        }
        createIfMissing(database);
        String url = "jdbc:postgresql://localhost:" + server().getPort() + "/" + database;
        return lockTimeoutMillis > 0 ? url + "?options=-c%20lock_timeout%3D" + lockTimeoutMillis : url;
    }

    /**
     * The URL a Spring test should use instead of {@code h2Url} in this run: on PostgreSQL the database named after
     * the in-memory H2 database, with the H2 URL's LOCK_TIMEOUT as PostgreSQL's lock_timeout; null when nothing
     * changes (the H2 run, or a URL that is not in-memory H2).
     */
    public static String replacementFor(String h2Url) {
        if (!postgres() || h2Url == null) {
            return null;
        }
        Matcher memory = H2_MEMORY.matcher(h2Url);
        if (!memory.matches()) {
            return null;
        }
        Matcher lockTimeout = LOCK_TIMEOUT.matcher(h2Url);
        return postgresUrl(memory.group(1), lockTimeout.find() ? Long.parseLong(lockTimeout.group(1)) : 0);
    }

    /**
     * A connection pool of its own to the database an in-memory H2 URL stands for in this run (that H2 database, or
     * its PostgreSQL replacement), for reading what an app left behind after it was closed.
     */
    public static DataSource sameAs(String h2Url) {
        String replacement = replacementFor(h2Url);
        return replacement == null ? new DriverManagerDataSource(h2Url, "sa", "")
                : new DriverManagerDataSource(replacement, USER, "");
    }

    /** A new empty database of this run (H2 in memory, or PostgreSQL) for a test that builds its own schema. */
    public static DataSource fresh(String name) {
        String unique = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        if (postgres()) {
            return new DriverManagerDataSource(postgresUrl(unique, 0), USER, "");
        }
        return new DriverManagerDataSource("jdbc:h2:mem:" + unique + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    private static synchronized void createIfMissing(String database) {
        try (Connection admin = server().getPostgresDatabase().getConnection()) {
            try (PreparedStatement exists = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, database);
                try (ResultSet row = exists.executeQuery()) {
                    if (row.next()) {
                        return;
                    }
                }
            }
            try (Statement create = admin.createStatement()) {
                create.execute("create database \"" + database + "\" encoding 'UTF8' template template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database " + database, e);
        }
    }
}
