package org.jadechain.contracts.currency;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.jadechain.core.crypto.Address;

/**
 * The currency's invariants over a whole state: every balance and reserve non-negative, frozen within
 * balance and equal to the sum of the wallet's open cases, every wallet within its class's maximum
 * balance, and operators' reserves plus wallets' balances equal to issued minus redeemed. Reads every
 * wallet (through the wallet index), so its cost grows with the number of wallets.
 */
final class Invariants {
    private Invariants() {
    }

    static List<String> check(CurrencyStore store, CurrencyParameters params) {
        List<String> violations = new ArrayList<>();
        long issued = store.issued();
        long redeemed = store.redeemed();
        if (issued < 0 || redeemed < 0 || redeemed > issued) {
            violations.add("issued " + issued + " and redeemed " + redeemed + " are inconsistent");
        }
        long sum = 0;
        boolean overflow = false;
        for (String op : store.operators()) {
            long r = store.reserve(op);
            if (r < 0) {
                violations.add("reserve of " + op + " is negative: " + r);
            }
            try {
                sum = Math.addExact(sum, r);
            } catch (ArithmeticException e) {
                overflow = true;
            }
        }
        long n = store.walletCount();
        for (long i = 0; i < n; i++) {
            Address a = store.walletAt(i);
            WalletRecord w = store.wallet(a);
            if (w == null) {
                violations.add("wallet index entry " + i + " names a missing wallet " + a.hex());
                continue;
            }
            checkWallet(store, params, w, violations);
            try {
                sum = Math.addExact(sum, w.balance());
            } catch (ArithmeticException e) {
                overflow = true;
            }
        }
        if (overflow) {
            violations.add("the sum of reserves and balances exceeds " + Long.MAX_VALUE + " fen");
        } else if (sum != issued - redeemed) {
            violations.add("reserves and balances add up to " + sum + " fen but issued - redeemed is "
                    + (issued - redeemed) + " fen");
        }
        return violations;
    }

    private static void checkWallet(CurrencyStore store, CurrencyParameters params, WalletRecord w,
                                    List<String> violations) {
        String name = "wallet " + w.address().hex();
        if (w.balance() < 0 || w.frozen() < 0) {
            violations.add(name + " has a negative balance or frozen amount");
        }
        if (w.frozen() > w.balance()) {
            violations.add(name + " has " + w.frozen() + " fen frozen but a balance of " + w.balance());
        }
        if (!CurrencyParameters.validClass(w.walletClass())) {
            violations.add(name + " has no valid class: " + w.walletClass());
            return;
        }
        ClassLimits l = params.limits(w.walletClass());
        if (!l.allowsBalance(w.balance())) {
            violations.add(name + " holds " + w.balance() + " fen, over class " + w.walletClass()
                    + "'s maximum balance of " + l.maxBalance());
        }
        SortedMap<String, FrozenCase> cases = store.cases(w.address());
        long frozen = 0;
        for (FrozenCase c : cases.values()) {
            if (c.amount() <= 0) {
                violations.add(name + " has an empty case " + c.caseId());
            }
            frozen += c.amount();
        }
        if (frozen != w.frozen()) {
            violations.add(name + " has " + w.frozen() + " fen frozen but its cases hold " + frozen);
        }
    }
}
