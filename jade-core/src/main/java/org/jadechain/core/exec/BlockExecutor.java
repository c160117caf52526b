package org.jadechain.core.exec;

import java.util.ArrayList;
import java.util.List;
import org.jadechain.core.contract.Args;
import org.jadechain.core.contract.Caller;
import org.jadechain.core.contract.ChainInfo;
import org.jadechain.core.contract.Contract;
import org.jadechain.core.contract.ContractException;
import org.jadechain.core.contract.ContractRegistry;
import org.jadechain.core.contract.Identities;
import org.jadechain.core.contract.Method;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.model.ResultCode;
import org.jadechain.core.model.Transaction;
import org.jadechain.core.state.StateOverlay;
import org.jadechain.core.state.StateReader;

/**
 * Executes a block sequentially and deterministically: first every scheduled trigger due at the
 * block's timestamp, in (time, sequence) order, then each transaction in block order. Each call runs in
 * its own overlay that is kept only if the call succeeds, so a refused transaction changes nothing but
 * its sender's nonce. Stateless (thread-safe); all state is in the arguments.
 */
public final class BlockExecutor {
    /** Triggers beyond this many in one block wait for the next block. */
    public static final int MAX_TRIGGERS_PER_BLOCK = 10_000;

    private final ChainInfo chain;
    private final ContractRegistry contracts;

    public BlockExecutor(ChainInfo chain, ContractRegistry contracts) {
        this.chain = chain;
        this.contracts = contracts;
    }

    public ChainInfo chain() {
        return chain;
    }

    public ContractRegistry contracts() {
        return contracts;
    }

    public BlockOutcome execute(StateReader committed, long height, long timestamp, List<CheckedTransaction> txs) {
        StateOverlay block = new StateOverlay(committed);
        List<Receipt> receipts = new ArrayList<>(txs.size());
        runDueTriggers(block, height, timestamp, receipts);
        for (CheckedTransaction tx : txs) {
            receipts.add(executeTransaction(block, height, timestamp, tx));
        }
        return new BlockOutcome(receipts, block);
    }

    private void runDueTriggers(StateOverlay block, long height, long timestamp, List<Receipt> receipts) {
        for (int n = 0; n < MAX_TRIGGERS_PER_BLOCK; n++) {
            Trigger t = new Scheduler(block).popDue(timestamp);
            if (t == null) {
                return;
            }
            Hash id = triggerId(t);
            Invocation inv = new Invocation(chain, contracts, block, height, timestamp, id, Caller.ledger());
            ResultCode code = ResultCode.OK;
            String message = "";
            try {
                inv.call(t.contract(), t.method(), t.args());
                ReceiptLimits.check(inv.events(), inv.output());
                inv.commit();
            } catch (ContractException e) {
                code = e.code();
                message = e.getMessage();
            } catch (RuntimeException e) {
                code = ResultCode.INTERNAL_ERROR;
                message = "trigger failed: " + e;
            }
            receipts.add(new Receipt(id, Receipt.Kind.TRIGGER, code, truncate(message),
                    code == ResultCode.OK ? inv.events() : List.of(), code == ResultCode.OK ? inv.output() : List.of()));
        }
    }

    /** A trigger's id: the chain hash of "trigger", its sequence number and time. */
    public Hash triggerId(Trigger t) {
        return chain.suite().hash("trigger".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                java.nio.ByteBuffer.allocate(16).putLong(t.sequence()).putLong(t.time()).array());
    }

    private Receipt executeTransaction(StateOverlay block, long height, long timestamp, CheckedTransaction checked) {
        Transaction tx = checked.transaction();
        if (!checked.valid()) {
            return refused(tx.hash(), checked.result(), checked.message());
        }
        Identities ids = new Identities(block, chain.suite());
        Caller caller = ids.caller(checked.sender());
        long expected = Nonces.next(block, caller.address());
        if (tx.nonce() != expected) {
            return refused(tx.hash(), ResultCode.BAD_NONCE,
                    "nonce " + tx.nonce() + " is not the account's next nonce " + expected);
        }
        Nonces.set(block, caller.address(), expected + 1);
        Invocation inv = new Invocation(chain, contracts, block, height, timestamp, tx.hash(), caller);
        try {
            inv.call(tx.contract(), tx.method(), tx.args());
            ReceiptLimits.check(inv.events(), inv.output());
        } catch (ContractException e) {
            return refused(tx.hash(), e.code(), e.getMessage());
        } catch (RuntimeException e) {
            return refused(tx.hash(), ResultCode.INTERNAL_ERROR, "contract failed: " + e);
        }
        inv.commit();
        return new Receipt(tx.hash(), Receipt.Kind.TRANSACTION, ResultCode.OK, "", inv.events(), inv.output());
    }

    private static Receipt refused(Hash hash, ResultCode code, String message) {
        return new Receipt(hash, Receipt.Kind.TRANSACTION, code, truncate(message), List.of(), List.of());
    }

    private static String truncate(String message) {
        String m = message == null ? "" : message;
        byte[] b = m.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (b.length <= 1000) {
            return m;
        }
        return new String(b, 0, 1000, java.nio.charset.StandardCharsets.UTF_8) + "…";
    }

    /** Finds and authorises a method; shared by top-level and nested calls. */
    static Method resolve(ContractRegistry contracts, String contractName, String methodName, Caller caller)
            throws ContractException {
        Contract c = contracts.get(contractName);
        if (c == null) {
            throw new ContractException(ResultCode.UNKNOWN_CONTRACT, "no contract named '" + contractName + "'");
        }
        Method m = c.methods().get(methodName);
        if (m == null) {
            throw new ContractException(ResultCode.UNKNOWN_METHOD,
                    "contract " + contractName + " has no method '" + methodName + "'");
        }
        if (!m.authorisation().permits(caller)) {
            throw new ContractException(ResultCode.NOT_AUTHORISED, contractName + "." + methodName + " is for "
                    + m.authorisation().describe() + "; the caller is " + caller.describe());
        }
        return m;
    }

    static Args decodeArgs(byte[] args) throws ContractException {
        return Args.decode(args);
    }
}
