package org.jadechain.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.jadechain.core.codec.DecodeException;
import org.jadechain.core.crypto.Hash;
import org.junit.jupiter.api.Test;

class RaftMessagesTest {
    private final Hash header = Hash.wrap(new byte[32]);

    @Test
    void entriesRoundTripAndCarryTheirKind() throws DecodeException {
        byte[] p = RaftMessages.proposal(new byte[] {9, 8, 7}, new byte[] {1, 2}, new byte[] {3, 4, 5});
        RaftMessages.Proposal proposal = RaftMessages.decodeProposal(p);
        assertThat(RaftMessages.kind(p)).isEqualTo(RaftMessages.PROPOSAL);
        assertThat(proposal.blockBytes()).containsExactly(9, 8, 7);
        assertThat(proposal.proposerSignature().publicKey()).containsExactly(1, 2);
        assertThat(proposal.proposerSignature().signature()).containsExactly(3, 4, 5);

        byte[] s = RaftMessages.signature(header, new byte[] {1}, new byte[] {2});
        assertThat(RaftMessages.kind(s)).isEqualTo(RaftMessages.SIGNATURE);
        assertThat(RaftMessages.decodeSignature(s).headerHash()).isEqualTo(header);

        byte[] f = RaftMessages.forward(List.of(new byte[] {1}, new byte[] {2, 3}));
        assertThat(RaftMessages.decodeForward(f)).satisfiesExactly(
                a -> assertThat(a).containsExactly(1), b -> assertThat(b).containsExactly(2, 3));
        assertThat(RaftMessages.decodeForwardReply(RaftMessages.forwardReply(List.of("", "BAD_SIGNATURE: x"))))
                .containsExactly("", "BAD_SIGNATURE: x");
    }

    @Test
    void decodingRefusesTrailingBytesAndTheWrongKind() {
        byte[] s = RaftMessages.signature(header, new byte[] {1}, new byte[] {2});
        byte[] longer = Arrays.copyOf(s, s.length + 1);
        assertThatThrownBy(() -> RaftMessages.decodeSignature(longer)).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> RaftMessages.decodeProposal(s)).isInstanceOf(DecodeException.class);
        assertThat(RaftMessages.kind(new byte[0])).isEqualTo(-1);
    }
}
