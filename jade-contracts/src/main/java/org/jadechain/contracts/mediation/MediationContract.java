package org.jadechain.contracts.mediation;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jadechain.core.contract.Authorisation;
import org.jadechain.core.contract.Contract;
import org.jadechain.core.contract.Method;
import org.jadechain.core.genesis.Role;
import org.jadechain.core.state.StateReader;

/**
 * Mediation agreements that enforce themselves (contract and namespace {@value #NAME}). A mediator proposes
 * an agreement between a creditor and a debtor wallet, naming the court that will enforce it and an
 * installment schedule; both parties sign it; from then on each installment's due time is a scheduled trigger
 * that, when the installment is not fully paid, files an enforcement case with that court through
 * {@code court.fileCase} — with nobody sending anything. Amounts are fen. A refused call changes nothing.
 *
 * <table>
 *   <caption>methods (arguments in order, Args types)</caption>
 *   <tr><td>{@code propose(creditor bytes20, debtor bytes20, court string, installments bytes,
 *       termsHash bytes)}</td><td>MEDIATOR; installments as {@link InstallmentCodec} (1..24, first due after
 *       the block's time); termsHash 16..64 bytes; output {@code agreement} (id {@code A-<n>}) and
 *       {@code agreementHash}</td></tr>
 *   <tr><td>{@code sign(agreementId string, agreementHash bytes32)}</td><td>the owner of the creditor or the
 *       debtor wallet; the second signature makes the agreement BINDING and schedules one
 *       {@code checkInstallment} trigger per installment at its due time</td></tr>
 *   <tr><td>{@code withdraw(agreementId)}</td><td>the proposing mediator organisation, before BINDING</td></tr>
 *   <tr><td>{@code payInstallment(agreementId, n int [, amount int])}</td><td>the debtor wallet's owner:
 *       pays what remains of installment n (or {@code amount} of it) to the creditor through
 *       {@code currency.transfer}, so all the currency's limits and freezes apply</td></tr>
 *   <tr><td>{@code checkInstallment(agreementId, n)}, {@code recheck(agreementId)}</td><td>the ledger only
 *       (scheduled triggers)</td></tr>
 * </table>
 *
 * <p><b>Deadlines.</b> A payment counts as on time only in a block whose timestamp is before the due time: the
 * trigger runs at the start of the first block at or after it, before that block's transactions. If installment
 * n is then not fully paid and not covered by a case, and no case of the agreement is open (FILED, ACCEPTED or
 * ENFORCING) with money still outstanding (a case paid off by late payments does not hold back the next one),
 * a case is filed covering the installments due by then that no earlier case covered (from the
 * first unpaid one), for their unpaid sum, with the agreement, both signing transactions and the payment
 * history as evidence. If a case is open, nothing is filed; the agreement re-checks every
 * {@value #RECHECK_INTERVAL_MS} ms of ledger time (one pending re-check per agreement) until that case is
 * closed or dismissed, and then files a new case for the installments still unpaid and uncovered. An
 * installment is never covered by two cases, so no trigger ever files twice for the same debt.
 *
 * <p><b>Late payments.</b> A payment on an installment covered by a FILED case is recorded here and counted
 * against the case ({@code court.recordPayment}, in the same transaction), lowering its outstanding amount.
 * Once the court has ACCEPTED the case (and while ENFORCING, or after CLOSED) the installments it covers are
 * settled through the court: paying them here is INVALID_STATE. After a DISMISSED case they can be paid here
 * again.
 *
 * <p>Events: {@code AgreementProposed}, {@code AgreementSigned}, {@code AgreementBinding},
 * {@code AgreementWithdrawn}, {@code InstallmentPaid}, {@code InstallmentMet} (a deadline passed with the
 * installment paid), {@code InstallmentMissed} (with {@code case} and {@code filed}); the court's
 * {@code CaseFiled} comes in the same trigger receipt. Reads: {@link MediationQueries}; argument builders:
 * {@link MediationCalls}. Stateless apart from its method table; thread-safe.
 */
