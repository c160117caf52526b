package org.jadechain.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jadechain.core.contract.Args;
import org.jadechain.core.contract.Authorisation;
import org.jadechain.core.contract.Contract;
import org.jadechain.core.contract.ContractRegistry;
import org.jadechain.core.contract.Method;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.exec.TransactionValidator;
import org.jadechain.core.state.StateKeys;
import org.jadechain.core.state.StateReader;
import org.jadechain.node.audit.ChainAudit;
import org.jadechain.node.pipeline.SignatureVerifier;
import org.jadechain.testkit.TestChain;
import org.junit.jupiter.api.Test;

class ChainAuditInvariantsTest {

    /** A contract whose invariant says its "level" must stay below 3. */
    static final class Gauge implements Contract {
        public String name() {
            return "gauge";
        }

        public SortedMap<String, Method> methods() {
            TreeMap<String, Method> m = new TreeMap<>();
            m.put("set", new Method("set", Authorisation.anyKeyHolder(),
                    (ctx, args) -> ctx.state().putLong("level".getBytes(java.nio.charset.StandardCharsets.UTF_8), args.int64(0))));
            return m;
        }

        @Override
        public List<String> checkInvariants(StateReader state) {
            byte[] v = state.get(StateKeys.fullKey("gauge", "level"));
            long level = v == null ? 0 : java.nio.ByteBuffer.wrap(v).getLong();
            return level < 3 ? List.of() : List.of("level " + level + " is not below 3");
        }
    }

    @Test
    void verifyNamesTheFirstBlockAfterWhichAContractInvariantIsBroken() {
        ContractRegistry registry = new ContractRegistry(List.of(new Gauge()));
        TestChain chain = TestChain.create(SuiteId.INTL, registry);
        chain.submit("citizen-1", "gauge", "set", Args.builder().int64(1).encode());
        chain.submit("citizen-1", "gauge", "set", Args.builder().int64(2).encode());
        chain.submit("citizen-1", "gauge", "set", Args.builder().int64(5).encode());
        chain.submit("citizen-1", "gauge", "set", Args.builder().int64(0).encode());

        try (SignatureVerifier verifier = new SignatureVerifier(new TransactionValidator(TestChain.CHAIN_ID, chain.suite()), 1)) {
            ChainAudit.Result r = new ChainAudit(chain.genesis(), registry, verifier).audit(chain.store(), (h, l) -> { });

            assertThat(r.ok()).isFalse();
            assertThat(r.badHeight()).isEqualTo(3);
            assertThat(r.problem()).contains("gauge").contains("level 5 is not below 3");
        }
    }
}
