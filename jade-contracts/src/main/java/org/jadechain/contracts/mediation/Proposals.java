package org.jadechain.contracts.mediation;

import static org.jadechain.contracts.mediation.AgreementScope.attr;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jadechain.contracts.currency.CurrencyQueries;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.contract.Args;
import org.jadechain.core.contract.CallContext;
import org.jadechain.core.contract.ContractException;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.genesis.Organisation;
import org.jadechain.core.genesis.Role;
import org.jadechain.core.model.ResultCode;

/** An agreement's way to binding: the mediator proposes, the parties sign, or the mediator withdraws it. */
final class Proposals {
    private Proposals() {
    }

    /**
     * {@code propose(creditor, debtor, court, installments, termsHash)}. INVALID_ARGUMENT (addresses, creditor =
     * debtor, court id, a schedule {@link InstallmentCodec} refuses or due at or before this block's time, terms
     * hash not 16..64 bytes, an organisation that is not a COURT), OVERFLOW (the total over a long), NOT_FOUND
     * (no such organisation; a party without a wallet). Output {@code agreement}, {@code agreementHash}; emits
     * {@code AgreementProposed(agreement, mediator, creditor, debtor, court, total, installments)}.
     */
    static void propose(CallContext ctx, Args args) throws ContractException {
        args.expectCount(5);
        Address creditor = AgreementScope.wallet(args, 0, "the creditor wallet");
        Address debtor = AgreementScope.wallet(args, 1, "the debtor wallet");
        if (creditor.equals(debtor)) {
            throw ContractException.invalid("creditor and debtor must be different wallets");
        }
        String court = args.string(2);
        int courtBytes = court.getBytes(StandardCharsets.UTF_8).length;
        if (courtBytes == 0 || courtBytes > MediationContract.MAX_ORGANISATION_ID_BYTES) {
            throw ContractException.invalid("a court id is 1.." + MediationContract.MAX_ORGANISATION_ID_BYTES
                    + " bytes");
        }
        List<Installment> installments;
        try {
            installments = InstallmentCodec.decode(args.bytes(3));
        } catch (DecodeException e) {
            throw ContractException.invalid("malformed installments: " + e.getMessage());
        }
        if (installments.get(0).due() <= ctx.timestamp()) {
            throw ContractException.invalid("installment 1 is due at " + installments.get(0).due()
                    + ", not after this block's time " + ctx.timestamp());
        }
        byte[] terms = args.bytes(4);
        if (terms.length < MediationContract.MIN_TERMS_HASH_BYTES
                || terms.length > MediationContract.MAX_TERMS_HASH_BYTES) {
            throw ContractException.invalid("the terms hash must be " + MediationContract.MIN_TERMS_HASH_BYTES + ".."
                    + MediationContract.MAX_TERMS_HASH_BYTES + " bytes, got " + terms.length);
        }
        long total = 0;
        for (Installment i : installments) {
            try {
                total = Math.addExact(total, i.amount());
            } catch (ArithmeticException e) {
                throw new ContractException(ResultCode.OVERFLOW, "the installments add up to more than "
                        + Long.MAX_VALUE + " fen");
            }
        }
        Organisation org = ctx.identities().organisation(court);
        if (org == null) {
            throw new ContractException(ResultCode.NOT_FOUND, "no organisation " + court);
        }
        if (org.role() != Role.COURT) {
            throw ContractException.invalid(court + " is a " + org.role() + ", not a COURT");
        }
        AgreementScope s = new AgreementScope(ctx);
        if (CurrencyQueries.wallet(s.reader, creditor) == null) {
            throw new ContractException(ResultCode.NOT_FOUND, "the creditor " + creditor.hex() + " has no wallet");
        }
        if (CurrencyQueries.wallet(s.reader, debtor) == null) {
            throw new ContractException(ResultCode.NOT_FOUND, "the debtor " + debtor.hex() + " has no wallet");
        }

        long number = s.store.count() + 1;
        String id = Agreement.idOf(number);
        String mediator = ctx.caller().organisation();
        Hash hash = Agreement.computeHash(ctx.chain().suite(), ctx.chain().chainId(), id, mediator, creditor, debtor,
                court, installments, terms);
        Agreement a = new Agreement(id, number, mediator, ctx.caller().address(), creditor, debtor, court, hash, terms,
                ctx.height(), ctx.timestamp(), ctx.txHash(), AgreementState.PROPOSED, null, null, installments,
                List.of(), List.of(), false);
        s.store.setCount(number);
        s.store.put(a);
        s.store.addToParty(creditor, id);
        s.store.addToParty(debtor, id);
        ctx.emit(MediationContract.AGREEMENT_PROPOSED, attr("agreement", id), attr("mediator", mediator),
                attr("creditor", creditor.hex()), attr("debtor", debtor.hex()), attr("court", court),
                attr("total", total), attr("installments", installments.size()), attr("agreementHash", hash.hex()),
                attr("termsHash", Hex.encode(terms)));
        ctx.output("agreement", id);
        ctx.output("agreementHash", hash.hex());
    }

