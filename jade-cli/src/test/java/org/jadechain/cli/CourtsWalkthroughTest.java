package org.jadechain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jadechain.cli.devnet.DemoConsortium;
import org.jadechain.cli.devnet.DevnetSeed;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.node.JadeNode;
import org.jadechain.node.config.NodeConfig;
import org.jadechain.sdk.JadeClient;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue #4's walkthrough typed as a user would, against a devnet node whose ledger clock the test drives: an
 * agreement whose second installment goes unpaid (the test moves the node's clock past the due times) files a case by itself; the court accepts, enforces, deducts
 * and closes; every step's receipt verifies offline; then encrypted records with a correction.
 */
class CourtsWalkthroughTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MINUTE = 60_000L;

    @TempDir
    Path dir;

    private String node;
    private Path keys;

    private Cli.Run jade(String... args) {
        String[] full = new String[args.length + 2];
        System.arraycopy(args, 0, full, 0, args.length);
        full[args.length] = "--node";
        full[args.length + 1] = node;
        return Cli.run(full);
    }

    private Cli.Run ok(String... args) {
        Cli.Run r = jade(args);
        assertThat(r.status()).as(String.join(" ", args) + "\n" + r).isZero();
        return r;
    }

    private String key(String id) {
        return keys.resolve(id + ".pem").toString();
    }

    private static JsonNode json(Cli.Run r) throws Exception {
        return JSON.readTree(r.out());
    }

    private void verified(Path receipt) {
        Cli.Run v = Cli.run("proof", "verify", receipt.toString(), "--genesis", dir.resolve("genesis.json").toString());
        assertThat(v.status()).as(v.toString()).isZero();
        assertThat(v.out()).contains("VALID");
    }

    private long balance(String who) throws Exception {
        return json(ok("wallet", "balance", who, "--json")).path("balance").asLong();
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void missedInstallmentIsFiledEnforcedAndProvenAndRecordsStayPrivate(SuiteId suite) throws Exception {
        AtomicLong skew = new AtomicLong();
        LongSupplier clock = () -> System.currentTimeMillis() + skew.get();
        Genesis genesis = DemoConsortium.write(dir, suite, 0, clock.getAsLong());
        keys = dir.resolve("keys");
        try (JadeNode n = JadeNode.start(NodeConfig.read(dir.resolve("node.json")), clock)) {
            node = "http://127.0.0.1:" + n.apiPort();
            DevnetSeed.run(new JadeClient(node), keys, genesis, System.out);
            long due1 = clock.getAsLong() + 10 * MINUTE;
            long due2 = clock.getAsLong() + 20 * MINUTE;
            Path terms = dir.resolve("terms.txt");
            Files.writeString(terms, "Citizen One pays Shop One 200.00 in two installments.");

            JsonNode proposed = json(ok("mediation", "propose", "--creditor", key("shop-1"), "--debtor", key("citizen-1"),
                    "--court", "court", "--installment", "100.00@" + due1, "--installment", "100.00@" + due2,
                    "--terms", terms.toString(), "--key", key("mediator"), "--receipt", dir.resolve("r-propose.json").toString(),
                    "--json"));
            String ag = proposed.path("agreement").asText();
            assertThat(ag).isEqualTo("A-1");
            Cli.Run wrongTerms = jade("mediation", "sign", ag, "--terms", dir.resolve("genesis.json").toString(),
                    "--key", key("citizen-1"));
            assertThat(wrongTerms.status()).isEqualTo(1);
            assertThat(wrongTerms.err()).contains("not signed");
            ok("mediation", "sign", ag, "--terms", terms.toString(), "--key", key("citizen-1"),
                    "--receipt", dir.resolve("r-sign-debtor.json").toString());
            ok("mediation", "sign", ag, "--key", key("shop-1"), "--receipt", dir.resolve("r-sign-creditor.json").toString());
            ok("mediation", "pay", ag, "1", "--key", key("citizen-1"), "--receipt", dir.resolve("r-pay.json").toString());
            long debtorBefore = balance(key("citizen-1"));

            skew.addAndGet(due1 + MINUTE - clock.getAsLong());
            assertThat(waitForCases()).isZero();
            skew.addAndGet(due2 + MINUTE - clock.getAsLong());
            assertThat(waitForCases()).isEqualTo(1);

            JsonNode cases = json(ok("court", "cases", "--key", key("court"), "--json"));
            assertThat(cases.path("court").asText()).isEqualTo("court");
            JsonNode c = cases.path("cases").get(0);
            assertThat(c.path("state").asText()).isEqualTo("FILED");
            assertThat(c.path("agreement").asText()).isEqualTo(ag);
            assertThat(c.path("outstandingYuan").asText()).isEqualTo("100.00");
            String caseId = c.path("case").asText();

            Path filing = dir.resolve("r-filing.json");
            JsonNode detail = json(ok("court", "case", caseId, "--receipt", filing.toString(), "--json"));
            JsonNode evidence = detail.path("evidence");
            JsonNode agreement = json(ok("mediation", "show", ag, "--json"));
            assertThat(evidence.path("agreementHash").asText()).isEqualTo(agreement.path("agreementHash").asText());
            assertThat(evidence.path("debtorSignature").path("txHash").asText())
                    .isEqualTo(JSON.readTree(dir.resolve("r-sign-debtor.json").toFile()).path("txHash").asText());
            assertThat(evidence.path("creditorSignature").path("txHash").asText())
                    .isEqualTo(JSON.readTree(dir.resolve("r-sign-creditor.json").toFile()).path("txHash").asText());
            assertThat(evidence.path("payments")).hasSize(1);
            assertThat(evidence.path("payments").get(0).path("txHash").asText())
                    .isEqualTo(JSON.readTree(dir.resolve("r-pay.json").toFile()).path("txHash").asText());
            assertThat(evidence.path("firstInstallment").asInt()).isEqualTo(2);
            verified(filing);
            String tampered = Files.readString(filing).replace(evidence.path("encoded").asText(),
                    evidence.path("encoded").asText().replaceFirst(".$", "0").equals(evidence.path("encoded").asText())
                            ? evidence.path("encoded").asText().replaceFirst(".$", "1")
                            : evidence.path("encoded").asText().replaceFirst(".$", "0"));
            Path forged = dir.resolve("r-forged.json");
            Files.writeString(forged, tampered);
            Cli.Run bad = Cli.run("proof", "verify", forged.toString(), "--genesis", dir.resolve("genesis.json").toString());
            assertThat(bad.status()).isEqualTo(1);
            assertThat(bad.out()).contains("case-evidence");

            long creditorBefore = balance(key("shop-1"));
            String[][] steps = {
                {"accept", caseId, "--reason", "binding agreement, installment 2 unpaid"},
                {"enforce", caseId, "--reason", "freeze what is owed"},
                {"deduct", caseId, "100.00", "--reason", "pay the creditor"},
                {"close", caseId, "--reason", "paid by deduction"}};
            for (String[] step : steps) {
                Path r = dir.resolve("r-" + step[0] + ".json");
                String[] args = new String[step.length + 5];
                args[0] = "court";
                System.arraycopy(step, 0, args, 1, step.length);
                args[step.length + 1] = "--key";
                args[step.length + 2] = key("court");
                args[step.length + 3] = "--receipt";
                args[step.length + 4] = r.toString();
                ok(args);
                verified(r);
            }
            for (String r : new String[] {"r-propose.json", "r-sign-debtor.json", "r-sign-creditor.json", "r-pay.json"}) {
                verified(dir.resolve(r));
            }
            assertThat(balance(key("shop-1"))).isEqualTo(creditorBefore + 10_000);
            assertThat(balance(key("citizen-1"))).isEqualTo(debtorBefore - 10_000);
            JsonNode closed = json(ok("court", "case", caseId, "--json"));
            assertThat(closed.path("state").asText()).isEqualTo("CLOSED");
            assertThat(closed.path("timeline")).extracting(t -> t.path("step").asText())
                    .containsExactly("FILED", "ACCEPTED", "ENFORCEMENT_ORDERED", "DEDUCTED", "CLOSED");
            assertThat(json(ok("supply", "--json")).path("invariants").path("ok").asBoolean()).isTrue();

            records();
        }
    }

    private void records() throws Exception {
        ok("records", "create-collection", "--name", "Tax filings", "--reader", "agency", "--reader", "regulator",
                "--submitter", key("citizen-1"), "--key", key("agency"));
        Path doc = dir.resolve("filing.txt");
        Files.writeString(doc, "income 123,456.00");
        Path receipt = dir.resolve("r-submit.json");
        JsonNode sub = json(ok("records", "submit", "COL-1", doc.toString(), "--key", key("citizen-1"), "--receipt",
                receipt.toString(), "--json"));
        assertThat(sub.path("record").asText()).isEqualTo("R-1");
        Cli.Run checked = Cli.run("proof", "verify", receipt.toString(), "--file", doc.toString(), "--genesis",
                dir.resolve("genesis.json").toString());
        assertThat(checked.status()).as(checked.toString()).isZero();
        assertThat(checked.out()).contains("evidence").contains("document");

        Path out = dir.resolve("read.txt");
        ok("records", "read", "R-1", "--key", key("regulator"), "--out", out.toString());
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo("income 123,456.00");
        Cli.Run bank = jade("records", "read", "R-1", "--key", key("bank-a"));
        assertThat(bank.status()).isEqualTo(1);
        assertThat(bank.err()).contains("not a reader");
        assertThat(bank.out()).isEmpty();
        Cli.Run stranger = jade("records", "submit", "COL-1", doc.toString(), "--key", key("bank-a"), "--json");
        assertThat(stranger.status()).isEqualTo(1);
        assertThat(json(stranger).path("code").asText()).isEqualTo("NOT_AUTHORISED");

        Files.writeString(doc, "income 123,465.00 (corrected)");
        JsonNode v2 = json(ok("records", "submit", "COL-1", doc.toString(), "--corrects", "R-1", "--key", key("citizen-1"),
                "--json"));
        assertThat(v2.path("version").asText()).isEqualTo("2");
        JsonNode history = json(ok("records", "history", "R-1", "--json"));
        assertThat(history.path("versions")).extracting(v -> v.path("record").asText()).containsExactly("R-1", "R-2");
        assertThat(history.path("versions").get(0).path("next").asText()).isEqualTo("R-2");
        ok("records", "read", "R-2", "--key", key("agency"), "--out", out.toString());
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo("income 123,465.00 (corrected)");

        String bankKey = JSON.readTree(http("/v1/organisations/bank-a").body()).path("adminKeys").get(0).asText();
        refused("/v1/records/R-1?reader=" + bankKey, 403, "NOT_A_READER");
        refused("/v1/records/R-1?reader=zz", 400, "BAD_REQUEST");
        refused("/v1/records/R-99", 404, "NOT_FOUND");
        refused("/v1/records/collections/COL-9/records", 404, "NOT_FOUND");
        refused("/v1/court/cases?state=SLEEPING", 400, "BAD_REQUEST");
        refused("/v1/court/cases/C-99/proof", 404, "NOT_FOUND");
        refused("/v1/mediation/agreements?party=not-an-address", 400, "BAD_REQUEST");
        refused("/v1/mediation/agreements/A-99", 404, "NOT_FOUND");
        refused("/v1/mediation/agreements?limit=0", 400, "BAD_REQUEST");
        assertThat(JSON.readTree(http("/v1/mediation/agreements?party=" + json(ok("wallet", "balance", key("shop-1"), "--json"))
                .path("wallet").asText()).body()).path("total").asLong()).isEqualTo(1);
    }

    private java.net.http.HttpResponse<String> http(String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(node + path))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private void refused(String path, int status, String code) throws Exception {
        java.net.http.HttpResponse<String> r = http(path);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("error").asText()).isEqualTo(code);
        assertThat(body.path("message").asText()).isNotBlank();
    }

    /** The number of cases once the node has made a block at the current ledger time. */
    private long waitForCases() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JadeClient client = new JadeClient(node);
        long start = client.status().height();
        while (client.status().height() == start && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return json(ok("court", "cases", "--court", "court", "--json")).path("total").asLong();
    }
}
