package org.unionassist.engine;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.context.Context;

import java.util.function.Supplier;

/**
 * Runs bookkeeping that the engine does on a user's behalf (granting per-case rights, looking up memberships) without
 * the acting user's authorization checks. The user's own actions are always checked by the engine before this runs.
 */
public final class AsEngine {

    private AsEngine() {
    }

    public static <T> T call(Supplier<T> work) {
        CommandContext commandContext = Context.getCommandContext();
        if (commandContext == null) {
            return work.get();
        }
        return commandContext.runWithoutAuthorization(work::get);
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
