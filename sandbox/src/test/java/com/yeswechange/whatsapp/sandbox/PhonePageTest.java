package com.yeswechange.whatsapp.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The customer phone page in real headless Chromium: chat, handoff, image upload, agent replies with ticks. */
@QuarkusTest
@QuarkusTestResource(Receiver.class)
class PhonePageTest {

    static final String SID = "ACd42548387317631745a9084a2bc8f824";
    static ChromeDriver browser;

    @TestHTTPResource("/phone")
    URI phonePage;

    @BeforeAll
    static void startBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=480,900",
                "--user-data-dir=" + Files.createTempDirectory("phone-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void reset() {
        given().post("/sandbox/admin/reset").then().statusCode(200);
        Receiver.answerOk();
    }

    WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    /** The chat bubbles read in one script call: the page re-renders the list, so element handles go stale. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> bubbles() {
        return (List<Map<String, Object>>) browser.executeScript("return [...document.querySelectorAll("
                + "'#messages li.bubble')].map(b => ({cls: b.className, text: b.innerText, status: b.dataset.status,"
                + " ticks: (b.querySelector('.ticks') || {}).textContent || '',"
                + " img: (b.querySelector('img') || {}).naturalWidth || 0}))");
    }

    @Test
    void customerChatsHandsOffAndSeesTheAgentReplyWithTicks() throws Exception {
        browser.get(phonePage.toString());
        waiting().until(d -> d.findElements(By.cssSelector("#customer-pick option")).size() > 1);
        new Select(browser.findElement(By.id("customer-pick"))).selectByValue("+2250505060708");
        assertThat(browser.findElement(By.id("name-input")).getDomProperty("value")).isEqualTo("Jean-Marc Konan");
        browser.findElement(By.id("start")).click();

        browser.findElement(By.id("text")).sendKeys("Bonjour, mon paiement a été débité deux fois");
        browser.findElement(By.id("send")).click();
        waiting().until(d -> bubbles().size() == 1);
        assertThat((String) bubbles().get(0).get("cls")).contains("mine");
        Map<String, String> inbound = await().atMost(Duration.ofSeconds(10))
                .until(() -> TwilioTest.received(Receiver.TWILIO_MESSAGES).stream().findFirst().orElse(null),
                        java.util.Objects::nonNull);
        assertThat(inbound).containsEntry("Body", "Bonjour, mon paiement a été débité deux fois")
                .containsEntry("ProfileName", "Jean-Marc Konan").containsEntry("From", "whatsapp:+2250505060708");

        browser.findElement(By.id("handoff")).click();
        waiting().until(d -> d.findElement(By.id("chat-status")).getText().equals("Conseiller YesWeChange"));
        assertThat(browser.findElement(By.id("handoff")).isEnabled()).isFalse();
        assertThat(TwilioTest.received(Receiver.STUDIO_HANDOFF)).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("name", "Jean-Marc Konan")
                        .containsEntry("from", "whatsapp:+2250505060708"));

        // an agent's reply, sent through the Twilio stand-in as outbound-service does
        given().auth().preemptive().basic(SID, "sandbox-twilio-auth-token")
                .formParam("To", "whatsapp:+2250505060708").formParam("From", "whatsapp:+2252722405060")
                .formParam("Body", "Bonjour Jean-Marc, je vérifie votre paiement.")
                .post("/2010-04-01/Accounts/" + SID + "/Messages.json").then().statusCode(201);
        waiting().until(d -> bubbles().stream().anyMatch(b -> ((String) b.get("text")).contains(
                "je vérifie votre paiement") && "read".equals(b.get("status"))));
        Map<String, Object> reply = bubbles().get(bubbles().size() - 1);
        assertThat((String) reply.get("cls")).contains("theirs");
        assertThat((String) reply.get("ticks")).contains("✓✓");

        Path shot = Path.of("target", "phone-page.png");
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(shot)).isPositive();
    }

    @Test
    void customerSendsAnImage() throws Exception {
        Path image = Files.createTempFile("capture", ".png");
        // a 1×1 PNG
        Files.write(image, Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
        browser.get(phonePage.toString());
        browser.findElement(By.id("phone-input")).sendKeys("+2250709999999");
        browser.findElement(By.id("name-input")).sendKeys("Cliente Photo");
        browser.findElement(By.id("start")).click();
        browser.findElement(By.id("file")).sendKeys(image.toAbsolutePath().toString());
        browser.findElement(By.id("text")).sendKeys("Mon reçu");
        browser.findElement(By.id("send")).click();

        // the image is served back to the page and decodes (a 1-pixel wide PNG)
        waiting().until(d -> bubbles().size() == 1 && ((Number) bubbles().get(0).get("img")).intValue() == 1);
        Map<String, String> inbound = await().atMost(Duration.ofSeconds(10))
                .until(() -> TwilioTest.received(Receiver.TWILIO_MESSAGES).stream().findFirst().orElse(null),
                        java.util.Objects::nonNull);
        assertThat(inbound).containsEntry("NumMedia", "1").containsEntry("MediaContentType0", "image/png")
                .containsEntry("Body", "Mon reçu");
    }

    @Test
    void anInvalidNumberIsRefusedWithAMessage() {
        browser.get(phonePage.toString());
        browser.findElement(By.id("phone-input")).sendKeys("0701020304");
        browser.findElement(By.id("start")).click();
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("Numéro invalide");
        assertThat(browser.findElement(By.id("chat")).isDisplayed()).isFalse();
    }
}
