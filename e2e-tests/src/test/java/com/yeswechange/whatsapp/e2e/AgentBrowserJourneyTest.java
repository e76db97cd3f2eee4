package com.yeswechange.whatsapp.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.yeswechange.whatsapp.testsupport.KeycloakServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Issue 7's agent journey in real Chromium against the whole running system: agent1 logs in on the real Keycloak's
 * form (the gateway redirects there), a customer handed off by the bot shows up in the open list without a reload,
 * the agent opens the thread, the customer's next message appears live in it, the agent's reply typed in the UI
 * reaches the customer's phone while a private note does not, and resolving from the UI sends the closing message to
 * the phone. The customer side goes through the sandbox's admin API (signed Twilio webhooks), the phone side is read
 * from what the sandbox's Twilio accepted. Screenshots land in {@code target/screenshots/e2e-*.png}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentBrowserJourneyTest {

    /** Generous: the machine is shared, and each step crosses Kafka, Chatwoot webhooks and Twilio callbacks. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String UNASSIGNED_OPEN = "/ui/conversations?status=open&assignee=unassigned";

    private static final String PHONE = "+22505" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    private static final String CUSTOMER = "Mariam Diabaté";

    private static SystemUnderTest system;
    private static ChromeDriver browser;
    private static long conversationId;

    @BeforeAll
    static void startSystemAndBrowser() throws IOException {
        system = SystemUnderTest.get();
        // Keycloak sends the browser back to the gateway's (random) port after the login: allow it, as an admin would
        system.keycloak.addRedirectUri(KeycloakServer.GATEWAY_CLIENT, system.gateway.url() + "/*");

        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory("e2e-chromium-"), "--lang=fr-FR");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 800));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void agent1LogsInOnKeycloaksOwnFormAndSeesTheirConversations() {
        browser.get(system.gateway.url() + "/ui/conversations");

        // not logged in: the gateway sends the browser to the real Keycloak's login page
        await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.findElement(By.id("kc-login")).isDisplayed());
        assertThat(browser.getCurrentUrl()).startsWith(system.keycloak.realmUrl());
        screenshot("e2e-keycloak-login");
        browser.findElement(By.id("username")).sendKeys("agent1");
        browser.findElement(By.id("password")).sendKeys("agent1");
        browser.findElement(By.id("kc-login")).click();

        await().atMost(PATIENCE).until(() -> browser.getCurrentUrl().startsWith(system.gateway.url() + "/ui/"));
        // the session acts as agent1's Chatwoot user: the sandbox's conversation 1 (Aya Kouassi) is theirs
        WebElement mine = awaitElement(By.cssSelector(".conv-list a[data-conversation-id='1']"));
        assertThat(mine.findElement(By.className("who")).getText()).isEqualTo("Aya Kouassi");
        screenshot("e2e-conversations-mine");
    }

    @Test
    @Order(2)
    void aHandedOffCustomerAppearsInTheOpenListWithoutAReload() {
        browser.get(system.gateway.url() + UNASSIGNED_OPEN);
        awaitLiveStream();
        // a reload would lose this marker: it proves the row arrived through the live stream
        browser.executeScript("window.__sameDocument = true");

        given().baseUri(system.sandbox.url()).contentType(ContentType.JSON)
                .body(Map.of("from", PHONE, "name", CUSTOMER, "body", "Je veux parler à un conseiller",
                        "motif", "Compte bloqué"))
                .post("/sandbox/admin/handoff").then().statusCode(200);
        conversationId = await().atMost(PATIENCE).until(() -> conversationIdOf(PHONE), id -> id != null);

        WebElement row = awaitElement(By.cssSelector(".conv-list a[data-conversation-id='" + conversationId + "']"));
        assertThat(row.findElement(By.className("who")).getText()).isEqualTo(CUSTOMER);
        assertThat(browser.executeScript("return window.__sameDocument === true")).isEqualTo(true);
        screenshot("e2e-handoff-in-list");
    }

    @Test
    @Order(3)
    void openingTheThreadShowsTheCustomersMessageAndANewOneArrivesLive() {
        browser.findElement(By.cssSelector(".conv-list a[data-conversation-id='" + conversationId + "']")).click();
        await().atMost(PATIENCE).until(() -> browser.getCurrentUrl().contains("/ui/conversations/" + conversationId));
        awaitElement(By.xpath(incoming("Je veux parler à un conseiller")));
        awaitLiveStream();
        browser.executeScript("window.__sameDocument = true");

        String live = "Mon compte est bloqué depuis ce matin";
        given().baseUri(system.sandbox.url()).contentType(ContentType.JSON)
                .body(Map.of("from", PHONE, "name", CUSTOMER, "body", live))
                .post("/sandbox/admin/inbound").then().statusCode(200);

        awaitElement(By.xpath(incoming(live)));
        assertThat(browser.executeScript("return window.__sameDocument === true")).isEqualTo(true);
        screenshot("e2e-thread-live-message");
    }

    @Test
    @Order(4)
    void theReplyTypedInTheUiReachesThePhone() {
        String reply = "Bonjour Mariam, je débloque votre compte tout de suite.";
        WebElement composer = awaitElement(By.id("composer-text"));
        composer.sendKeys(reply);
        composer.sendKeys(Keys.ENTER);

        awaitElement(By.xpath(withContent("msg-outgoing", reply)));
        await().atMost(PATIENCE).until(() -> bodiesSentTo(PHONE), bodies -> bodies.contains(reply));
        screenshot("e2e-thread-reply");
    }

    @Test
    @Order(5)
    void aPrivateNoteWrittenInTheUiNeverReachesThePhone() {
        String note = "Note interne : identité vérifiée par téléphone";
        String followUp = "C'est fait, votre compte est actif.";

        browser.findElement(By.id("mode-note")).click();
        assertThat(browser.findElement(By.id("mode-note")).getAttribute("aria-pressed")).isEqualTo("true");
        browser.findElement(By.id("composer-text")).sendKeys(note);
        browser.findElement(By.id("send-btn")).click();
        awaitElement(By.xpath(withContent("msg-note", note)));
        screenshot("e2e-thread-private-note");

        browser.findElement(By.id("mode-reply")).click();
        browser.findElement(By.id("composer-text")).sendKeys(followUp);
        browser.findElement(By.id("send-btn")).click();
        awaitElement(By.xpath(withContent("msg-outgoing", followUp)));

        // the reply written after the note reaches the phone; the note, handled first, never does
        List<String> bodies = await().atMost(PATIENCE).until(() -> bodiesSentTo(PHONE), b -> b.contains(followUp));
        assertThat(bodies).doesNotContain(note);
    }

    @Test
    @Order(6)
    void resolvingFromTheUiSendsTheClosingMessageToThePhone() {
        List<String> before = bodiesSentTo(PHONE);
        browser.findElement(By.id("resolve-btn")).click();

        // the thread's header now offers to reopen: the UI took the resolution
        awaitElement(By.id("reopen-btn"));
        // outbound-service's default OUTBOUND_CLOSING_MESSAGE_TEXT (the system runs without overriding it)
        List<String> bodies = await().atMost(PATIENCE).until(() -> bodiesSentTo(PHONE),
                b -> b.size() > before.size());
        assertThat(bodies.subList(before.size(), bodies.size()))
                .containsExactly("Merci de nous avoir contacté ! Notre échange est terminé ; écrivez-nous à tout "
                        + "moment si vous avez encore besoin d'aide.");
        await().atMost(PATIENCE).until(() -> statusOf(conversationId), "resolved"::equals);
        screenshot("e2e-thread-resolved");
    }

    // ------------------------------------------------------------------------------------------------------------

    private static WebElement awaitElement(By by) {
        return await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.findElement(by), WebElement::isDisplayed);
    }

    /** The page's SSE connection to /ui/live is up (the layout marks it on body[data-live]). */
    private static void awaitLiveStream() {
        await().atMost(PATIENCE).ignoreExceptions()
                .until(() -> browser.findElement(By.tagName("body")).getAttribute("data-live"), "open"::equals);
    }

    private static String incoming(String content) {
        return withContent("msg-incoming", content);
    }

    private static String withContent(String kind, String content) {
        return "//li[contains(@class,'" + kind + "')]//span[@class='content'][contains(., \"" + content + "\")]";
    }

    private static void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = browser.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The id of the sandbox Chatwoot's latest conversation with this customer, or null before there is one. */
    private static Long conversationIdOf(String phone) {
        List<Map<String, Object>> mine = conversations().getList(
                "findAll { it.meta.sender.phone_number == '" + phone + "' }");
        return mine.isEmpty() ? null : ((Number) mine.get(mine.size() - 1).get("id")).longValue();
    }

    private static String statusOf(long id) {
        return conversations().getString("find { it.id == " + id + " }.status");
    }

    private static JsonPath conversations() {
        return given().baseUri(system.sandbox.url()).get("/sandbox/admin/chatwoot/conversations")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Bodies of the WhatsApp messages the sandbox Twilio accepted for this customer, oldest first. */
    private static List<String> bodiesSentTo(String phone) {
        return given().baseUri(system.sandbox.url()).queryParam("to", phone).get("/sandbox/admin/whatsapp/messages")
                .then().statusCode(200).extract().jsonPath().getList("body", String.class);
    }
}
