package org.jadechain.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jadechain.core.crypto.Hex;
import org.jadechain.core.crypto.SuiteId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web console's files are served by every node; the demo signer under /v1/devnet (ADR 0009) exists only
 * on a node given the devnet's demo keys, and signs only as those identities.
 */
class ConsoleAndDevnetSignerTest {
    @TempDir
    Path dir;

    private JadeNode node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aNodeWithoutDemoKeysServesTheConsoleButCannotSignForAnyone() throws Exception {
        NodeDirectory chain = NodeDirectory.create(dir, SuiteId.INTL);
        node = JadeNode.start(chain.config(), System::currentTimeMillis);
        Api api = new Api(node.apiPort());

        Api.Answer page = api.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("Jadechain console", "/js/app.js");
        assertThat(api.get("/js/views/wallet.js").status()).isEqualTo(200);
        assertThat(api.get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js").status()).isEqualTo(200);

        for (Api.Answer a : new Api.Answer[] {
            api.get("/v1/devnet/identities"),
            api.postJson("/v1/devnet/calls", "{\"as\":\"citizen-1\",\"contract\":\"evidence\",\"method\":\"recordEvidence\",\"args\":[]}"),
            api.postJson("/v1/devnet/wallets", "{\"as\":\"court\"}"),
            api.get("/v1/devnet/whois/" + chain.address("citizen-1").hex()),
            api.get("/v1/devnet/records/R-1/content?as=court"),
        }) {
            assertThat(a.status()).as(a.toString()).isEqualTo(404);
            assertThat(a.error()).isEqualTo("NOT_FOUND");
        }
        assertThat(api.get("/v1/nothing-here").json().path("message").asText()).isEqualTo("no such endpoint: GET /v1/nothing-here");
    }

    @Test
    void aDevnetNodeSignsAsTheDemoIdentityNamedAndRefusesOthers() throws Exception {
        NodeDirectory chain = NodeDirectory.create(dir, SuiteId.SM);
        node = JadeNode.start(chain.config(), System::currentTimeMillis, dir.resolve("keys"));
        Api api = new Api(node.apiPort());

        var ids = api.get("/v1/devnet/identities").json();
        assertThat(ids.path("identities").findValuesAsText("id")).containsExactly("citizen-1", "citizen-2", "citizen-3", "court");
        assertThat(ids.path("identities").get(3).path("role").asText()).isEqualTo("COURT");
        assertThat(ids.path("identities").get(0).path("role").asText()).isEqualTo("PERSON");

        String doc = Hex.encode(chain.suite().hash("lease".getBytes(java.nio.charset.StandardCharsets.UTF_8)).bytes());
        Api.Answer sent = api.postJson("/v1/devnet/calls", "{\"as\":\"citizen-2\",\"contract\":\"evidence\",\"method\":\"recordEvidence\","
                + "\"args\":[{\"type\":\"bytes\",\"value\":\"" + doc + "\"},{\"type\":\"string\",\"value\":\"signed lease\"}]}");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        assertThat(sent.json().path("sender").asText()).isEqualTo(chain.address("citizen-2").hex());
        var tx = api.awaitCommitted(sent.json().path("txHash").asText());
        assertThat(tx.path("receipt").path("code").asText()).isEqualTo("OK");
        assertThat(tx.path("transaction").path("sender").asText()).isEqualTo(chain.address("citizen-2").hex());

        Api.Answer validator = api.postJson("/v1/devnet/calls",
                "{\"as\":\"validator-1\",\"contract\":\"evidence\",\"method\":\"recordEvidence\",\"args\":[]}");
        assertThat(validator.status()).isEqualTo(400);
        assertThat(validator.body()).contains("not one of this devnet's demo identities");
        Api.Answer badArg = api.postJson("/v1/devnet/calls",
                "{\"as\":\"citizen-1\",\"contract\":\"evidence\",\"method\":\"recordEvidence\",\"args\":[{\"type\":\"float\",\"value\":1.5}]}");
        assertThat(badArg.status()).isEqualTo(400);
        assertThat(badArg.body()).contains("int, bytes, string or bool");
        Api.Answer notRegulator = api.get("/v1/devnet/whois/" + chain.address("citizen-1").hex() + "?as=court");
        assertThat(notRegulator.status()).isEqualTo(404);
    }
}
