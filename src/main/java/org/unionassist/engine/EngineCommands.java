package org.unionassist.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.function.Supplier;

/**
 * {@link AsEngine} for code that may run outside the engine's commands (a web request of the project's API): the work
 * runs in a command of this engine without the caller's authorization checks, or within the command under way. Outside
 * a command, {@code AsEngine} leaves the caller's checks on, and each identity or history query then joins the
 * caller's grants: with one grant per case that is a scan of a large table per query (docs/benchmarks.md).
 */
@Component
public class EngineCommands {

    private final ObjectProvider<ProcessEngine> engine;

    /** The engine is looked up on first use: some callers are built before the engine (its plugins use them). */
    public EngineCommands(ObjectProvider<ProcessEngine> engine) {
        this.engine = engine;
    }

    public <T> T withoutAuthorization(Supplier<T> work) {
        return ((ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration())
                .getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(work::get));
    }
}
