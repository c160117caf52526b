package org.jadechain.contracts.court;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.jadechain.contracts.mediation.MediationFixture.MINUTE;
import static org.jadechain.contracts.mediation.MediationFixture.fen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jadechain.contracts.mediation.Agreement;
import org.jadechain.contracts.mediation.MediationFixture;
import org.jadechain.core.contract.Args;
import org.jadechain.core.contract.CallContext;
import org.jadechain.core.contract.Caller;
import org.jadechain.core.contract.ChainInfo;
import org.jadechain.core.contract.ContractException;
import org.jadechain.core.contract.ContractState;
import org.jadechain.core.contract.Identities;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.model.Attribute;
import org.jadechain.core.model.ResultCode;
import org.jadechain.core.state.StateOverlay;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code court.fileCase} only ever runs inside a trigger, so its input checks are exercised here directly, as
 * the ledger, over a call context on a copy of a real chain's state.
 */
class FileCaseValidationTest {
    private final MediationFixture f = MediationFixture.create(SuiteId.INTL);
    private Agreement agreement;

    @BeforeEach
    void signedAgreement() {
        f.wallet("citizen-1", "10.00");
        f.wallet("shop-1", "0");
        String id = f.propose("shop-1", "citizen-1", fen("1.00"), f.now() + MINUTE);
        f.sign("shop-1", id);
        f.sign("citizen-1", id);
        agreement = f.agreement(id);
    }

    private ResultCode file(String court, Address creditor, Address debtor, long outstanding, byte[] evidence,
                            String reason) {
        byte[] args = Args.builder().string(court).bytes(creditor.bytes()).bytes(debtor.bytes()).int64(outstanding)
                .bytes(evidence).string(reason).encode();
        Context ctx = new Context(new StateOverlay(f.state()));
        ContractException e = catchThrowableOfType(ContractException.class,
                () -> Filing.fileCase(ctx, Args.decode(args)));
        return e == null ? ResultCode.OK : e.code();
    }

    @Test
    void fileCaseValidatesWhatTheLedgerHandsIt() {
        Address c = agreement.creditor();
        Address d = agreement.debtor();
        byte[] ev = agreement.evidence(1, 1).encode();

        assertThat(file("court", c, d, 100, ev, "missed")).isEqualTo(ResultCode.OK);
        assertThat(file("", c, d, 100, ev, "missed")).isEqualTo(ResultCode.INVALID_ARGUMENT);
        assertThat(file("court", c, c, 100, ev, "missed")).isEqualTo(ResultCode.INVALID_ARGUMENT);
        assertThat(file("court", c, d, 0, ev, "missed")).isEqualTo(ResultCode.INVALID_ARGUMENT);
        assertThat(file("court", c, d, 100, Arrays.copyOf(ev, ev.length + 1), "missed"))
                .isEqualTo(ResultCode.INVALID_ARGUMENT);
        assertThat(file("court", d, c, 100, ev, "missed")).as("signers swapped").isEqualTo(ResultCode.INVALID_ARGUMENT);
        assertThat(file("court", c, d, 100, ev, "")).isEqualTo(ResultCode.INVALID_ARGUMENT);
        assertThat(file("court", c, d, 100, ev, "x".repeat(CourtContract.MAX_REASON_BYTES + 1)))
                .isEqualTo(ResultCode.INVALID_ARGUMENT);
        assertThat(file("mediator", c, d, 100, ev, "missed")).isEqualTo(ResultCode.INVALID_ARGUMENT);
        assertThat(file("court-9", c, d, 100, ev, "missed")).isEqualTo(ResultCode.NOT_FOUND);
    }

    @Test
    void evidenceOutsideItsScheduleIsRejected() {
        byte[] ev = agreement.evidence(1, 1).encode();
        // covered range 1..1 is encoded just before the payment count; make it 1..2 of a 1-installment schedule
        byte[] bad = ev.clone();
        bad[bad.length - 2] = 2;

        assertThat(file("court", agreement.creditor(), agreement.debtor(), 100, bad, "missed"))
                .isEqualTo(ResultCode.INVALID_ARGUMENT);
    }

    /** The ledger's own call context over an overlay, without nested calls. */
    private final class Context implements CallContext {
        private final StateOverlay writes;
        private final List<String> emitted = new ArrayList<>();

        Context(StateOverlay writes) {
            this.writes = writes;
        }

        public Caller caller() {
            return Caller.ledger();
        }

        public ChainInfo chain() {
            return new ChainInfo(f.chain.genesis());
        }

        public long height() {
            return 99;
        }

        public long timestamp() {
            return f.now() + 1;
        }

        public Hash txHash() {
            return Hash.ZERO;
        }

        public ContractState state() {
            return new ContractState(CourtContract.NAME, writes);
        }

        public ContractState read(String namespace) {
            return ContractState.readOnly(namespace, writes);
        }

        public Identities identities() {
            return new Identities(writes, f.chain.suite());
        }

        public void emit(String type, Attribute... attributes) {
            emitted.add(type);
        }

        public List<org.jadechain.core.model.Event> events() {
            return List.of();
        }

        public void output(String name, String value) {
        }

        public long schedule(long atTime, String method, byte[] args) {
            throw new UnsupportedOperationException("filing a case schedules nothing");
        }

        public void invoke(String contract, String method, byte[] args) {
            throw new UnsupportedOperationException("filing a case calls no other contract");
        }
    }
}
