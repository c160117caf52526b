package org.jadechain.contracts.governance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jadechain.core.contract.Args;
import org.jadechain.core.contract.Authorisation;
import org.jadechain.core.contract.CallContext;
import org.jadechain.core.contract.Contract;
import org.jadechain.core.contract.ContractException;
import org.jadechain.core.contract.ContractState;
import org.jadechain.core.contract.Method;
import org.jadechain.core.crypto.CryptoException;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.crypto.PublicKey;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.core.genesis.Organisation;
import org.jadechain.core.genesis.Role;
import org.jadechain.core.genesis.ValidatorInfo;
import org.jadechain.core.model.Attribute;
import org.jadechain.core.model.ResultCode;
import org.jadechain.core.state.StateOverlay;

/**
 * Governance of the validator set (contract and namespace {@value #NAME}). The validators in force at each
 * height are on the ledger ({@link ValidatorSet} versions; version 0 is genesis's). A change — add a
 * validator (id, organisation, public key, Raft address) or remove one — is proposed by an admin of a
 * <em>governing organisation</em> and adopted once more than half of the governing organisations have
 * approved it (one vote per organisation, given by any of its admin keys; the proposer's counts). The
 * governing organisations are every CENTRAL_BANK organisation plus those the genesis parameter
 * {@value #GOVERNORS_PARAMETER} lists (comma-separated ids). An adopted change is in force from the next
 * block: the block that adopts it is still certified by the old set. Nodes then reconfigure their Raft group.
 *
 * <table>
 *   <caption>methods (arguments in order, Args types)</caption>
 *   <tr><td>{@code propose(kind int 1=add|2=remove, validatorId string, organisation string, publicKey bytes,
 *       raftAddress string, reason string)}</td><td>an admin of a governing organisation; output
 *       {@code proposal} (G-n), and {@code adopted} when its approval already makes the majority</td></tr>
 *   <tr><td>{@code approve(proposalId)}</td><td>an admin of a governing organisation that has not approved it</td></tr>
 *   <tr><td>{@code withdraw(proposalId)}</td><td>an admin of the proposing organisation, while OPEN</td></tr>
 * </table>
 *
 * <p>Refusals: INVALID_ARGUMENT (arguments; an organisation that does not exist; a key not of the chain's
 * suite; no Raft address for an addition), NOT_AUTHORISED, NOT_FOUND, INVALID_STATE (not OPEN; a change that
 * does not apply to the current set: adding an id or key already in it, removing one not in it or the last
 * one), ALREADY_EXISTS (approved twice),
 * LIMIT_EXCEEDED ({@value ValidatorSet#MAX_VALIDATORS} validators). Events: {@code ValidatorChangeProposed},
 * {@code ValidatorChangeApproved}, {@code ValidatorChangeWithdrawn}, {@code ValidatorSetChanged(version,
 * fromHeight, validators, change, validator, proposal, member.0 … member.n-1)} — the members in full (hex of
 * {@link ValidatorSet#encodeMember}), so that the adopting transaction's receipt alone tells an offline
 * verifier the new set.
 */
public final class GovernanceContract implements Contract {
    public static final String NAME = "governance";
    public static final String PROPOSE = "propose";
    public static final String APPROVE = "approve";
    public static final String WITHDRAW = "withdraw";
    public static final String SET_CHANGED = "ValidatorSetChanged";
    public static final String GOVERNORS_PARAMETER = "governance.validatorAdmins";
    /** {@code ValidatorSetChanged} carries the whole new set: attribute {@code member.i} = hex of member i. */
    public static final String MEMBER_ATTRIBUTE = "member.";
    public static final int KIND_ADD = 1;
    public static final int KIND_REMOVE = 2;
    public static final int MAX_ID_BYTES = 64;
    public static final int MAX_ADDRESS_BYTES = 256;
    public static final int MAX_REASON_BYTES = 1024;

    private final SortedMap<String, Method> methods = new TreeMap<>();

