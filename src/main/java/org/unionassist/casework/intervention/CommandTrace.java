package org.unionassist.casework.intervention;

import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What happened earlier in the current engine command that the user operation log entry itself does not say: which
 * variables changed and from what to what, which steps were cancelled or started, why an instance ended. Lives as
 * long as the command (an engine session), so nothing outlives it or leaks into the next command.
 */
final class CommandTrace implements Session {

    record VariableChange(String processInstanceId, String name, String before, String after, boolean removed) {
    }

    record StepChange(String processInstanceId, String activityId, String activityName, boolean started) {
    }

    /** A migration's log entry, written before the instances are migrated: each migrated instance takes it up. */
    record PendingMigration(String fromDefinitionId, String userId, Date timestamp, String operationId) {
    }

    private final List<VariableChange> variables = new ArrayList<>();
    private final List<StepChange> steps = new ArrayList<>();
    private final Map<String, String> endReasons = new HashMap<>();
    private final Map<String, String> businessKeys = new HashMap<>();
    private PendingMigration pendingMigration;

    void variableChanged(VariableChange change) {
        variables.add(change);
    }

    void stepChanged(StepChange change) {
        steps.add(change);
    }

    void instanceSeen(String processInstanceId, String businessKey) {
        if (businessKey != null) {
            businessKeys.put(processInstanceId, businessKey);
        }
    }

    void instanceEnded(String processInstanceId, String reason) {
        endReasons.put(processInstanceId, reason);
    }

    void migrationLogged(PendingMigration migration) {
        pendingMigration = migration;
    }

    PendingMigration pendingMigration() {
        return pendingMigration;
    }

    /** The variable changes of the instance so far, handed over once (a later log entry does not see them again). */
    List<VariableChange> takeVariables(String processInstanceId) {
        return take(variables, c -> processInstanceId.equals(c.processInstanceId()));
    }

    List<StepChange> takeSteps(String processInstanceId) {
        return take(steps, c -> processInstanceId.equals(c.processInstanceId()));
    }

    String endReason(String processInstanceId) {
        return endReasons.get(processInstanceId);
    }

    String businessKey(String processInstanceId) {
        return businessKeys.get(processInstanceId);
    }

    private static <T> List<T> take(List<T> from, Predicate<T> matching) {
        List<T> taken = from.stream().filter(matching).toList();
        from.removeAll(taken);
        return taken;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    static final class Factory implements SessionFactory {
        @Override
        public Class<?> getSessionType() {
            return CommandTrace.class;
        }

        @Override
        public Session openSession() {
            return new CommandTrace();
        }
    }
}
