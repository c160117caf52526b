package org.jadechain.contracts.court;

import static org.jadechain.contracts.court.CaseScope.attr;

import org.jadechain.contracts.currency.CurrencyQueries;
import org.jadechain.contracts.currency.HistoryEntry;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.contract.Args;
import org.jadechain.core.contract.CallContext;
import org.jadechain.core.contract.ContractException;
import org.jadechain.core.crypto.Address;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.genesis.Organisation;
import org.jadechain.core.genesis.Role;
import org.jadechain.core.model.ResultCode;

/** How cases reach the docket, and how a late payment on a filed case is counted. */
final class Filing {
    private Filing() {
    }

    /**
     * {@code fileCase(court, creditor, debtor, outstanding, evidence, reason)}, by the ledger only (a scheduled
     * trigger). INVALID_ARGUMENT (ids, addresses, creditor = debtor, outstanding not positive, evidence not
     * canonical or naming other signers than the parties, reason, an organisation that is not a COURT),
     * NOT_FOUND (no such organisation, or a party without a wallet). The case gets the next number; output
     * {@code case}; emits {@code CaseFiled} (with {@code creditor}, {@code debtor}, {@code agreement} and
     * {@code evidenceHash}, see {@link CaseEvidence#hash}).
     */
    static void fileCase(CallContext ctx, Args args) throws ContractException {
        args.expectCount(6);
        String court = args.string(0);
        int courtBytes = court.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (courtBytes == 0 || courtBytes > CaseEvidence.MAX_ORGANISATION_ID_BYTES) {
            throw ContractException.invalid("a court id is 1.." + CaseEvidence.MAX_ORGANISATION_ID_BYTES + " bytes");
        }
        Address creditor = address(args, 1, "the creditor");
        Address debtor = address(args, 2, "the debtor");
        if (creditor.equals(debtor)) {
            throw ContractException.invalid("creditor and debtor are the same wallet");
        }
        long outstanding = args.int64(3);
        if (outstanding <= 0) {
            throw ContractException.invalid("a case needs a positive outstanding amount, got " + outstanding);
        }
        CaseEvidence evidence;
        try {
            evidence = CaseEvidence.decode(args.bytes(4));
        } catch (DecodeException e) {
            throw ContractException.invalid("malformed evidence: " + e.getMessage());
        }
        if (!evidence.creditorSignature().signer().equals(creditor)
                || !evidence.debtorSignature().signer().equals(debtor)) {
            throw ContractException.invalid("the evidence's signers are not the case's parties");
        }
        String reason = CaseScope.reason(args, 5);
        Organisation org = ctx.identities().organisation(court);
        if (org == null) {
            throw new ContractException(ResultCode.NOT_FOUND, "no organisation " + court);
        }
        if (org.role() != Role.COURT) {
            throw ContractException.invalid(court + " is a " + org.role() + ", not a COURT");
        }
        CaseScope s = new CaseScope(ctx);
        requireWallet(s, creditor, "creditor");
        requireWallet(s, debtor, "debtor");

        long number = s.store.count() + 1;
        String id = CourtCase.idOf(number);
        CourtCase c = new CourtCase(id, number, court, creditor, debtor, evidence.agreement(), CaseState.FILED,
                outstanding, outstanding, 0, 0, ctx.height(), ctx.timestamp(), ctx.txHash(), 0, Hash.ZERO);
        s.store.setCount(number);
        s.store.putEvidence(id, evidence);
        s.store.addToCourt(court, id);
        s.store.enterState(c);
        s.step(c, CaseState.FILED, TimelineEntry.Step.FILED, CourtContract.CASE_FILED, reason, outstanding,
                attr("creditor", creditor.hex()), attr("debtor", debtor.hex()),
                attr("agreement", evidence.agreement()),
                attr("evidenceHash", evidence.hash(ctx.chain().suite()).hex()));
        ctx.output("case", id);
    }

    /**
     * {@code recordPayment(caseId)}: counts, against a FILED case, the currency transfer from the debtor to the
     * creditor made earlier in this same transaction (the creditor's newest history line among this transaction's
     * events). Any other caller
     * than the debtor is NOT_AUTHORISED; INVALID_STATE when the case is past FILED or this transaction paid the
     * creditor nothing; ALREADY_EXISTS when this transaction's payment was already counted. The outstanding
     * amount falls by the payment (never below 0). Emits {@code CasePaymentRecorded} (with {@code txHash}).
     */
    static void recordPayment(CallContext ctx, Args args) throws ContractException {
        args.expectCount(1);
        String id = CaseScope.caseId(args, 0);
        CaseScope s = new CaseScope(ctx);
        CourtCase c = s.find(id);
        if (!ctx.caller().address().equals(c.debtor())) {
            throw ContractException.notAuthorised("only the debtor of case " + id + " records payments on it");
        }
        CaseScope.requireState(c, "paid into", CaseState.FILED);
        HistoryEntry e = CurrencyQueries.newestInThisTransaction(ctx, c.creditor());
        if (e == null || e.kind() != HistoryEntry.Kind.TRANSFER
                || !e.counterparty().equals(c.debtor().hex()) || e.amount() <= 0) {
            throw new ContractException(ResultCode.INVALID_STATE, "this transaction made no payment from the debtor "
                    + "to the creditor of case " + id);
        }
        if (c.lastPaymentTx().equals(ctx.txHash())) {
            throw new ContractException(ResultCode.ALREADY_EXISTS, "the payment of transaction " + ctx.txHash().hex()
                    + " is already recorded on case " + id);
        }
        long amount = Math.min(e.amount(), c.outstanding());
        c = c.withPayment(amount, ctx.txHash());
        s.step(c, CaseState.FILED, TimelineEntry.Step.PAYMENT_RECORDED, CourtContract.CASE_PAYMENT_RECORDED,
                "payment by the debtor", amount, attr("txHash", ctx.txHash().hex()));
    }

    private static Address address(Args args, int i, String what) throws ContractException {
        byte[] b = args.bytes(i);
        if (b.length != Address.LENGTH) {
            throw ContractException.invalid(what + " must be a " + Address.LENGTH + "-byte address, got " + b.length
                    + " bytes");
        }
        return Address.of(b);
    }

    private static void requireWallet(CaseScope s, Address a, String what) throws ContractException {
        if (CurrencyQueries.wallet(s.reader, a) == null) {
            throw new ContractException(ResultCode.NOT_FOUND, "the " + what + " " + a.hex() + " has no wallet");
        }
    }
}
