package org.jadechain.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.apache.ratis.retry.MultipleLinearRandomRetry;
import org.apache.ratis.retry.RetryPolicy;
import org.junit.jupiter.api.Test;

/**
 * The leader's retry policy for a follower it cannot reach: Ratis must be able to read it (an unreadable policy
 * would stop replication), it must not back off past about a tenth of a second, and it must not run out.
 */
class AppenderRetryPolicyTest {
    @Test
    void ratisParsesThePolicyWhichSleepsATenthOfASecondAndDoesNotRunOut() {
        MultipleLinearRandomRetry policy =
                MultipleLinearRandomRetry.parseCommaSeparated(RaftServerSettings.APPENDER_RETRY_POLICY);

        assertThat(policy).as("Ratis returns null for a policy it cannot parse").isNotNull();
        // Ratis randomises each sleep to 50-150 % of the configured one
        assertThat(sleepMillis(policy, 1)).isLessThanOrEqualTo(2);
        assertThat(sleepMillis(policy, 50)).isBetween(50L, 150L);
        assertThat(sleepMillis(policy, 5_000)).isBetween(50L, 150L);
        // about three years of a follower away at 100 ms: Ratis would retry without sleeping once the policy ran out
        assertThat(sleepMillis(policy, 900_000_000)).isBetween(50L, 150L);
    }

    private static long sleepMillis(RetryPolicy policy, int attempt) {
        RetryPolicy.Action a = policy.handleAttemptFailure(() -> attempt);
        assertThat(a.shouldRetry()).as("retries attempt %d", attempt).isTrue();
        return a.getSleepTime().toLong(TimeUnit.MILLISECONDS);
    }
}