    /**
     * {@code sign(agreementId, agreementHash)}. INVALID_ARGUMENT (id; hash not 32 bytes or not the agreement's),
     * NOT_FOUND, NOT_AUTHORISED (the caller owns neither wallet), INVALID_STATE (withdrawn; installment 1 already
     * due), ALREADY_EXISTS (this party signed). Emits {@code AgreementSigned(agreement, party, signer)}; the
     * second signature also {@code AgreementBinding(agreement, installments)} and schedules the deadlines.
     */
    static void sign(CallContext ctx, Args args) throws ContractException {
        args.expectCount(2);
        String id = AgreementScope.agreementId(args, 0);
        byte[] hash = args.bytes(1);
        if (hash.length != Hash.LENGTH) {
            throw ContractException.invalid("the agreement hash is " + Hash.LENGTH + " bytes, got " + hash.length);
        }
        AgreementScope s = new AgreementScope(ctx);
        Agreement a = s.find(id);
        Address caller = ctx.caller().address();
        boolean asCreditor = caller.equals(a.creditor());
        if (!asCreditor && !caller.equals(a.debtor())) {
            throw ContractException.notAuthorised("only the owners of the creditor and debtor wallets sign agreement "
                    + id);
        }
        if (!a.agreementHash().equals(Hash.of(hash))) {
            throw ContractException.invalid("agreement " + id + " has hash " + a.agreementHash().hex()
                    + "; the signature names " + Hex.encode(hash));
        }
        if (a.state() == AgreementState.WITHDRAWN) {
            throw new ContractException(ResultCode.INVALID_STATE, "agreement " + id + " was withdrawn");
        }
        String party = asCreditor ? "creditor" : "debtor";
        if ((asCreditor ? a.creditorSignature() : a.debtorSignature()) != null) {
            throw new ContractException(ResultCode.ALREADY_EXISTS, "the " + party + " already signed agreement " + id);
        }
        if (a.installment(1).due() <= ctx.timestamp()) {
            throw new ContractException(ResultCode.INVALID_STATE, "installment 1 of agreement " + id
                    + " fell due before it was signed; the mediator must propose it again");
        }
        Agreement.Signature sig = new Agreement.Signature(caller, ctx.txHash(), ctx.height(), ctx.timestamp());
        a = asCreditor ? a.withSignatures(sig, a.debtorSignature()) : a.withSignatures(a.creditorSignature(), sig);
        ctx.emit(MediationContract.AGREEMENT_SIGNED, attr("agreement", id), attr("party", party),
                attr("signer", caller.hex()));
        if (a.creditorSignature() != null && a.debtorSignature() != null) {
            a = a.withState(AgreementState.BINDING);
            for (int n = 1; n <= a.installments().size(); n++) {
                ctx.schedule(a.installment(n).due(), MediationContract.CHECK_INSTALLMENT,
                        MediationCalls.checkInstallment(id, n));
            }
            ctx.emit(MediationContract.AGREEMENT_BINDING, attr("agreement", id),
                    attr("installments", a.installments().size()), attr("total", a.total()));
        }
        s.store.put(a);
    }

    /**
     * {@code withdraw(agreementId)}: INVALID_ARGUMENT, NOT_FOUND, NOT_AUTHORISED (not the proposing mediator
     * organisation), INVALID_STATE (binding or withdrawn already). Emits {@code AgreementWithdrawn}.
     */
    static void withdraw(CallContext ctx, Args args) throws ContractException {
        args.expectCount(1);
        String id = AgreementScope.agreementId(args, 0);
        AgreementScope s = new AgreementScope(ctx);
        Agreement a = s.find(id);
        if (!a.mediator().equals(ctx.caller().organisation())) {
            throw ContractException.notAuthorised("agreement " + id + " was proposed by " + a.mediator());
        }
        if (a.state() != AgreementState.PROPOSED) {
            throw new ContractException(ResultCode.INVALID_STATE, "agreement " + id + " is " + a.state()
                    + "; only a proposed agreement can be withdrawn");
        }
        s.store.put(a.withState(AgreementState.WITHDRAWN));
        ctx.emit(MediationContract.AGREEMENT_WITHDRAWN, attr("agreement", id), attr("mediator", a.mediator()));
    }
}
