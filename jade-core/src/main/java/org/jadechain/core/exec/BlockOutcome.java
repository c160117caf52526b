package org.jadechain.core.exec;

import java.util.List;
import org.jadechain.core.model.Receipt;
import org.jadechain.core.state.StateOverlay;

/** What executing a block produced: receipts (triggers first, then transactions) and the state writes. */
public record BlockOutcome(List<Receipt> receipts, StateOverlay writes) {
    public BlockOutcome {
        receipts = List.copyOf(receipts);
    }
}
