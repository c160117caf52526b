package org.jadechain.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jadechain.core.crypto.CryptoSuite;
import org.jadechain.core.crypto.Hash;
import org.jadechain.core.crypto.KeyPair;
import org.jadechain.core.exec.TestChain;
import org.jadechain.core.genesis.ValidatorInfo;
import org.jadechain.core.model.CommitCertificate;
import org.junit.jupiter.api.Test;

class CertificateVerifierTest {
    private static final CryptoSuite SUITE = TestChain.SUITE;
    private final TestChain chain = new TestChain();
    private final List<ValidatorInfo> validators = chain.genesis.validators();
    private final CertificateVerifier verifier = new CertificateVerifier(SUITE);
    private final Hash header = SUITE.hash("block 7".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    private static CommitCertificate.Signature sign(KeyPair key, Hash headerHash) {
        return new CommitCertificate.Signature(key.publicKey().encoded(),
                SUITE.sign(key.privateKey(), CommitCertificate.signedMessage(headerHash)));
    }

    private CommitCertificate signedBy(int... validatorIndexes) {
        List<CommitCertificate.Signature> sigs = new ArrayList<>();
        for (int i : validatorIndexes) {
            sigs.add(sign(chain.validatorKeys.get(i), header));
        }
        return new CommitCertificate(header, sigs);
    }

    @Test
    void theQuorumIsAStrictMajority() {
        assertThat(CertificateVerifier.quorum(1)).isEqualTo(1);
        assertThat(CertificateVerifier.quorum(2)).isEqualTo(2);
        assertThat(CertificateVerifier.quorum(3)).isEqualTo(2);
        assertThat(CertificateVerifier.quorum(4)).isEqualTo(3);
        assertThat(CertificateVerifier.quorum(7)).isEqualTo(4);
    }

    @Test
    void aMajorityOfValidatorsCertifiesAHeader() {
        assertThat(verifier.check(signedBy(0, 1, 2), header, validators)).isNull();
        assertThat(verifier.check(signedBy(3, 1, 2), header, validators)).isNull();
        assertThat(verifier.check(signedBy(0, 1, 2, 3), header, validators)).isNull();
    }

    @Test
    void fewerThanAMajorityIsRefused() {
        assertThat(verifier.check(signedBy(0, 1), header, validators)).contains("needs 3 of 4");
        assertThat(verifier.check(signedBy(), header, validators)).contains("needs 3 of 4");
    }

    @Test
    void aValidatorSigningTwiceCountsOnceAndIsRefused() {
        CommitCertificate twice = new CommitCertificate(header, List.of(sign(chain.validatorKeys.get(0), header),
                sign(chain.validatorKeys.get(0), header), sign(chain.validatorKeys.get(1), header)));
        assertThat(verifier.check(twice, header, validators)).contains("signed twice");
    }

    @Test
    void aSignatureByAKeyThatIsNotAValidatorIsRefused() {
        CommitCertificate withOutsider = new CommitCertificate(header, List.of(sign(chain.validatorKeys.get(0), header),
                sign(chain.validatorKeys.get(1), header), sign(chain.alice, header)));
        assertThat(verifier.check(withOutsider, header, validators)).contains("not a validator");
    }

    @Test
    void aBadSignatureIsRefusedEvenAmongEnoughGoodOnes() {
        CommitCertificate.Signature good = sign(chain.validatorKeys.get(2), header);
        byte[] broken = good.signature();
        broken[5] ^= 1;
        CommitCertificate c = new CommitCertificate(header, List.of(sign(chain.validatorKeys.get(0), header),
                sign(chain.validatorKeys.get(1), header), sign(chain.validatorKeys.get(3), header),
                new CommitCertificate.Signature(good.publicKey(), broken)));
        assertThat(verifier.check(c, header, validators)).contains("v3").contains("invalid");
    }

    @Test
    void signaturesOverAnotherHeaderOrWithoutTheDomainTagAreRefused() {
        Hash other = SUITE.hash(new byte[] {1});
        CommitCertificate forOther = new CommitCertificate(other, signedBy(0, 1, 2).signatures());
        assertThat(verifier.check(forOther, header, validators)).contains("certificate is for header");
        List<CommitCertificate.Signature> otherSigs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            otherSigs.add(sign(chain.validatorKeys.get(i), other));
        }
        assertThat(verifier.check(new CommitCertificate(header, otherSigs), header, validators)).contains("invalid");
        List<CommitCertificate.Signature> rawHash = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            KeyPair k = chain.validatorKeys.get(i);
            rawHash.add(new CommitCertificate.Signature(k.publicKey().encoded(), SUITE.sign(k.privateKey(), header.bytes())));
        }
        assertThat(verifier.check(new CommitCertificate(header, rawHash), header, validators)).contains("invalid");
    }
}
