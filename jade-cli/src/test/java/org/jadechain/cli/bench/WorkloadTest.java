package org.jadechain.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jadechain.core.crypto.CryptoSuites;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.exec.TransactionValidator;
import org.jadechain.core.model.Transaction;
import org.jadechain.sdk.Signer;
import org.junit.jupiter.api.Test;

class WorkloadTest {

    @Test
    void everySenderBelongsToOneWorkerAndItsNoncesArriveInOrder() {
        List<Signer> wallets = Workload.newWallets(SuiteId.INTL, 7, new SecureRandom());
        Workload w = Workload.create("c", SuiteId.INTL, wallets, 100, 1, 0);
        int[][][] batches = w.batches(3, 8);
        Map<String, Integer> owner = new HashMap<>();
        Map<String, Long> lastNonce = new HashMap<>();
        Set<Integer> seen = new HashSet<>();
        for (int worker = 0; worker < batches.length; worker++) {
            for (int[] batch : batches[worker]) {
                assertThat(batch.length).isBetween(1, 8);
                for (int j : batch) {
                    assertThat(seen.add(j)).isTrue();
                    Transaction t = w.transfer(j);
                    String sender = Hex.encode(t.senderPublicKey());
                    assertThat(owner.computeIfAbsent(sender, k -> -1)).isIn(-1, worker);
                    owner.put(sender, worker);
                    long expected = lastNonce.containsKey(sender) ? lastNonce.get(sender) + 1 : 0;
                    assertThat(t.nonce()).isEqualTo(expected);
                    lastNonce.put(sender, t.nonce());
                }
            }
        }
        assertThat(seen).hasSize(100);
        assertThat(w.transfersPerWallet()).isEqualTo(15);
        TransactionValidator v = new TransactionValidator("c", CryptoSuites.of(SuiteId.INTL));
        assertThat(v.check(w.transfer(42)).valid()).isTrue();
    }

    @Test
    void classLimitsThatWouldRefuseTheLoadStopItBeforeItStarts() {
        BenchTarget.WalletLimits class3 = new BenchTarget.WalletLimits(1_000_000, 500_000, 1_000_000);
        WalletSetup.checkLimits(class3, 3, 10_000, 1, 10_000);
        assertThatThrownBy(() -> WalletSetup.checkLimits(class3, 3, 100, 600_000, 1))
                .hasMessageContaining("single payments");
        assertThatThrownBy(() -> WalletSetup.checkLimits(class3, 3, 100, 1_000, 2_000))
                .hasMessageContaining("a day");
        assertThatThrownBy(() -> WalletSetup.checkLimits(new BenchTarget.WalletLimits(1_000, -1, -1), 4, 800, 1, 300))
                .hasMessageContaining("holds at most");
        WalletSetup.checkLimits(new BenchTarget.WalletLimits(-1, -1, -1), 1, Long.MAX_VALUE / 4, 1_000, 1_000);
    }
}
