package org.unionassist.casework;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** What a failed job keeps for operators: the cause in Chinese, and never the values of the row that failed. */
class StepFailureTest {

    private static final String POSTGRES_REFUSAL = "ERROR: new row for relation \"ua_disbursement\" violates check "
            + "constraint \"ua_payout_refused\"\n  Detail: Failing row contains (7, 10021, 张伟, 110101198003120010, "
            + "6222020200112233445, 3200.00, 急性阑尾炎).";

    @Test
    void ourOwnRefusalIsTheCauseAsItWasWritten() {
        Throwable wrapped = new ProcessEngineException("ENGINE-xxx", new UnionAssistException(CaseworkError.INVALID_INPUT,
                "按规则测算本案赔付为0元，不能同意赔付：请选择不予赔付并说明理由"));

        assertThat(StepFailure.of(wrapped).getMessage()).isEqualTo("按规则测算本案赔付为0元，不能同意赔付：请选择不予赔付并说明理由");
    }

    @Test
    void aRefusedRowIsNamedAsSuchWithoutItsValuesInTheMessageOrTheStackTrace() {
        Throwable failure = new ProcessEngineException("Error while evaluating expression",
                new DataIntegrityViolationException("could not execute statement [" + POSTGRES_REFUSAL + "]",
                        new SQLException(POSTGRES_REFUSAL, "23514")));

        Throwable kept = StepFailure.of(failure);

        assertThat(kept.getMessage()).isEqualTo("数据库拒绝写入（违反约束）：SQLException: ERROR: new row for relation "
                + "\"ua_disbursement\" violates check constraint \"ua_payout_refused\"");
        StringWriter trace = new StringWriter();
        kept.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString())
                .contains("Caused by: org.springframework.dao.DataIntegrityViolationException: could not execute",
                        "Caused by: java.sql.SQLException: ERROR: new row", "Detail …",
                        "at org.unionassist.casework.StepFailureTest")
                .doesNotContain("110101198003120010").doesNotContain("6222020200112233445").doesNotContain("张伟")
                .doesNotContain("急性阑尾炎");
        assertThat(StepFailure.of(kept)).isSameAs(kept);
    }

    @Test
    void quotedValuesAndLongNumbersAreLeftOutOfTechnicalMessages() {
        Throwable h2 = new SQLException("Unique index or primary key violation: \"PUBLIC.UK ON PUBLIC.UA_DISBURSEMENT"
                + "(PAYEE_ID_NUMBER) VALUES ( /* 1 */ '110101198003120010' )\"; SQL statement:\ninsert into …", "23505");

        assertThat(StepFailure.describe(h2)).isEqualTo("数据库拒绝写入（违反约束）：SQLException: Unique index or primary key "
                + "violation: \"PUBLIC.UK ON PUBLIC.UA_DISBURSEMENT(PAYEE_ID_NUMBER) VALUES ( /* 1 */ '…' )\"");
        assertThat(StepFailure.describe(new IllegalStateException("card 6222020200112233445 refused")))
                .isEqualTo("程序错误：IllegalStateException: card **** refused");
    }

    @Test
    void aLockTimeoutSaysSo() {
        assertThat(StepFailure.describe(new CannotAcquireLockException("Timeout trying to lock table")))
                .startsWith("数据库锁等待超时或死锁");
    }
}
