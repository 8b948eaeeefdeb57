package org.unionassist.payment;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.UnionAssistException;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A process pays each payee once per purpose, however often and however concurrently it is asked. Every call runs in
 * its own transactions, as a campaign list ordered from a REST call or a batch would.
 */
@DataJpaTest(showSql = false, properties =
        "spring.datasource.url=jdbc:h2:mem:union-assist-disbursements-test;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=3000")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({Disbursements.class, ShanghaiClock.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class DisbursementsTest {

    private static final String GRANT = "HARDSHIP_GRANT";

    @Autowired Disbursements payments;
    @Autowired DisbursementRepository disbursements;
    @Autowired PlatformTransactionManager transactionManager;

    private final String campaign = "campaign-" + UUID.randomUUID();

    @Test
    void ordersTwoPayeesFromOneProcessAsTwoDisbursements() {
        List<Disbursement> paid = payments.payEach(List.of(order("recipient:1", GRANT, "800.00"),
                order("recipient:2", GRANT, "500.00")));

        assertThat(disbursements.findAllByProcessInstanceIdOrderByIdAsc(campaign))
                .extracting(Disbursement::getPayeeKey, d -> d.getAmount().toPlainString())
                .containsExactly(tuple("recipient:1", "800.00"), tuple("recipient:2", "500.00"));
        assertThat(paid).extracting(Disbursement::getId).doesNotHaveDuplicates().doesNotContainNull();
    }

    @Test
    void orderingTheSamePayeeAndPurposeAgainReturnsTheFirstDisbursement() {
        Disbursement first = payments.payOnce(order("recipient:1", GRANT, "800.00"));

        List<Disbursement> again = payments.payEach(List.of(order("recipient:1", GRANT, "800.00"),
                order("recipient:1", GRANT, "800.00")));

        assertThat(again).extracting(Disbursement::getId).containsOnly(first.getId());
        assertThat(disbursements.findAllByProcessInstanceIdOrderByIdAsc(campaign)).hasSize(1);
    }

    @Test
    void aListPaidInOneTransactionWritesOnlyThoseNotPaidBeforeOnceEach() {
        Disbursement first = payments.payOnce(order("recipient:1", GRANT, "800.00"));

        List<Disbursement> paid = new org.springframework.transaction.support.TransactionTemplate(transactionManager)
                .execute(s -> payments.payEach(List.of(order("recipient:1", GRANT, "800.00"),
                        order("recipient:2", GRANT, "500.00"), order("recipient:2", GRANT, "500.00"))));

        assertThat(paid.get(0).getId()).isEqualTo(first.getId());
        assertThat(paid.get(1).getId()).isEqualTo(paid.get(2).getId()).isNotNull();
        assertThat(disbursements.findAllByProcessInstanceIdOrderByIdAsc(campaign))
                .extracting(Disbursement::getPayeeKey).containsExactly("recipient:1", "recipient:2");
    }

    @Test
    void theSamePayeeIsPaidOncePerPurpose() {
        payments.payEach(List.of(order("recipient:1", GRANT, "800.00"),
                order("recipient:1", "MEDICAL_CLAIM", "50.00")));

        assertThat(disbursements.findAllByProcessInstanceIdOrderByIdAsc(campaign))
                .extracting(Disbursement::getPurpose).containsExactly(GRANT, "MEDICAL_CLAIM");
    }

    @Test
    void eightClerksOrderingTheSamePaymentAtOnceMakeOneDisbursement() throws Exception {
        int clerks = 8;
        CountDownLatch ready = new CountDownLatch(clerks);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clerks);
        List<Long> paidIds = new ArrayList<>();
        List<Throwable> refusals = new ArrayList<>();
        try {
            List<Future<Disbursement>> orders = new ArrayList<>();
            for (int i = 0; i < clerks; i++) {
                orders.add(pool.submit(() -> {
                    ready.countDown();
                    go.await(10, TimeUnit.SECONDS);
                    return payments.payOnce(order("recipient:7", GRANT, "800.00"));
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            for (Future<Disbursement> order : orders) {
                try {
                    paidIds.add(order.get(60, TimeUnit.SECONDS).getId());
                } catch (ExecutionException refused) {
                    refusals.add(refused.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }

        List<Disbursement> rows = disbursements.findAllByProcessInstanceIdOrderByIdAsc(campaign);
        assertThat(rows).hasSize(1);
        assertThat(paidIds).as("every clerk who got an answer got the one disbursement")
                .containsOnly(rows.get(0).getId());
        assertThat(refusals).as("a lost race is either answered with the winner or refused clearly")
                .allSatisfy(e -> assertThat(e).isInstanceOfSatisfying(UnionAssistException.class,
                        r -> assertThat(r.errorCode()).isEqualTo(PaymentError.ORDERED_CONCURRENTLY)));
        assertThat(paidIds.size() + refusals.size()).isEqualTo(clerks);
    }

    /**
     * A service step orders inside the engine's transaction. While another transaction holds the same payment
     * uncommitted, the step's insert waits on the row lock until the lock times out: the step is refused with
     * ORDERED_CONCURRENTLY and rolls back (its own earlier write included), and its retry finds the winner.
     */
    @Test
    void aStepThatLosesTheRaceInsideItsOwnTransactionIsRefusedAndItsRetryFindsTheWinner() throws Exception {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Disbursement> winner = pool.submit(() -> tx.execute(status -> {
                Disbursement d = payments.payOnce(order("recipient:9", GRANT, "800.00"));
                inserted.countDown();
                await(commit);
                return d;
            }));
            assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> loser = pool.submit(() -> tx.execute(status -> {
                payments.payOnce(order("recipient:8", GRANT, "300.00"));
                return payments.payOnce(order("recipient:9", GRANT, "800.00"));
            }));

            ExecutionException refused = catchThrowableOfType(ExecutionException.class, () -> loser.get(60, TimeUnit.SECONDS));
            assertThat(refused).as("the loser is refused").isNotNull();
            assertThat(refused.getCause()).isInstanceOfSatisfying(UnionAssistException.class, e -> {
                assertThat(e.errorCode()).isEqualTo(PaymentError.ORDERED_CONCURRENTLY);
                assertThat(e.getMessage()).isEqualTo("同一笔付款（SN2026000001）正在另一处同时生成，请稍后重试");
            });
            commit.countDown();
            Disbursement won = winner.get(30, TimeUnit.SECONDS);
            assertThat(disbursements.findAllByProcessInstanceIdOrderByIdAsc(campaign))
                    .as("the loser's transaction rolled back, its other payment with it")
                    .extracting(Disbursement::getPayeeKey).containsExactly("recipient:9");

            Disbursement retried = tx.execute(status -> payments.payOnce(order("recipient:9", GRANT, "800.00")));
            assertThat(retried.getId()).isEqualTo(won.getId());
        } finally {
            commit.countDown();
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDatabaseRefusesASecondRowForTheSamePayeeAndPurpose() {
        disbursements.saveAndFlush(new Disbursement(order("recipient:1", GRANT, "800.00"), OffsetDateTime.now()));

        assertThatThrownBy(() -> disbursements.saveAndFlush(
                new Disbursement(order("recipient:1", GRANT, "800.00"), OffsetDateTime.now())))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(disbursements.findAllByProcessInstanceIdOrderByIdAsc(campaign)).hasSize(1);
    }

    @Test
    void refusesAPayeeKeyThatIsTheIdNumberAndAPurposeThatIsNoCode() {
        String idNumber = order("x", GRANT, "1.00").payeeIdNumber();

        assertThatThrownBy(() -> payments.payOnce(order("member:" + idNumber, GRANT, "800.00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> payments.payOnce(order("recipient:1", "困难补助", "800.00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(disbursements.findAllByProcessInstanceIdOrderByIdAsc(campaign)).isEmpty();
    }

    private PaymentOrder order(String payeeKey, String purpose, String amount) {
        return new PaymentOrder(campaign, "sendWarmth", "SN2026000001", payeeKey, purpose, "李娜",
                "110101199003074514", "6222020200112233445", new BigDecimal(amount), "eaststeel");
    }
}
