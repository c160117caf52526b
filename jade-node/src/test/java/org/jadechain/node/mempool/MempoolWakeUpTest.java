package org.jadechain.node.mempool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jadechain.contracts.SystemContracts;
import org.jadechain.contracts.currency.CurrencyCalls;
import org.jadechain.contracts.currency.CurrencyContract;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.exec.TransactionValidator;
import org.jadechain.testkit.TestChain;
import org.junit.jupiter.api.Test;

/** The block producer sleeps in {@code awaitReady(count)} and is woken once that many are ready, not before. */
class MempoolWakeUpTest {
    private final TestChain chain = TestChain.create(SuiteId.INTL, SystemContracts.registry());
    private final TransactionValidator validator = new TransactionValidator(TestChain.CHAIN_ID, chain.suite());
    private final Mempool mempool = new Mempool(100, () -> 0L, chain.store(), chain.suite());

    private void admitOne() {
        assertThat(mempool.admit(validator.check(chain.tx("central-bank", CurrencyContract.NAME,
                CurrencyContract.ISSUE, CurrencyCalls.issue("bank-a", 1))))).satisfies(a -> assertThat(a.accepted()).isTrue());
    }

    @Test
    void aWaiterForThreeReturnsOnceTheThirdIsAdmittedLongBeforeItsTimeout() throws Exception {
        CompletableFuture<Integer> woken = CompletableFuture.supplyAsync(() -> {
            try {
                mempool.awaitReady(3, 60_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return mempool.ready();
        });
        Thread.sleep(100);
        admitOne();
        admitOne();
        Thread.sleep(200);
        assertThat(woken).as("two of three ready: still waiting").isNotDone();
        admitOne();
        assertThat(woken.get(30, TimeUnit.SECONDS)).isEqualTo(3);
    }

    @Test
    void aWaiterForOneIsWokenByTheFirstAdmission() throws Exception {
        CompletableFuture<Integer> woken = CompletableFuture.supplyAsync(() -> {
            try {
                mempool.awaitReady(1, 60_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return mempool.ready();
        });
        Thread.sleep(100);
        admitOne();
        assertThat(woken.get(30, TimeUnit.SECONDS)).isEqualTo(1);
    }

    @Test
    void readyTransactionsReturnAtOnceAndLaterAdmissionsStillWakeTheNextWaiter() throws Exception {
        admitOne();
        mempool.awaitReady(1, 60_000);
        CompletableFuture<Integer> woken = CompletableFuture.supplyAsync(() -> {
            try {
                mempool.awaitReady(2, 60_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return mempool.ready();
        });
        Thread.sleep(100);
        admitOne();
        assertThat(woken.get(30, TimeUnit.SECONDS)).isEqualTo(2);
    }
}
