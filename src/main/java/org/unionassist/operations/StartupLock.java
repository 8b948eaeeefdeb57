package org.unionassist.operations;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Nodes that boot at the same moment on one PostgreSQL database take turns for the work done once per database:
 * creating or upgrading the engine's tables, deploying the models and forms, creating the administrator, and the
 * demo organisation, its users, authorizations and Tasklist filters. The first node holds a PostgreSQL advisory lock
 * from the engine's start until the app is ready; the next one waits for it, then finds everything there and creates
 * nothing twice. The lock belongs to a connection of its own, so it also ends if the node dies while booting. On H2
 * (one process per database file) there is nothing to wait for.
 */
@Component
public class StartupLock extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);
    /** The advisory lock's key: any number no other code of this database uses ("ua-boot"). */
    static final long KEY = 0x75612d626f6f74L;

    private final DataSource dataSource;
    private Connection holder;

    public StartupLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        acquire();
    }

    synchronized void acquire() {
        try {
            Connection connection = dataSource.getConnection();
            if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
                connection.close();
                return;
            }
            connection.setAutoCommit(true);
            long waitingSince = System.nanoTime();
            try (Statement lock = connection.createStatement()) {
                lock.execute("select pg_advisory_lock(" + KEY + ")");
            }
            holder = connection;
            log.info("Start-up lock taken after {} ms: this node does the once-per-database start-up work",
                    (System.nanoTime() - waitingSince) / 1_000_000);
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the start-up lock", e);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    public void startedUp() {
        release();
    }

    @EventListener({ApplicationFailedEvent.class, ContextClosedEvent.class})
    public void gaveUp() {
        release();
    }

    synchronized void release() {
        if (holder == null) {
            return;
        }
        try (Connection connection = holder; Statement unlock = connection.createStatement()) {
            unlock.execute("select pg_advisory_unlock(" + KEY + ")");
        } catch (SQLException e) {
            log.warn("Start-up lock: could not release it explicitly ({}); it ends with its connection",
                    e.getMessage());
        } finally {
            holder = null;
        }
    }
}
