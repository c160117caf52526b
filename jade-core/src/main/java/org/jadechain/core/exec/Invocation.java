package org.jadechain.core.exec;

import java.util.ArrayList;
import java.util.List;
import org.jadechain.core.contract.Args;
import org.jadechain.core.contract.CallContext;
import org.jadechain.core.contract.Caller;
import org.jadechain.core.contract.ChainInfo;
import org.jadechain.core.contract.ContractException;
import org.jadechain.core.contract.ContractRegistry;
import org.jadechain.core.contract.ContractState;
import org.jadechain.core.contract.Identities;
import org.jadechain.core.contract.Method;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.model.Attribute;
import org.jadechain.core.model.Event;
import org.jadechain.core.model.ResultCode;
import org.jadechain.core.state.StateOverlay;

/**
 * One transaction's or trigger's run: an overlay over the block's state, the events and output it
 * produced, and the {@link CallContext} each (possibly nested) contract call sees. {@link #commit()}
 * moves the writes into the block; dropping the invocation discards them.
 */
final class Invocation {
    private static final int MAX_DEPTH = 4;

    private final ChainInfo chain;
    private final ContractRegistry contracts;
    private final StateOverlay block;
    private StateOverlay writes;
    private final long height;
    private final long timestamp;
    private final Hash id;
    private final Caller caller;
    private final List<Event> events = new ArrayList<>();
    private final List<Attribute> output = new ArrayList<>();
    private int depth;

    Invocation(ChainInfo chain, ContractRegistry contracts, StateOverlay block, long height, long timestamp,
               Hash id, Caller caller) {
        this.chain = chain;
        this.contracts = contracts;
        this.block = block;
        this.writes = new StateOverlay(block);
        this.height = height;
        this.timestamp = timestamp;
        this.id = id;
        this.caller = caller;
    }

    void call(String contract, String method, byte[] args) throws ContractException {
        if (depth >= MAX_DEPTH) {
            throw new ContractException(ResultCode.INVALID_STATE, "contract calls nested deeper than " + MAX_DEPTH);
        }
        Method m = BlockExecutor.resolve(contracts, contract, method, caller);
        Args decoded = BlockExecutor.decodeArgs(args);
        StateOverlay outer = writes;
        int eventsBefore = events.size();
        int outputBefore = output.size();
        writes = new StateOverlay(outer);
        depth++;
        boolean ok = false;
        try {
            m.handler().call(new Context(contract), decoded);
            ok = true;
        } finally {
            depth--;
            StateOverlay inner = writes;
            writes = outer;
            if (ok) {
                outer.absorb(inner);
            } else {
                events.subList(eventsBefore, events.size()).clear();
                output.subList(outputBefore, output.size()).clear();
            }
        }
    }

    void commit() {
        block.absorb(writes);
    }

    List<Event> events() {
        return events;
    }

    List<Attribute> output() {
        return output;
    }

    private final class Context implements CallContext {
        private final String contract;

        Context(String contract) {
            this.contract = contract;
        }

        public Caller caller() {
            return caller;
        }

        public ChainInfo chain() {
            return chain;
        }

        public long height() {
            return height;
        }

        public long timestamp() {
            return timestamp;
        }

        public Hash txHash() {
            return id;
        }

        public ContractState state() {
            return new ContractState(contract, writes);
        }

        public ContractState read(String namespace) {
            return ContractState.readOnly(namespace, writes);
        }

        public Identities identities() {
            return new Identities(writes, chain.suite());
        }

        public void emit(String type, Attribute... attributes) {
            events.add(new Event(contract, type, List.of(attributes)));
        }

        public List<Event> events() {
            return java.util.Collections.unmodifiableList(events);
        }

        public void output(String name, String value) {
            output.add(new Attribute(name, value));
        }

        public long schedule(long atTime, String method, byte[] args) {
            return new Scheduler(writes).push(atTime, contract, method, args);
        }

        public void invoke(String target, String method, byte[] args) throws ContractException {
            call(target, method, args);
        }
    }
}
