package org.unionassist.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.function.Supplier;

/**
 * Runs bookkeeping that the engine does on a user's behalf (granting per-case rights, looking up memberships, reading
 * a case's history for an auditor whose right to it was checked first) without the acting user's authorization checks.
 * The user's own actions are always checked by the engine, or by the caller, before this runs.
 * <p>
 * The work always runs in an engine command: the command under way when there is one (a delegate, a listener), a new
 * one otherwise (a web request of the project's API). Outside a command the engine would check the logged-in user
 * again, and each such check first reads every group id of {@code ACT_RU_AUTHORIZATION}, a table of about ten rows per
 * case (docs/benchmarks.md).
 */
@Component
public class EngineCommands {

    private final ObjectProvider<ProcessEngine> engine;

    /** The engine is looked up on first use: some callers are built before the engine (its plugins use them). */
    public EngineCommands(ObjectProvider<ProcessEngine> engine) {
        this.engine = engine;
    }

    public <T> T call(Supplier<T> work) {
        return ((ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration())
                .getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(work::get));
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
