package org.jadechain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.jadechain.cli.devnet.DemoConsortium;
import org.jadechain.cli.devnet.DevnetSeed;
import org.jadechain.core.crypto.SuiteId;
import org.jadechain.core.genesis.Genesis;
import org.jadechain.node.JadeNode;
import org.jadechain.node.config.NodeConfig;
import org.jadechain.sdk.JadeClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in Debian's Chromium, driven by Selenium against a devnet node started here (issue #7): the
 * dashboard follows the chain live, a citizen pays a shop from the wallet view and sees the payment confirmed
 * with its block, the explorer shows it with an inclusion proof the browser verifies, a refusal is explained in
 * plain words, and a court case filed by a mediation deadline shows its timeline and evidence. Screenshots go
 * to target/screenshots/. Skipped only when /usr/bin/chromium or /usr/bin/chromedriver is missing (.ci/run
 * installs both).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Path dir;
    private Path profile;
    private JadeNode node;
    private String url;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    void startDevnetAndBrowser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests need Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
        dir = Files.createTempDirectory("jade-console");
        Genesis genesis = DemoConsortium.write(dir, SuiteId.SM, 0, System.currentTimeMillis());
        node = JadeNode.start(NodeConfig.read(dir.resolve("node.json")), System::currentTimeMillis, dir.resolve("keys"));
        url = "http://127.0.0.1:" + node.apiPort();
        DevnetSeed.run(new JadeClient(url), dir.resolve("keys"), genesis, System.out);
        Files.createDirectories(SHOTS);

        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("jade-console-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1000",
                // A browser's own user agent, so that the console uses the event stream (it polls for headless renderers).
                "--user-agent=Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36");
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (node != null) {
            node.close();
        }
        for (Path p : new Path[] {profile, dir}) {
            if (p != null) {
                try (var files = Files.walk(p)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    @Test
    @Order(1)
    void dashboardShowsTheChainAndNewBlocksArriveWithoutReloading() throws Exception {
        open("#/dashboard");
        long height = status().path("height").asLong();
        wait.until(ExpectedConditions.textToBe(By.id("d-height"), String.valueOf(height)));
        assertThat(text("d-supply")).isEqualTo("¥20,000,000.00");
        assertThat(text("d-consensus")).isEqualTo("solo");
        assertThat(browser.findElement(By.id("d-validators")).getText()).contains("validator-1", "leader");
        wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));

        JsonNode sent = devnetCall("citizen-3", "currency", "transfer", List.of(
                arg("bytes", address("shop-1")), arg("int", 500), arg("string", "bread")));
        waitCommitted(sent.path("txHash").asText());
        wait.until(ExpectedConditions.textToBe(By.id("d-height"), String.valueOf(height + 1)));
        assertThat(browser.findElement(By.id("d-blocks")).getText()).contains("#" + (height + 1));
        screenshot("dashboard");
    }

    @Test
    @Order(2)
    void citizenPaysTheShopAndTheExplorerVerifiesTheProof() throws Exception {
        long shopBefore = wallet("shop-1").path("balance").asLong();
        open("#/wallet");
        wait.until(ExpectedConditions.textToBe(By.id("w-balance"), "¥20,000.00"));
        new Select(browser.findElement(By.id("w-to"))).selectByVisibleText("shop-1");
        browser.findElement(By.id("w-amount")).sendKeys("12.50");
        browser.findElement(By.name("memo")).sendKeys("two coffees");
        browser.findElement(By.id("w-send")).click();
        WebElement ok = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#w-out .ok")));
        assertThat(ok.getText()).contains("Confirmed", "in block", "paid ¥12.50 to shop-1");
        wait.until(ExpectedConditions.textToBe(By.id("w-balance"), "¥19,987.50"));
        assertThat(browser.findElement(By.id("w-history")).getText()).contains("paid", "shop-1", "two coffees", "−¥12.50");
        assertThat(wallet("shop-1").path("balance").asLong()).isEqualTo(shopBefore + 1250);
        screenshot("wallet-paid");

        ok.findElement(By.cssSelector("a.mono")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("t-verify")));
        assertThat(text("t-code")).startsWith("OK");
        assertThat(browser.findElement(By.id("view")).getText()).contains("currency.transfer", "citizen-1", "shop-1");
        browser.findElement(By.id("t-verify")).click();
        WebElement verdict = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verdict")));
        assertThat(verdict.getText()).startsWith("Verified: the transaction and its receipt are in block");
        assertThat(browser.findElements(By.cssSelector("#t-result .checks li.pass"))).hasSize(7);
        screenshot("explorer-proof-verified");

        open("#/wallet/" + address("shop-1"));
        wait.until(ExpectedConditions.textToBe(By.id("w-balance"), "¥17.50"));
        assertThat(browser.findElement(By.id("w-history")).getText()).contains("received", "citizen-1", "+¥12.50");
    }

    @Test
    @Order(3)
    void aRefusedPaymentSaysWhyInPlainWords() {
        open("#/wallet");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("w-to")));
        new Select(browser.findElement(By.id("w-to"))).selectByVisibleText("shop-1");
        browser.findElement(By.id("w-amount")).sendKeys("12.345");
        browser.findElement(By.id("w-send")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#w-out .refused"))).getText())
                .contains("at most two decimals");

        browser.findElement(By.id("w-amount")).clear();
        browser.findElement(By.id("w-amount")).sendKeys("19,000.00");
        new Select(browser.findElement(By.id("w-to"))).selectByVisibleText("citizen-3");
        browser.findElement(By.id("w-send")).click();
        WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#w-out .refused .sub")));
        assertThat(browser.findElement(By.cssSelector("#w-out .refused")).getText())
                .startsWith("Refused: This is over a limit of the wallet's class.")
                .contains("LIMIT_EXCEEDED", "nothing changed");
        assertThat(refused.getText()).contains("nothing changed");
        assertThat(text("w-balance")).isEqualTo("¥19,987.50");
    }

    @Test
    @Order(4)
    void aCaseFiledByAMissedInstallmentShowsItsTimelineEvidenceAndVerifiedFiling() throws Exception {
        String caseId = fileCaseFromMediation();
        open("#/case/" + caseId);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-timeline")));
        assertThat(text("case-state")).isEqualTo("FILED");
        assertThat(text("case-timeline")).contains("Filed by the ledger");
        assertThat(text("case-evidence")).contains("A-1", "creditor signed", "debtor signed", "mediator");
        browser.findElement(By.id("case-verify")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verdict"))).getText())
                .startsWith("Verified: the receipt is in block");

        browser.findElement(By.cssSelector("#case-gate button[data-as='court']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("case-accept"))).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#case-out .ok"))).getText())
                .contains("Confirmed");
        wait.until(ExpectedConditions.textToBe(By.id("case-state"), "ACCEPTED"));
        assertThat(text("case-timeline")).contains("Accepted", "binding agreement, installment unpaid");
        screenshot("court-case");
    }

    @Test
    @Order(5)
    void atPhoneWidthTheMenuFoldsAndTheWalletStillWorks() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            select("citizen-1");
            open("#/wallet");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("w-balance")));
            assertThat(browser.findElement(By.id("menu")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.cssSelector("nav")).isDisplayed()).isFalse();
            Long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).isLessThanOrEqualTo(0L);
            screenshot("wallet-phone");
            browser.findElement(By.id("menu")).click();
            assertThat(browser.findElement(By.cssSelector("nav")).isDisplayed()).isTrue();
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    @Test
    @Order(6)
    void theBrowsersSm3MatchesTheStandardVector() {
        open("#/dashboard");
        Object hex = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "import('/js/hash.js').then(h => done(h.hex(h.sm3(h.utf8('abc')))));");
        assertThat(hex).isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    @Order(7)
    void everyRoleFindsItsViewAndTheBankRegulatorAndAgencyCanAct() throws Exception {
        select("bank-a");
        open("#/bank");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("b-open")));
        WebElement open = browser.findElement(By.id("b-open"));
        new Select(open.findElement(By.name("owner"))).selectByVisibleText("citizen-2");
        new Select(open.findElement(By.name("class"))).selectByValue("4");
        open.findElement(By.name("phone")).sendKeys("13800000002");
        open.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#b-op-out .ok"))).getText())
                .contains("Confirmed", "opened a class-4 wallet for citizen-2");
        WebElement in = browser.findElement(By.id("b-in"));
        new Select(in.findElement(By.name("wallet"))).selectByVisibleText("citizen-2");
        in.findElement(By.name("amount")).sendKeys("300.00");
        in.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#b-op-out .ok"), "¥300.00 moved into citizen-2's wallet"));
        assertThat(wallet("citizen-2").path("balance").asLong()).isEqualTo(30_000);
        screenshot("bank");

        select("regulator");
        open("#/regulator");
        WebElement whois = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("r-form")));
        new Select(whois.findElement(By.name("wallet"))).selectByVisibleText("citizen-2");
        whois.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("r-identity"))).getText())
                .contains("phone", "13800000002");

        select("agency");
        open("#/records");
        WebElement create = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("g-create")));
        create.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#g-out .ok"))).getText())
                .contains("created collection COL-1");

        for (String view : List.of("#/dashboard", "#/explorer", "#/block/1", "#/court", "#/mediation", "#/agreement/A-1",
                "#/records", "#/collection/COL-1", "#/regulator", "#/bank", "#/wallet", "#/search/1")) {
            open(view);
            // Only the fragment changes, so the page is not reloaded: wait for the view's own rendering.
            WebElement heading = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#view h1")));
            assertThat(heading.getText()).as(view).isNotBlank();
            assertThat(browser.findElements(By.cssSelector("#view .error"))).as(view).isEmpty();
        }
        List<String> severe = browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(e -> e.getMessage())
                .filter(m -> !m.contains("Failed to load resource"))
                .toList();
        assertThat(severe).as("errors in the browser's console").isEmpty();
    }

    /** A mediator proposes, both parties sign, nobody pays: the deadline files the case by itself. */
    private String fileCaseFromMediation() throws Exception {
        long due = System.currentTimeMillis() + 2_000;
        JsonNode proposed = post("/v1/devnet/agreements", JSON.createObjectNode().put("as", "mediator")
                .put("creditor", address("shop-1")).put("debtor", address("citizen-1")).put("court", "court")
                .put("terms", "citizen-1 repays shop-1 100.00")
                .set("installments", JSON.createArrayNode().add(JSON.createObjectNode().put("amount", 10_000).put("due", due))));
        String agreement = waitCommitted(proposed.path("txHash").asText()).path("receipt").path("output").path("agreement").asText();
        String hash = get("/v1/mediation/agreements/" + agreement).path("agreementHash").asText();
        for (String party : List.of("citizen-1", "shop-1")) {
            JsonNode sent = devnetCall(party, "mediation", "sign", List.of(arg("string", agreement), arg("bytes", hash)));
            assertThat(waitCommitted(sent.path("txHash").asText()).path("receipt").path("code").asText()).isEqualTo("OK");
        }
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode cases = get("/v1/court/cases");
            if (cases.path("total").asLong() > 0) {
                return cases.path("cases").get(0).path("case").asText();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no case was filed after the installment's due time");
    }

    private void open(String fragment) {
        browser.get(url + "/" + fragment);
        wait.until(d -> "true".equals(((JavascriptExecutor) d).executeScript("return document.body.dataset.ready || ''")));
    }

    private void select(String identity) {
        open("#/dashboard");
        new Select(browser.findElement(By.id("as"))).selectByValue(identity);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void screenshot(String name) throws Exception {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private JsonNode status() throws Exception {
        return get("/v1/status");
    }

    private JsonNode wallet(String id) throws Exception {
        return get("/v1/currency/wallets/" + address(id));
    }

    private String address(String id) throws Exception {
        for (JsonNode i : get("/v1/devnet/identities").path("identities")) {
            if (i.path("id").asText().equals(id)) {
                return i.path("address").asText();
            }
        }
        throw new AssertionError("no demo identity " + id);
    }

    private static JsonNode arg(String type, Object value) {
        var n = JSON.createObjectNode().put("type", type);
        if (value instanceof Number num) {
            n.put("value", num.longValue());
        } else {
            n.put("value", value.toString());
        }
        return n;
    }

    private JsonNode devnetCall(String as, String contract, String method, List<JsonNode> args) throws Exception {
        var body = JSON.createObjectNode().put("as", as).put("contract", contract).put("method", method);
        body.putArray("args").addAll(args);
        return post("/v1/devnet/calls", body);
    }

    private JsonNode waitCommitted(String txHash) throws Exception {
        JsonNode tx = get("/v1/transactions/" + txHash + "?wait=15000");
        assertThat(tx.path("status").asText()).isEqualTo("COMMITTED");
        return tx;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET " + path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private JsonNode post(String path, JsonNode body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("POST " + path + ": " + r.body()).isEqualTo(202);
        return JSON.readTree(r.body());
    }
}
