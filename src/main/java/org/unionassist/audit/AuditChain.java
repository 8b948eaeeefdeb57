package org.unionassist.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.rowset.SqlRowSet;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionassist.casework.Fingerprint;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trails as hash chains: every row of the sign-off trail, of the manual interventions and of the auditors'
 * exports gets, in the order it is sealed, a sequence number, the hash of the row sealed before it, and its own hash
 * (SHA-256 over those two and the row's columns). A row changed, deleted or slipped in afterwards no longer fits:
 * {@link #verify()} names the first row that does not.
 *
 * <p>Rows are written unsealed by the transactions that sign off (or export), so that none waits for another; the
 * sealer ({@link #seal()}, run every few seconds by {@link AuditChainSchedule}, on one node at a time through the
 * chain's head row) seals them in the order it finds them. Which columns a chain covers is fixed here: a column added
 * to a table later is not covered until a new chain version says so, because adding it would change the hash of
 * every row sealed before.
 */
@Component
public class AuditChain {

    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);
    private static final String GENESIS = "0".repeat(64);
    private static final int BATCH = 500;

    /** One chained table: its name in reports, the table, and the columns each row's hash covers, in that order. */
    public record Chain(String name, String label, String table, List<String> columns) {
    }

    public static final Chain SIGN_OFFS = new Chain("sign-off", "签批记录", "ua_sign_off", List.of("id",
            "process_definition_key", "process_instance_id", "case_number", "step_id", "step_name", "task_id",
            "review_round", "actor_id", "actor_name", "actor_union_id", "actor_union_name", "actor_role", "decision",
            "decision_label", "opinion", "category", "category_label", "amount", "decided_at", "decided_on",
            "snapshot", "findings"));
    public static final Chain INTERVENTIONS = new Chain("intervention", "人工干预记录", "ua_manual_intervention",
            List.of("id", "process_instance_id", "process_definition_key", "case_number", "operation_type",
                    "operation_label", "entity_type", "property", "org_value", "new_value", "detail", "annotation",
                    "job_id", "activity_id", "actor_id", "actor_name", "occurred_at", "occurred_on", "operation_id"));
    public static final Chain EXPORTS = new Chain("export", "导出记录", "ua_export_record", List.of("id",
            "exported_at", "exported_on", "actor_id", "actor_name", "kind", "description", "process_instance_id",
            "row_count"));
    public static final List<Chain> CHAINS = List.of(SIGN_OFFS, INTERVENTIONS, EXPORTS);

    /** The outcome of one verification: intact, or the first row that does not fit, in Chinese. */
    public record Verification(boolean intact, long rowsChecked, long rowsUnsealed, List<Broken> broken) {
    }

    /** The first row of a chain that does not fit, and why. */
    public record Broken(String chain, String chainLabel, Long rowId, Long sequence, String reason) {
    }

    private final JdbcTemplate db;
    private final TransactionTemplate transaction;

    public AuditChain(JdbcTemplate db, TransactionTemplate transaction) {
        this.db = db;
        this.transaction = transaction;
    }

    /** Seals every row written since the last sealing; returns how many. */
    public int seal() {
        int sealed = 0;
        for (Chain chain : CHAINS) {
            int batch;
            do {
                batch = transaction.execute(status -> sealBatch(chain));
                sealed += batch;
            } while (batch == BATCH);
        }
        return sealed;
    }

    private int sealBatch(Chain chain) {
        // the head row is locked until commit: a second sealer (the other node) waits, then sees these rows sealed
        SqlRowSet head = db.queryForRowSet("select last_seq, last_hash from ua_audit_chain where name = ? for update",
                chain.name());
        if (!head.next()) {
            throw new IllegalStateException("audit chain " + chain.name() + " has no head row");
        }
        long sequence = head.getLong("last_seq");
        String previous = head.getString("last_hash");
        List<Object[]> updates = new ArrayList<>();
        String sql = "select " + String.join(", ", chain.columns()) + " from " + chain.table()
                + " where chain_seq is null order by id";
        List<String[]> rows = db.query(connection -> {
            var statement = connection.prepareStatement(sql);
            statement.setMaxRows(BATCH);
            return statement;
        }, (rs, n) -> values(rs, chain));
        for (String[] row : rows) {
            sequence++;
            String hash = hash(chain, sequence, previous, row);
            updates.add(new Object[]{sequence, previous, hash, Long.parseLong(row[0])});
            previous = hash;
        }
        if (!updates.isEmpty()) {
            db.batchUpdate("update " + chain.table() + " set chain_seq = ?, previous_hash = ?, row_hash = ?"
                    + " where id = ? and chain_seq is null", updates);
            db.update("update ua_audit_chain set last_seq = ?, last_hash = ? where name = ?", sequence, previous,
                    chain.name());
        }
        return rows.size();
    }

    /** Seals what is waiting, then walks every chain from its first row and compares each hash. */
    public Verification verify() {
        seal();
        long checked = 0;
        long unsealed = 0;
        List<Broken> broken = new ArrayList<>();
        for (Chain chain : CHAINS) {
            ChainWalk walk = new ChainWalk(chain);
            db.query("select chain_seq, previous_hash, row_hash, " + String.join(", ", chain.columns()) + " from "
                    + chain.table() + " where chain_seq is not null order by chain_seq",
                    walk::row);
            walk.end(db.queryForRowSet("select last_seq, last_hash from ua_audit_chain where name = ?",
                    chain.name()));
            checked += walk.rows;
            unsealed += db.queryForObject("select count(*) from " + chain.table() + " where chain_seq is null",
                    Long.class);
            if (walk.broken != null) {
                broken.add(walk.broken);
                log.error("Audit chain {} broken at row id {} (sequence {}): {}", chain.name(), walk.broken.rowId(),
                        walk.broken.sequence(), walk.broken.reason());
            }
        }
        return new Verification(broken.isEmpty(), checked, unsealed, List.copyOf(broken));
    }

    /** One pass over a chain in sealing order; remembers the first row that does not fit. */
    private final class ChainWalk {
        private final Chain chain;
        private long expectedSequence = 1;
        private String previous = GENESIS;
        private long rows;
        private Broken broken;

        ChainWalk(Chain chain) {
            this.chain = chain;
        }

        void row(ResultSet rs) throws SQLException {
            rows++;
            if (broken != null) {
                return;
            }
            long sequence = rs.getLong("chain_seq");
            String rowHash = rs.getString("row_hash");
            String previousHash = rs.getString("previous_hash");
            String[] values = values(rs, chain);
            long id = Long.parseLong(values[0]);
            if (rowHash == null) {
                fail(id, sequence, "封存信息被清除（哈希为空）");
            } else if (sequence != expectedSequence) {
                fail(id, sequence, sequence > expectedSequence
                        ? "缺少第 " + expectedSequence + " 条（记录被删除）" : "序号重复（记录被插入或复制）");
            } else if (!previous.equals(previousHash)) {
                fail(id, sequence, "与前一条记录的链接不一致（前一条哈希被改动）");
            } else if (!hash(chain, sequence, previous, values).equals(rowHash)) {
                fail(id, sequence, "记录内容与封存时不一致（记录被改动）");
            } else {
                previous = rowHash;
                expectedSequence++;
            }
        }

        void end(SqlRowSet head) {
            if (broken != null || !head.next()) {
                return;
            }
            long last = head.getLong("last_seq");
            if (last != expectedSequence - 1 || !previous.equals(head.getString("last_hash"))) {
                broken = new Broken(chain.name(), chain.label(), null, expectedSequence,
                        "链尾与最后封存的第 " + last + " 条不一致（末尾记录被删除或链头被改动）");
            }
        }

        private void fail(long id, Long sequence, String reason) {
            broken = new Broken(chain.name(), chain.label(), id, sequence, reason);
        }
    }

    /** The row's columns as text, the same on H2 and PostgreSQL: instants in UTC, amounts without trailing zeros. */
    private static String[] values(ResultSet rs, Chain chain) throws SQLException {
        String[] values = new String[chain.columns().size()];
        for (int i = 0; i < values.length; i++) {
            String column = chain.columns().get(i);
            int type = rs.getMetaData().getColumnType(rs.findColumn(column));
            Object value = switch (type) {
                case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                    OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
                    yield at == null ? null : at.toInstant();
                }
                case Types.DATE -> rs.getObject(column, LocalDate.class);
                case Types.NUMERIC, Types.DECIMAL -> {
                    BigDecimal amount = rs.getBigDecimal(column);
                    yield amount == null ? null : amount.stripTrailingZeros().toPlainString();
                }
                default -> rs.getString(column);
            };
            values[i] = value == null ? null : value.toString();
        }
        return values;
    }

    /** SHA-256, hex, over the chain, the sequence, the previous hash and each column as name, length and value. */
    static String hash(Chain chain, long sequence, String previous, String[] values) {
        StringBuilder content = new StringBuilder().append(chain.name()).append('\n').append(sequence).append('\n')
                .append(previous).append('\n');
        for (int i = 0; i < values.length; i++) {
            content.append(chain.columns().get(i)).append(':');
            if (values[i] == null) {
                content.append('-');
            } else {
                content.append(values[i].length()).append('=').append(values[i]);
            }
            content.append('\n');
        }
        return Fingerprint.sha256(content.toString());
    }
}
