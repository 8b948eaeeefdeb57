package org.unionassist.casework;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.regex.Pattern;

/**
 * A failed job (a service step run on its own, a timer) as the engine keeps it for operators: the job's exception
 * message, its stack trace in ACT_GE_BYTEARRAY, the job log and the incident. The message says the cause in Chinese:
 * our own refusal as it was written (already Chinese and masked), else a short category and the technical message.
 * Technical messages can carry the values of the row that failed (PostgreSQL's "Failing row contains (…)", quoted
 * literals), so every message of the chain is kept without them; the stack frames stay as they were.
 */
public final class StepFailure extends RuntimeException {

    private static final int MESSAGE_LENGTH = 300;
    private static final int MAX_CAUSES = 20;

    private static final Pattern DETAIL = Pattern.compile("(?i)(Detail|Failing row contains|Key \\()[^\\n\\]]*");
    private static final Pattern QUOTED = Pattern.compile("'[^'\\n]*'");
    private static final Pattern PARAMETERS = Pattern.compile("\\{\\d+: [^}\\n]*}");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}+");
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{11,}[0-9Xx]?");
    private static final Pattern STATEMENT = Pattern.compile("(?i)[;,]?\\s*SQL statement:.*$");

    private StepFailure(String message, Throwable cause) {
        super(message, cause, false, true);
        setStackTrace(new StackTraceElement[0]);
    }

    /** The failure as it may be stored and shown; {@code null} stays {@code null}. */
    public static Throwable of(Throwable failure) {
        if (failure == null || failure instanceof StepFailure) {
            return failure;
        }
        return new StepFailure(describe(failure), withoutValues(failure, 0));
    }

    /** The cause in the words an operator reads, e.g. {@code 数据库拒绝写入（违反约束）：JdbcSQLException: …}. */
    public static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnionAssistException refusal) {
                return refusal.getMessage();
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = withoutValues(firstLine(root.getMessage()));
        message = message == null ? null : STATEMENT.matcher(message).replaceAll("");
        return category(failure) + "：" + root.getClass().getSimpleName()
                + (message == null || message.isBlank() ? "" : ": " + shortened(message));
    }

    private static String category(Throwable failure) {
        boolean database = false;
        boolean lock = false;
        boolean connection = false;
        boolean concurrent = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String state = t instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
            if (t instanceof DataIntegrityViolationException || state.startsWith("23")
                    || t.getClass().getName().endsWith("ConstraintViolationException")) {
                return "数据库拒绝写入（违反约束）";
            }
            lock |= t instanceof PessimisticLockingFailureException || state.equals("40001") || state.equals("40P01")
                    || state.equals("55P03") || state.equals("HYT00");
            connection |= t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || state.startsWith("08");
            concurrent |= t instanceof OptimisticLockingException;
            database |= t instanceof DataAccessException || t instanceof SQLException
                    || t.getClass().getName().startsWith("jakarta.persistence.")
                    || t.getClass().getName().startsWith("org.hibernate.");
        }
        if (lock) {
            return "数据库锁等待超时或死锁（可能有其他操作同时处理本案）";
        }
        if (connection) {
            return "无法连接数据库";
        }
        if (concurrent) {
            return "与其他操作同时修改了本案（并发冲突）";
        }
        return database ? "数据库操作失败" : "程序错误";
    }

    /** A copy of the chain whose messages carry no values, with the original classes' names and stack frames. */
    private static Throwable withoutValues(Throwable t, int depth) {
        if (t == null || depth > MAX_CAUSES) {
            return null;
        }
        if (t instanceof UnionAssistException) {
            return t;
        }
        Throwable cause = t.getCause() == t ? null : t.getCause();
        Scrubbed copy = new Scrubbed(t.getClass().getName(), withoutValues(t.getMessage()),
                withoutValues(cause, depth + 1));
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }

    static String withoutValues(String message) {
        if (message == null) {
            return null;
        }
        String kept = DETAIL.matcher(message).replaceAll("$1 …");
        kept = QUOTED.matcher(kept).replaceAll("'…'");
        kept = PARAMETERS.matcher(kept).replaceAll("{…}");
        // technical messages are English: Chinese text in them came from data (a name, a diagnosis)
        kept = HAN.matcher(kept).replaceAll("…");
        kept = LONG_NUMBER.matcher(kept).replaceAll("****");
        return kept.length() > 4 * MESSAGE_LENGTH ? kept.substring(0, 4 * MESSAGE_LENGTH) + "…" : kept;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return null;
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    private static String shortened(String message) {
        return message.length() > MESSAGE_LENGTH ? message.substring(0, MESSAGE_LENGTH) + "…" : message;
    }

    /** Prints as the original exception would, with its message cleaned. */
    private static final class Scrubbed extends RuntimeException {

        private final String type;

        Scrubbed(String type, String message, Throwable cause) {
            super(message, cause, false, true);
            this.type = type;
        }

        @Override
        public String toString() {
            return getMessage() == null ? type : type + ": " + getMessage();
        }
    }
}
