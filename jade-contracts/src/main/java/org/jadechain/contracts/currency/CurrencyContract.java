package org.jadechain.contracts.currency;

import java.util.SortedMap;
import java.util.TreeMap;
import org.jadechain.core.contract.Authorisation;
import org.jadechain.core.contract.Contract;
import org.jadechain.core.contract.ContractState;
import org.jadechain.core.contract.Method;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.core.genesis.Role;
import org.jadechain.core.state.StateOverlay;

/**
 * The two-tier digital currency (contract and namespace {@value #NAME}). Amounts are whole fen in a
 * {@code long}; every sum is overflow-checked (OVERFLOW). A refused call changes nothing.
 *
 * <table>
 *   <caption>methods (arguments in order, Args types)</caption>
 *   <tr><td>{@code issue(operatorId string, amount int)}</td><td>CENTRAL_BANK: raises an OPERATOR's reserve
 *       and the issued total</td></tr>
 *   <tr><td>{@code redeem(amount int)}</td><td>OPERATOR: burns from the caller's reserve</td></tr>
 *   <tr><td>{@code openWallet(ownerKey bytes, class int, identityCommitment bytes32, encryptedIdentity
 *       bytes)}</td><td>OPERATOR: one wallet per key, at the key's address; output {@code wallet}</td></tr>
 *   <tr><td>{@code setClass(wallet bytes20, class int)}</td><td>the wallet's operator</td></tr>
 *   <tr><td>{@code exchangeIn(wallet bytes20, amount int)}</td><td>the wallet's operator: reserve to wallet</td></tr>
 *   <tr><td>{@code exchangeOut(amount int)}</td><td>a wallet owner: wallet to its operator's reserve</td></tr>
 *   <tr><td>{@code transfer(to bytes20, amount int, memo string)}</td><td>a wallet owner: pays another wallet
 *       within the class limits</td></tr>
 *   <tr><td>{@code freeze(wallet bytes20, amount int, caseId string)}, {@code unfreeze(wallet, caseId)},
 *       {@code deduct(wallet, to bytes20, amount int, caseId)}</td><td>COURT: court orders; deduct is the only
 *       way frozen funds move</td></tr>
 * </table>
 *
 * <p>Arguments are checked first (INVALID_ARGUMENT), then the wallets involved (NOT_FOUND) and who serves
 * them (NOT_AUTHORISED), then limits and funds; the exact order per method is in each handler. Events:
 * {@code Issued}, {@code Redeemed}, {@code WalletOpened}, {@code ClassChanged}, {@code ExchangedIn},
 * {@code ExchangedOut}, {@code Transferred}, {@code Frozen}, {@code Unfrozen}, {@code Deducted} and
 * {@code Alert} (see {@link Alerts}); amounts in events are fen in decimal. Reads: {@link CurrencyQueries};
 * argument builders: {@link CurrencyCalls}. Stateless apart from its method table; thread-safe.
 */
public final class CurrencyContract implements Contract {
    public static final String NAME = "currency";

    public static final String ISSUE = "issue";
    public static final String REDEEM = "redeem";
    public static final String OPEN_WALLET = "openWallet";
    public static final String SET_CLASS = "setClass";
    public static final String EXCHANGE_IN = "exchangeIn";
    public static final String EXCHANGE_OUT = "exchangeOut";
    public static final String TRANSFER = "transfer";
    public static final String FREEZE = "freeze";
    public static final String UNFREEZE = "unfreeze";
    public static final String DEDUCT = "deduct";

    public static final String ISSUED = "Issued";
    public static final String REDEEMED = "Redeemed";
    public static final String WALLET_OPENED = "WalletOpened";
    public static final String CLASS_CHANGED = "ClassChanged";
    public static final String EXCHANGED_IN = "ExchangedIn";
    public static final String EXCHANGED_OUT = "ExchangedOut";
    public static final String TRANSFERRED = "Transferred";
    public static final String FROZEN = "Frozen";
    public static final String UNFROZEN = "Unfrozen";
    public static final String DEDUCTED = "Deducted";
    public static final String ALERT = "Alert";

    public static final int MAX_MEMO_BYTES = 256;
    /** The longest organisation id the currency stores (operator of a wallet, court of a case). */
    public static final int MAX_ORGANISATION_ID_BYTES = 256;
    /** Open court cases one wallet may have at a time; a further freeze is LIMIT_EXCEEDED. */
    public static final int MAX_CASES_PER_WALLET = 256;

    private final SortedMap<String, Method> methods = new TreeMap<>();

    public CurrencyContract() {
        Authorisation centralBank = Authorisation.roles(Role.CENTRAL_BANK);
        Authorisation operator = Authorisation.roles(Role.OPERATOR);
        Authorisation court = Authorisation.roles(Role.COURT);
        Authorisation owner = Authorisation.anyKeyHolder();
        add(ISSUE, centralBank, Issuance::issue);
        add(REDEEM, operator, Issuance::redeem);
        add(OPEN_WALLET, operator, WalletAdmin::openWallet);
        add(SET_CLASS, operator, WalletAdmin::setClass);
        add(EXCHANGE_IN, operator, WalletAdmin::exchangeIn);
        add(EXCHANGE_OUT, owner, Payments::exchangeOut);
        add(TRANSFER, owner, Payments::transfer);
        add(FREEZE, court, CourtOrders::freeze);
        add(UNFREEZE, court, CourtOrders::unfreeze);
        add(DEDUCT, court, CourtOrders::deduct);
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

    /** The wallet history, kept by the node beside the chain rather than in state (ADR 0011). */
    @Override
    public org.jadechain.core.contract.BlockIndexer indexer() {
        return WalletHistory.INDEXER;
    }

    /** No negative balance, frozen within balance and cases, no wallet over its cap, and the supply adds up. */
    @Override
    public java.util.List<String> checkInvariants(org.jadechain.core.state.StateReader state) {
        return CurrencyQueries.checkInvariants(state);
    }

    /**
     * Parses the {@code currency.*} genesis parameters and stores them.
     *
     * @throws IllegalArgumentException when they are malformed (the genesis document is then unusable)
     */
    @Override
    public void initialise(Genesis genesis, StateOverlay state) {
        new CurrencyStore(new ContractState(NAME, state)).putParameters(CurrencyParameters.fromGenesis(genesis));
    }
}
