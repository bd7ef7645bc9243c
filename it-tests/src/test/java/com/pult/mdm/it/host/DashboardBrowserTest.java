package com.pult.mdm.it.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pult.mdm.host.HostServices;
import com.pult.mdm.host.presence.WifiBatch;
import com.pult.mdm.host.presence.WifiObservation;
import com.pult.mdm.host.store.SyncRun;
import com.pult.mdm.host.sync.IntegrationState;
import com.pult.mdm.host.sync.IntegrationStatus;
import com.pult.mdm.it.sim.KandjiSimulator;
import com.pult.mdm.it.sim.Permission;
import com.pult.mdm.it.sim.SimDevice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: Debian's Chromium, headless, driven through Debian's chromedriver against a real
 * host, the real Kandji plugin and the simulator. An admin signs in, adds an integration (a wrong token first),
 * watches it sync, finds a device's owner, sees the integration pause when its token is revoked, and resets it with
 * a new token. Screenshots of every step go to {@code target/screenshots/dashboard}.
 */
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("pult.test.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("pult.test.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of(System.getProperty("pult.test.screenshots", "target/screenshots"))
            .resolve("dashboard");
    private static final Duration WAIT = Duration.ofSeconds(60);
    /**
     * Selenium warns that it has no DevTools support for Debian's Chromium version; the test uses WebDriver only,
     * so the warning is noise. Held here so the logger's level is not collected away.
     */
    private static final Logger DEVTOOLS_LOG = quiet("org.openqa.selenium.devtools");

    private static final String KANDJI_TOKEN = "5f7c1a40-0000-4000-8000-00000000da51";
    private static final String NEW_KANDJI_TOKEN = "5f7c1a40-0000-4000-8000-00000000da52";
    private static final String WRONG_KANDJI_TOKEN = "5f7c1a40-0000-4000-8000-0000000bad00";

    @TempDir
    Path home;

    @TempDir
    Path browserProfile;

    private KandjiSimulator simulator;
    private HostHarness harness;
    private WebDriver browser;
    private int shots;

    @BeforeEach
    void start() throws Exception {
        assertTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "The dashboard test needs Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                        + "): run bin/ensure-chromium, or bin/test, which runs it.");
        simulator = HostHarness.simulator(150, 11, KANDJI_TOKEN);
        harness = HostHarness.start(home, HostHarness.fastSettings());
        harness.createOrganization("acme");
        harness.deployKandji();
        browser = chromium();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (harness != null) {
            harness.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void anAdminConnectsKandjiFindsAnOwnerAndRecoversFromARevokedToken() throws Exception {
        HostServices services = harness.host.services();
        SimDevice device = HostHarness.qualifyingDeviceWithMac(simulator.fleet());
        String email = device.user().orElseThrow().email().toLowerCase(Locale.ROOT);
        services.users().importCsv("acme", "email,name\n" + email + ",Device Owner\n");
        String token = services.apiTokens().create("acme", "dashboard", false).secret();
        browser.get("http://127.0.0.1:" + harness.host.httpPort() + "/");

        signIn("pult_this-token-does-not-exist");
        String refused = visibleText(By.id("sign-in-error"));
        screenshot("sign-in-refused");
        signIn(token);
        awaitText(By.id("health"), "Needs integrations");
        screenshot("signed-in");

        click(By.id("add-integration"));
        new Select(find(By.id("provider-select"))).selectByValue("kandji");
        type(By.name("api_url"), simulator.baseUrl());
        type(By.name("api_token"), WRONG_KANDJI_TOKEN);
        click(By.id("integration-save"));
        String inlineError = visibleText(By.cssSelector(".field-error[data-for='api_token']"));
        screenshot("wrong-kandji-token");
        int integrationsAfterRefusal = services.integrations().list("acme").size();

        type(By.name("api_token"), KANDJI_TOKEN);
        click(By.id("integration-save"));
        awaitText(By.id("health"), "All integrations working");
        String integrationId = services.integrations().list("acme").get(0).id();
        IntegrationStatus synced = awaitState(integrationId, IntegrationState.ACTIVE);
        awaitText(By.cssSelector(".card .devices"), String.valueOf(synced.devices()));
        screenshot("synced");

        open("lookup");
        new Select(find(By.id("lookup-kind"))).selectByValue("mac");
        type(By.id("lookup-input"), device.macAddress().orElseThrow().toUpperCase(Locale.ROOT));
        click(By.id("lookup-go"));
        String owner = visibleText(By.cssSelector("#lookup-result .lookup-user"));
        String trace = visibleText(By.cssSelector("#lookup-result .trace"));
        screenshot("lookup-by-mac");

        open("inspector");
        type(By.id("inspector-search"), email);
        click(By.id("inspector-go"));
        awaitText(By.cssSelector("#inspector-table tbody tr"), device.serialNumber());
        screenshot("inspector");

        services.presence()
                .record(
                        "acme",
                        WifiBatch.of(List.of(new WifiObservation(
                                device.macAddress().orElseThrow(),
                                device.ipAddress(),
                                "Office",
                                "ap-lobby",
                                Instant.now().minusSeconds(30).toString(),
                                null))));
        open("presence");
        click(By.id("presence-go"));
        awaitText(By.cssSelector("#presence-table tbody tr"), "ap-lobby");
        screenshot("presence");

        open("providers");
        awaitText(By.cssSelector("#providers-table tbody tr[data-id='kandji']"), "SERVING");
        click(By.cssSelector("#providers-table [data-action='disable']"));
        String providerRefusal = visibleText(By.id("providers-error"));
        screenshot("provider-needs-host-admin");

        simulator.tokens().revoke(KANDJI_TOKEN);
        open("integrations");
        String warning = syncUntilPaused();
        awaitText(By.id("health"), "paused");
        screenshot("paused");

        simulator.tokens().add(NEW_KANDJI_TOKEN, Set.of(Permission.values()));
        long lastFailedRun = harness.lastRunId(integrationId);
        click(By.cssSelector(".card [data-action='reset']"));
        type(By.name("api_token"), NEW_KANDJI_TOKEN);
        click(By.id("integration-save"));
        SyncRun afterReset = harness.awaitRun(integrationId, lastFailedRun);
        IntegrationStatus recovered = awaitState(integrationId, IntegrationState.ACTIVE);
        awaitText(By.id("health"), "All integrations working");
        screenshot("reset");

        assertTrue(refused.contains("not accepted"), refused);
        assertTrue(inlineError.contains("401"), inlineError);
        assertEquals(0, integrationsAfterRefusal);
        assertTrue(synced.devices() > 100, "devices: " + synced.devices());
        assertEquals(email, owner);
        assertTrue(trace.contains(email), trace);
        assertTrue(providerRefusal.contains("host-admin"), providerRefusal);
        assertTrue(services.integrations().isProviderEnabled("kandji"));
        assertTrue(warning.startsWith("Paused"), warning);
        assertEquals(SyncRun.Outcome.SUCCEEDED, afterReset.outcome(), afterReset.message());
        assertEquals(synced.devices(), recovered.devices());
        assertTrue(browser.findElements(By.cssSelector(".card .warning")).isEmpty());
    }

    /** Presses "Sync now" while the token is revoked until the host pauses the integration; the card's warning. */
    private String syncUntilPaused() {
        return wait(WAIT.multipliedBy(2)).until(driver -> {
            List<WebElement> warnings = driver.findElements(By.cssSelector(".card .warning"));
            if (!warnings.isEmpty() && warnings.get(0).isDisplayed()) {
                return warnings.get(0).getText();
            }
            WebElement sync = driver.findElement(By.cssSelector(".card [data-action='sync']"));
            if (sync.isEnabled()) {
                sync.click();
            }
            return null;
        });
    }

    private IntegrationStatus awaitState(String integrationId, IntegrationState wanted) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            IntegrationStatus status = harness.integrations().status(integrationId);
            if (status.state() == wanted && status.lastSuccessAt().isPresent()) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Integration " + integrationId + " did not become " + wanted + " within " + WAIT);
    }

    /** Opens one of the dashboard's views through its navigation bar. */
    private void open(String view) {
        click(By.cssSelector("#nav a[data-view='" + view + "']"));
    }

    private void signIn(String token) {
        type(By.id("token-input"), token);
        click(By.id("sign-in"));
    }

    private WebElement find(By by) {
        return wait(WAIT).until(driver -> {
            WebElement element = driver.findElement(by);
            return element.isDisplayed() ? element : null;
        });
    }

    private void click(By by) {
        wait(WAIT).until(driver -> {
            WebElement element = driver.findElement(by);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            element.click();
            return true;
        });
    }

    private void type(By by, String text) {
        WebElement input = find(by);
        input.clear();
        input.sendKeys(text);
    }

    /** The element's text once it is shown and not empty. */
    private String visibleText(By by) {
        return wait(WAIT).until(driver -> {
            WebElement element = driver.findElement(by);
            String text = element.isDisplayed() ? element.getText().strip() : "";
            return text.isEmpty() ? null : text;
        });
    }

    private void awaitText(By by, String expected) {
        wait(WAIT).withMessage(() -> by + " never showed '" + expected + "'").until(driver -> {
            List<WebElement> elements = driver.findElements(by);
            return !elements.isEmpty()
                    && elements.get(0).isDisplayed()
                    && elements.get(0).getText().contains(expected);
        });
    }

    private WebDriverWait wait(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        wait.ignoring(org.openqa.selenium.NoSuchElementException.class);
        return wait;
    }

    private void screenshot(String step) throws IOException {
        shots++;
        Path file = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(
                file,
                SCREENSHOTS.resolve(String.format(Locale.ROOT, "%02d-%s.png", shots, step)),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    /** Headless Chromium with the flags a closed network needs: no background connections, no updates. */
    private WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--lang=en-US",
                "--window-size=1400,1000",
                "--user-data-dir=" + browserProfile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