public final class MediationContract implements Contract {
    public static final String NAME = "mediation";

    public static final String PROPOSE = "propose";
    public static final String SIGN = "sign";
    public static final String WITHDRAW = "withdraw";
    public static final String PAY_INSTALLMENT = "payInstallment";
    public static final String CHECK_INSTALLMENT = "checkInstallment";
    public static final String RECHECK = "recheck";

    public static final String AGREEMENT_PROPOSED = "AgreementProposed";
    public static final String AGREEMENT_SIGNED = "AgreementSigned";
    public static final String AGREEMENT_BINDING = "AgreementBinding";
    public static final String AGREEMENT_WITHDRAWN = "AgreementWithdrawn";
    public static final String INSTALLMENT_PAID = "InstallmentPaid";
    public static final String INSTALLMENT_MET = "InstallmentMet";
    public static final String INSTALLMENT_MISSED = "InstallmentMissed";

    public static final int MAX_INSTALLMENTS = 24;
    /** Payments one installment may take; the last of them must pay what remains. */
    public static final int MAX_PAYMENTS_PER_INSTALLMENT = 8;
    public static final int MIN_TERMS_HASH_BYTES = 16;
    public static final int MAX_TERMS_HASH_BYTES = 64;
    public static final int MAX_ORGANISATION_ID_BYTES = 256;
    /** Ledger time between re-checks of a missed installment while the agreement has an open case. */
    public static final long RECHECK_INTERVAL_MS = 86_400_000L;

    private final SortedMap<String, Method> methods = new TreeMap<>();

    public MediationContract() {
        add(PROPOSE, Authorisation.roles(Role.MEDIATOR), Proposals::propose);
        add(SIGN, Authorisation.anyKeyHolder(), Proposals::sign);
        add(WITHDRAW, Authorisation.roles(Role.MEDIATOR), Proposals::withdraw);
        add(PAY_INSTALLMENT, Authorisation.anyKeyHolder(), Repayment::payInstallment);
        add(CHECK_INSTALLMENT, Authorisation.ledgerOnly(), Deadlines::checkInstallment);
        add(RECHECK, Authorisation.ledgerOnly(), Deadlines::recheck);
    }

    private void add(String name, Authorisation who, Method.Handler handler) {
        methods.put(name, new Method(name, who, handler));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SortedMap<String, Method> methods() {
        return methods;
    }

    /**
     * No installment is paid beyond its amount; an agreement is BINDING exactly when both parties signed; its
     * cases cover increasing, non-overlapping ranges of its installments. Read-only.
     */
    @Override
    public List<String> checkInvariants(StateReader state) {
        MediationStore s = MediationStore.readOnly(state);
        List<String> out = new ArrayList<>();
        for (long n = 1; n <= s.count(); n++) {
            String id = Agreement.idOf(n);
            Agreement a = s.agreement(id);
            if (a == null) {
                out.add("agreement " + id + " is missing");
                continue;
            }
            for (int i = 1; i <= a.installments().size(); i++) {
                if (a.remaining(i) < 0) {
                    out.add("agreement " + id + " installment " + i + " is overpaid by " + -a.remaining(i));
                }
            }
            boolean signed = a.creditorSignature() != null && a.debtorSignature() != null;
            if (signed != (a.state() == AgreementState.BINDING)) {
                out.add("agreement " + id + " is " + a.state() + " with " + (signed ? "both" : "not both")
                        + " signatures");
            }
            int next = 1;
            for (Agreement.CaseLink c : a.cases()) {
                if (c.first() < next || c.last() < c.first() || c.last() > a.installments().size()) {
                    out.add("agreement " + id + " case " + c.caseId() + " covers " + c.first() + ".." + c.last()
                            + ", overlapping an earlier case or outside the schedule");
                }
                next = c.last() + 1;
            }
        }
        return out;
    }
}
