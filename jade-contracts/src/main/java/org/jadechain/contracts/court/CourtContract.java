package org.jadechain.contracts.court;

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
 * The court docket (contract and namespace {@value #NAME}): enforcement cases filed by the ledger itself when
 * a mediation agreement's installment goes unpaid, and the court's rulings on them, enforced through the
 * currency contract. Amounts are fen. A refused call changes nothing.
 *
 * <table>
 *   <caption>methods (arguments in order, Args types)</caption>
 *   <tr><td>{@code fileCase(court string, creditor bytes20, debtor bytes20, outstanding int, evidence bytes,
 *       reason string)}</td><td>the ledger only: cases are filed by scheduled triggers (the mediation
 *       contract's deadline checks), never by a key holder; output {@code case}</td></tr>
 *   <tr><td>{@code recordPayment(caseId string)}</td><td>the case's debtor, in the same transaction as a
 *       currency transfer to the case's creditor (the mediation contract's {@code payInstallment} does this):
 *       reduces the outstanding amount by that transfer while the case is FILED</td></tr>
 *   <tr><td>{@code accept(caseId, reason string)}, {@code dismiss(caseId, reason)}</td><td>the case's
 *       court</td></tr>
 *   <tr><td>{@code enforce(caseId, reason)}</td><td>the case's court: freezes min(outstanding, the debtor's
 *       unfrozen balance) under the case id</td></tr>
 *   <tr><td>{@code deduct(caseId, amount int, reason)}</td><td>the case's court: frozen funds to the
 *       creditor</td></tr>
 *   <tr><td>{@code close(caseId, reason)}</td><td>the case's court: releases what the case still holds
 *       frozen</td></tr>
 * </table>
 *
 * <p>Refusals, in the order checked: INVALID_ARGUMENT (arguments), NOT_FOUND (case), NOT_AUTHORISED (a court
 * other than the case's, or not the debtor), INVALID_STATE (a transition the case's state does not allow),
 * then the currency's own codes for the freeze, deduction or release. States and transitions are in
 * {@link CaseState}; every step appends a {@link TimelineEntry} and emits an event: {@code CaseFiled},
 * {@code CasePaymentRecorded}, {@code CaseAccepted}, {@code CaseDismissed}, {@code EnforcementOrdered},
 * {@code CaseDeducted}, {@code CaseClosed}, each with {@code case}, {@code court}, {@code state} and the
 * step's {@code amount} and {@code outstanding} (fen in decimal). Reads: {@link CourtQueries}; argument
 * builders: {@link CourtCalls}. Stateless apart from its method table; thread-safe.
 */
public final class CourtContract implements Contract {
    public static final String NAME = "court";

    public static final String FILE_CASE = "fileCase";
    public static final String RECORD_PAYMENT = "recordPayment";
    public static final String ACCEPT = "accept";
    public static final String DISMISS = "dismiss";
    public static final String ENFORCE = "enforce";
    public static final String DEDUCT = "deduct";
    public static final String CLOSE = "close";

    public static final String CASE_FILED = "CaseFiled";
    public static final String CASE_PAYMENT_RECORDED = "CasePaymentRecorded";
    public static final String CASE_ACCEPTED = "CaseAccepted";
    public static final String CASE_DISMISSED = "CaseDismissed";
    public static final String ENFORCEMENT_ORDERED = "EnforcementOrdered";
    public static final String CASE_DEDUCTED = "CaseDeducted";
    public static final String CASE_CLOSED = "CaseClosed";

    /** A ruling's reason, in UTF-8 bytes (1..this). */
    public static final int MAX_REASON_BYTES = 512;
    /** Entries a case's timeline may hold; a step beyond is LIMIT_EXCEEDED. */
    public static final int MAX_TIMELINE = 1_024;

    private final SortedMap<String, Method> methods = new TreeMap<>();

    public CourtContract() {
        Authorisation court = Authorisation.roles(Role.COURT);
        add(FILE_CASE, Authorisation.ledgerOnly(), Filing::fileCase);
        add(RECORD_PAYMENT, Authorisation.anyKeyHolder(), Filing::recordPayment);
        add(ACCEPT, court, Rulings::accept);
        add(DISMISS, court, Rulings::dismiss);
        add(ENFORCE, court, Rulings::enforce);
        add(DEDUCT, court, Rulings::deduct);
        add(CLOSE, court, Rulings::close);
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
     * Every case's money adds up ({@code filedOutstanding = outstanding + paidAfterFiling + deducted}, nothing
     * negative) and every case sits in the list of its state. Funds frozen under a case id are not checked
     * against the case: a court may also use the currency's orders directly. Read-only.
     */
    @Override
    public List<String> checkInvariants(StateReader state) {
        CourtStore s = CourtStore.readOnly(state);
        List<String> out = new ArrayList<>();
        for (long n = 1; n <= s.count(); n++) {
            String id = CourtCase.idOf(n);
            CourtCase c = s.courtCase(id);
            if (c == null) {
                out.add("case " + id + " is missing");
                continue;
            }
            if (c.outstanding() < 0 || c.filedOutstanding() != c.outstanding() + c.paidAfterFiling() + c.deducted()) {
                out.add("case " + id + ": filed " + c.filedOutstanding() + " != outstanding " + c.outstanding()
                        + " + paid " + c.paidAfterFiling() + " + deducted " + c.deducted());
            }
            long pos = s.statePos(id);
            if (pos < 0 || pos >= s.stateCount(c.court(), c.state())
                    || !id.equals(s.stateAt(c.court(), c.state(), pos))) {
                out.add("case " + id + " is not in the " + c.state() + " list of " + c.court());
            }
        }
        return out;
    }
}
