package org.jadechain.contracts;

import java.util.List;
import org.jadechain.contracts.court.CourtContract;
import org.jadechain.contracts.currency.CurrencyContract;
import org.jadechain.contracts.evidence.EvidenceContract;
import org.jadechain.contracts.governance.GovernanceContract;
import org.jadechain.contracts.mediation.MediationContract;
import org.jadechain.contracts.records.RecordsContract;
import org.jadechain.core.contract.ContractRegistry;

/** The system contracts every Jadechain node runs. */
public final class SystemContracts {
    private SystemContracts() {
    }

    public static ContractRegistry registry() {
        return new ContractRegistry(List.of(new CurrencyContract(), new EvidenceContract(), new MediationContract(),
                new CourtContract(), new RecordsContract(), new GovernanceContract()));
    }
}