    public GovernanceContract() {
        methods.put(PROPOSE, new Method(PROPOSE, Authorisation.anyKeyHolder(), this::propose));
        methods.put(APPROVE, new Method(APPROVE, Authorisation.anyKeyHolder(), this::approve));
        methods.put(WITHDRAW, new Method(WITHDRAW, Authorisation.anyKeyHolder(), this::withdraw));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SortedMap<String, Method> methods() {
        return methods;
    }

    @Override
    public void initialise(Genesis genesis, StateOverlay overlay) {
        GovernanceStore store = new GovernanceStore(new ContractState(NAME, overlay));
        store.putGovernors(governors(genesis));
        List<ValidatorSet.Member> members = new ArrayList<>();
        for (ValidatorInfo v : genesis.validators()) {
            members.add(new ValidatorSet.Member(v, ""));
        }
        store.addSet(new ValidatorSet(0, 1, Hash.ZERO, members));
    }

    /** Every CENTRAL_BANK organisation and those {@value #GOVERNORS_PARAMETER} names, sorted. */
    static List<String> governors(Genesis genesis) {
        TreeSet<String> out = new TreeSet<>();
        for (Organisation o : genesis.organisations()) {
            if (o.role() == Role.CENTRAL_BANK) {
                out.add(o.id());
            }
        }
        String listed = genesis.parameters().get(GOVERNORS_PARAMETER);
        if (listed != null) {
            for (String id : listed.split(",")) {
                String t = id.strip();
                if (t.isEmpty()) {
                    continue;
                }
                if (genesis.organisations().stream().noneMatch(o -> o.id().equals(t))) {
                    throw new IllegalArgumentException(GOVERNORS_PARAMETER + " names '" + t + "', which is no organisation");
                }
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    private static String governingOrganisation(CallContext ctx, GovernanceStore store) throws ContractException {
        String org = ctx.caller().organisation();
        if (org == null || !store.governors().contains(org)) {
            throw ContractException.notAuthorised("only admins of " + store.governors() + " decide validator changes; "
                    + ctx.caller().describe() + " is not one");
        }
        return org;
    }

    private void propose(CallContext ctx, Args args) throws ContractException {
        args.expectCount(6);
        GovernanceStore store = new GovernanceStore(ctx.state());
        long kindCode = args.int64(0);
        if (kindCode != KIND_ADD && kindCode != KIND_REMOVE) {
            throw ContractException.invalid("kind must be " + KIND_ADD + " (add) or " + KIND_REMOVE + " (remove), got " + kindCode);
        }
        Proposal.Kind kind = kindCode == KIND_ADD ? Proposal.Kind.ADD : Proposal.Kind.REMOVE;
        String validatorId = text(args.string(1), "validator id", 1, MAX_ID_BYTES);
        String organisation = args.string(2);
        byte[] key = args.bytes(3);
        String address = text(args.string(4), "raft address", 0, MAX_ADDRESS_BYTES);
        String reason = text(args.string(5), "reason", 1, MAX_REASON_BYTES);
        String proposer = governingOrganisation(ctx, store);
        if (kind == Proposal.Kind.ADD) {
            if (ctx.identities().organisation(organisation) == null) {
                throw ContractException.invalid("no organisation '" + organisation + "' to run validator " + validatorId);
            }
            decodeKey(ctx.chain().suite(), key);
            if (!address.matches("[^:\\s]+:\\d{1,5}")) {
                throw ContractException.invalid("a new validator needs its Raft address as host:port, got '" + address + "'");
            }
        } else if (!organisation.isEmpty() || key.length != 0 || !address.isEmpty()) {
            throw ContractException.invalid("a removal names only the validator id");
        }
        long number = store.proposalCount() + 1;
        Proposal p = new Proposal(Proposal.idOf(number), number, kind, validatorId, organisation, key, address, reason,
                proposer, ctx.height(), ctx.txHash(), List.of(proposer), Proposal.State.OPEN, 0);
        check(p, store.current(ctx.chain().suite()));
        store.putProposal(p);
        ctx.emit("ValidatorChangeProposed", new Attribute("proposal", p.id()), new Attribute("change", kind.name()),
                new Attribute("validator", validatorId), new Attribute("proposer", proposer));
        ctx.output("proposal", p.id());
        adoptIfMajority(ctx, store, p);
    }

    private void approve(CallContext ctx, Args args) throws ContractException {
        args.expectCount(1);
        GovernanceStore store = new GovernanceStore(ctx.state());
        Proposal p = find(store, args.string(0));
        String org = governingOrganisation(ctx, store);
        if (p.state() != Proposal.State.OPEN) {
            throw new ContractException(ResultCode.INVALID_STATE, "proposal " + p.id() + " is " + p.state());
        }
        if (p.approvals().contains(org)) {
            throw new ContractException(ResultCode.ALREADY_EXISTS, org + " already approved proposal " + p.id());
        }
        check(p, store.current(ctx.chain().suite()));
        p = p.withApproval(org);
        store.putProposal(p);
        ctx.emit("ValidatorChangeApproved", new Attribute("proposal", p.id()), new Attribute("approver", org),
                new Attribute("approvals", Integer.toString(p.approvals().size())),
                new Attribute("governors", Integer.toString(store.governors().size())));
        adoptIfMajority(ctx, store, p);
    }

    private void withdraw(CallContext ctx, Args args) throws ContractException {
        args.expectCount(1);
        GovernanceStore store = new GovernanceStore(ctx.state());
        Proposal p = find(store, args.string(0));
        String org = ctx.caller().organisation();
        if (org == null || !org.equals(p.proposer())) {
            throw ContractException.notAuthorised("only " + p.proposer() + " withdraws proposal " + p.id());
        }
        if (p.state() != Proposal.State.OPEN) {
            throw new ContractException(ResultCode.INVALID_STATE, "proposal " + p.id() + " is " + p.state());
        }
        store.putProposal(p.decided(Proposal.State.WITHDRAWN, ctx.height()));
        ctx.emit("ValidatorChangeWithdrawn", new Attribute("proposal", p.id()));
    }

    private static Proposal find(GovernanceStore store, String id) throws ContractException {
        Proposal p = id.getBytes(StandardCharsets.UTF_8).length <= MAX_ID_BYTES ? store.proposal(id) : null;
        if (p == null) {
            throw new ContractException(ResultCode.NOT_FOUND, "no proposal '" + id + "'");
        }
        return p;
    }

    /** Whether the change still applies to the current set. */
    private static void check(Proposal p, ValidatorSet current) throws ContractException {
        if (p.kind() == Proposal.Kind.ADD) {
            if (current.member(p.validatorId()) != null) {
                throw new ContractException(ResultCode.INVALID_STATE, "validator " + p.validatorId() + " is already in the set");
            }
            if (current.memberWithKey(p.publicKey()) != null) {
                throw new ContractException(ResultCode.INVALID_STATE, "that key already belongs to validator "
                        + current.memberWithKey(p.publicKey()).info().id());
            }
            if (current.members().size() >= ValidatorSet.MAX_VALIDATORS) {
                throw new ContractException(ResultCode.LIMIT_EXCEEDED, "the set already has "
                        + ValidatorSet.MAX_VALIDATORS + " validators");
            }
        } else {
            if (current.member(p.validatorId()) == null) {
                throw new ContractException(ResultCode.INVALID_STATE, "no validator " + p.validatorId() + " in the set");
            }
            if (current.members().size() == 1) {
                throw new ContractException(ResultCode.INVALID_STATE, "the last validator cannot be removed");
            }
        }
    }

    private static void adoptIfMajority(CallContext ctx, GovernanceStore store, Proposal p) throws ContractException {
        int governors = store.governors().size();
        if (p.approvals().size() * 2 <= governors) {
            return;
        }
        CryptoSuite suite = ctx.chain().suite();
        ValidatorSet current = store.current(suite);
        List<ValidatorSet.Member> members = new ArrayList<>(current.members());
        if (p.kind() == Proposal.Kind.ADD) {
            members.add(new ValidatorSet.Member(new ValidatorInfo(p.validatorId(), p.organisation(),
                    decodeKey(suite, p.publicKey())), p.raftAddress()));
        } else {
            members.removeIf(m -> m.info().id().equals(p.validatorId()));
        }
        ValidatorSet next = new ValidatorSet(current.version() + 1, ctx.height() + 1, ctx.txHash(), members);
        store.addSet(next);
        store.putProposal(p.decided(Proposal.State.ADOPTED, ctx.height()));
        List<String> ids = new ArrayList<>();
        for (ValidatorSet.Member m : members) {
            ids.add(m.info().id());
        }
        List<Attribute> attributes = new ArrayList<>(List.of(new Attribute("version", Long.toString(next.version())),
                new Attribute("fromHeight", Long.toString(next.fromHeight())),
                new Attribute("validators", String.join(",", ids)), new Attribute("change", p.kind().name()),
                new Attribute("validator", p.validatorId()), new Attribute("proposal", p.id())));
        for (int i = 0; i < members.size(); i++) {
            attributes.add(new Attribute(MEMBER_ATTRIBUTE + i, Hex.encode(ValidatorSet.encodeMember(members.get(i)))));
        }
        ctx.emit(SET_CHANGED, attributes.toArray(new Attribute[0]));
        ctx.output("adopted", Long.toString(next.version()));
    }

    private static PublicKey decodeKey(CryptoSuite suite, byte[] key) throws ContractException {
        try {
            return suite.decodePublicKey(key);
        } catch (CryptoException | IllegalArgumentException e) {
            throw ContractException.invalid("the validator key is not a " + suite.id().label() + " public key: " + e.getMessage());
        }
    }

    private static String text(String s, String what, int min, int max) throws ContractException {
        int n = s.getBytes(StandardCharsets.UTF_8).length;
        if (n < min || n > max) {
            throw ContractException.invalid(what + " must be " + min + ".." + max + " bytes, got " + n);
        }
        return s;
    }
}
