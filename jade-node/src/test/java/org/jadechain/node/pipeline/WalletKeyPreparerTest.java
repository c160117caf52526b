package org.jadechain.node.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.jadechain.contracts.SystemContracts;
import org.jadechain.contracts.currency.CurrencyCalls;
import org.jadechain.contracts.currency.CurrencyContract;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.ledger.CommittedBlock;
import org.jadechain.core.model.ResultCode;
import org.jadechain.core.model.Transaction;
import org.jadechain.testkit.TestChain;
import org.junit.jupiter.api.Test;

class WalletKeyPreparerTest {
    private final TestChain chain = TestChain.create(SuiteId.SM, SystemContracts.registry());
    private final List<PublicKey> prepared = new CopyOnWriteArrayList<>();
    /** When set, the first preparation waits for it (the worker busy while more keys arrive). */
    private volatile CountDownLatch blockFirstPreparation;

    @Test
    void preparesTheKeyOfEachWalletOpenedInACommittedBlockAndNoOtherKey() throws Exception {
        PublicKey citizen1 = chain.key("citizen-1").publicKey();
        PublicKey citizen2 = chain.key("citizen-2").publicKey();
        Transaction open1 = open(citizen1.encoded());
        Transaction again = open(citizen1.encoded());
        Transaction badKey = open(new byte[] {4, 1, 2, 3});
        Transaction other = chain.tx("bank-b", CurrencyContract.NAME, CurrencyContract.SET_CLASS,
                CurrencyCalls.setClass(chain.address("citizen-1"), 2));
        Transaction open2 = open(citizen2.encoded());
        CommittedBlock block = chain.block(open1, again, badKey, other, open2);
        assertThat(block.receipts()).extracting(r -> r.code()).containsSubsequence(ResultCode.OK,
                ResultCode.ALREADY_EXISTS, ResultCode.INVALID_ARGUMENT, ResultCode.NOT_AUTHORISED, ResultCode.OK);

        try (WalletKeyPreparer preparer = new WalletKeyPreparer(recording(chain.suite()))) {
            preparer.committed(block);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while ((prepared.size() < 2 || preparer.pending() > 0) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }

        assertThat(prepared).containsExactly(citizen1, citizen2);
    }

    @Test
    void whenMoreWalletsOpenThanTheQueueHoldsTheNewestKeysArePrepared() throws Exception {
        List<PublicKey> keys = List.of(chain.key("citizen-1").publicKey(), chain.key("citizen-2").publicKey(),
                chain.key("citizen-3").publicKey(), chain.key("shop-1").publicKey());
        CommittedBlock block = chain.block(keys.stream().map(k -> open(k.encoded())).toArray(Transaction[]::new));
        CountDownLatch release = new CountDownLatch(1);
        blockFirstPreparation = release;

        try (WalletKeyPreparer preparer = new WalletKeyPreparer(recording(chain.suite()), 2)) {
            preparer.committed(block);
            release.countDown();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while ((prepared.size() < 3 || preparer.pending() > 0) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }

        assertThat(prepared).containsExactly(keys.get(0), keys.get(2), keys.get(3));
    }

    private Transaction open(byte[] key) {
        return chain.tx("bank-a", CurrencyContract.NAME, CurrencyContract.OPEN_WALLET,
                CurrencyCalls.openWallet(key, 4, new byte[32], new byte[10]));
    }

    /** The chain's suite, recording each key passed to prepareToVerify. */
    private CryptoSuite recording(CryptoSuite real) {
        return (CryptoSuite) Proxy.newProxyInstance(CryptoSuite.class.getClassLoader(),
                new Class<?>[] {CryptoSuite.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareToVerify")) {
                        CountDownLatch gate = blockFirstPreparation;
                        blockFirstPreparation = null;
                        if (gate != null) {
                            gate.await();
                        }
                        prepared.add((PublicKey) args[0]);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
