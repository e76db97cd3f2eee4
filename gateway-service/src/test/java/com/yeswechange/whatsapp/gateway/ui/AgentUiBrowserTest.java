package com.yeswechange.whatsapp.gateway.ui;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.yeswechange.whatsapp.events.ChatwootEvent;
import com.yeswechange.whatsapp.events.EventJson;
import com.yeswechange.whatsapp.events.StatusEvent;
import com.yeswechange.whatsapp.events.Topics;
import com.yeswechange.whatsapp.gateway.ChatwootStandIn;
import com.yeswechange.whatsapp.testsupport.KafkaBroker;
import com.yeswechange.whatsapp.testsupport.KafkaBrokerResource;
import com.yeswechange.whatsapp.testsupport.KeycloakResource;
import io.quarkus.cache.CacheManager;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * An agent (agent1, a real Keycloak login) works conversation 101 in real Chromium: the list, the thread with every
 * kind of message, replies and private notes, resolve / snooze / assign, a customer message and a delivery tick
 * arriving live from Kafka, and hostile content that must stay text. Chatwoot is the module's WireMock stand-in;
 * what the gateway sent to it is checked there.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(ChatwootStandIn.class)
class AgentUiBrowserTest {

    static final String ACCOUNT = ChatwootStandIn.ACCOUNT;
    static final String HOSTILE = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>";

    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

    @Inject
    CacheManager caches;

    @BeforeEach
    void openBrowserAndStubThread() throws Exception {
        // the gateway caches Chatwoot's answers (long in tests): start each test from the stubs below
        caches.getCacheNames().forEach(name -> caches.getCache(name).orElseThrow().invalidateAll().await()
                .indefinitely());
        ChatwootStandIn.reset();
        stubConversation101();
        if (browser == null) {
            browser = new Browser(root.getPort());
            browser.logIn("agent1", "agent1");
        }
        browser.driver.manage().window().setSize(new Dimension(1280, 800));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void theListShowsTheAgentsConversationsWithPreviewUnreadBadgeAndCounts() {
        browser.open("/ui/conversations");
        WebElement row = browser.waitFor(By.cssSelector(".conv-list a[data-conversation-id='101']"));
        assertThat(row.findElement(By.className("who")).getText()).isEqualTo("Awa Koné");
        assertThat(row.findElement(By.className("badge")).getText()).isEqualTo("2");
        assertThat(row.findElement(By.className("preview")).getText()).isEqualTo("Je voudrais changer mon forfait");
        assertThat(row.findElement(By.className("when")).getAttribute("datetime")).isEqualTo("2026-01-01T00:01:00Z");
        // French by default, the Mine tab active, the sidebar's counts loaded by htmx
        assertThat(browser.driver.findElement(By.id("tab-mine")).getAttribute("aria-current")).isEqualTo("page");
        assertThat(browser.driver.findElement(By.id("status-open")).getText()).isEqualTo("Ouvertes");
        browser.waitFor(By.id("count-unassigned"));
        assertThat(browser.driver.findElement(By.cssSelector("#count-unassigned .count")).getText()).isEqualTo("1");
        browser.screenshot("conversations");
    }

    @Test
    void theThreadStylesEachKindOfMessageApartAndShowsTheClosedWindow() {
        openThread();
        assertThat(cssClass("1011")).contains("msg-incoming");
        assertThat(cssClass("1012")).contains("msg-outgoing");
        assertThat(cssClass("1013")).contains("msg-note");
        assertThat(cssClass("1014")).contains("msg-activity");
        // ticks only on what went to the customer
        assertThat(browser.driver.findElement(By.cssSelector("#m-1012 .tick")).getAttribute("data-status"))
                .isEqualTo("delivered");
        assertThat(browser.driver.findElements(By.cssSelector("#m-1013 .tick"))).isEmpty();
        // the image is shown inline, the PDF as a link
        WebElement image = browser.driver.findElement(By.cssSelector("#m-1015 img.inline"));
        assertThat(image.getAttribute("src")).isEqualTo("https://files.example.ci/photo-facture.jpg");
        assertThat(browser.driver.findElement(By.cssSelector("#m-1016 a.file")).getText()).contains("contrat.pdf");
        // the customer wrote on 1 January 2026: long past 24 hours
        assertThat(browser.driver.findElement(By.id("window-closed")).getText()).contains("24 heures");
        // the contact panel: formatted number and the contact's other conversations
        assertThat(browser.driver.findElement(By.cssSelector(".contact-panel")).getText())
                .contains("+225 07 01 02 03 04");
        assertThat(browser.driver.findElements(By.cssSelector("#other-conversations a"))).isNotEmpty();
        browser.screenshot("thread");
    }

    @Test
    void hostileMessageContentIsShownAsTextAndNeverRuns() {
        openThread();
        WebElement hostile = browser.driver.findElement(By.cssSelector("#m-1017 .content"));
        assertThat(hostile.getText()).isEqualTo(HOSTILE);
        assertThat(browser.driver.findElements(By.cssSelector("#m-1017 img"))).isEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("#m-1017 script"))).isEmpty();
        assertThat(browser.driver.executeScript("return window.__xss === undefined")).isEqualTo(true);
    }

    @Test
    void aReplyIsPostedAsAnOutgoingMessageAndAppearsInTheThread() {
        openThread();
        WebElement text = browser.driver.findElement(By.id("composer-text"));
        text.sendKeys("Bonjour Awa, je m'en occupe");
        text.sendKeys(Keys.ENTER);
        browser.wait.until(d -> !d.findElements(By.xpath(
                "//li[contains(@class,'msg-outgoing')]//span[@class='content'][text()=\"Bonjour Awa, je m'en occupe\"]"))
                .isEmpty());
        chatwoot().verify(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/101/messages"))
                .withRequestBody(matchingJsonPath("$.content", equalTo("Bonjour Awa, je m'en occupe")))
                .withRequestBody(matchingJsonPath("$.private", equalTo("false"))));
        assertThat(text.getAttribute("value")).isEmpty();
    }

    @Test
    void altPSwitchesToPrivateNoteWhichIsPostedPrivateAndStyledAsANote() {
        openThread();
        WebElement text = browser.driver.findElement(By.id("composer-text"));
        new Actions(browser.driver).keyDown(Keys.ALT).sendKeys("p").keyUp(Keys.ALT).perform();
        assertThat(browser.driver.findElement(By.id("mode-note")).getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(browser.driver.findElement(By.id("composer-private")).getAttribute("value")).isEqualTo("true");
        text.sendKeys("Client fidèle, proposer la remise");
        browser.driver.findElement(By.id("send-btn")).click();
        browser.wait.until(d -> !d.findElements(By.xpath(
                "//li[contains(@class,'msg-note')]//span[@class='content'][text()='Client fidèle, proposer la remise']"))
                .isEmpty());
        chatwoot().verify(postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/101/messages"))
                .withRequestBody(matchingJsonPath("$.content", equalTo("Client fidèle, proposer la remise")))
                .withRequestBody(matchingJsonPath("$.private", equalTo("true"))));
        // Alt+L goes back to replying
        new Actions(browser.driver).keyDown(Keys.ALT).sendKeys("l").keyUp(Keys.ALT).perform();
        assertThat(browser.driver.findElement(By.id("composer-private")).getAttribute("value")).isEqualTo("false");
        browser.screenshot("thread-private-note");
    }

    @Test
    void slashOpensCannedResponsesAndPickingOneFillsTheReply() {
        openThread();
        WebElement text = browser.driver.findElement(By.id("composer-text"));
        text.sendKeys("/mer");
        browser.waitFor(By.cssSelector("#canned-list li"));
        text.sendKeys(Keys.ENTER);
        assertThat(text.getAttribute("value")).isEqualTo("Merci de votre patience");
        assertThat(browser.driver.findElement(By.id("canned-list")).isDisplayed()).isFalse();
    }

    @Test
    void altEResolvesTheConversation() {
        openThread();
        new Actions(browser.driver).keyDown(Keys.ALT).sendKeys("e").keyUp(Keys.ALT).perform();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> chatwoot().verify(
                postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/101/toggle_status"))
                        .withRequestBody(equalToJson("{\"status\": \"resolved\"}"))));
    }

    @Test
    void snoozeSendsTheTimeTypedInAbidjan() {
        openThread();
        WebElement until = browser.driver.findElement(By.id("snooze-until"));
        browser.driver.executeScript("arguments[0].value = '2030-01-02T09:30'", until);
        browser.driver.findElement(By.id("snooze-btn")).click();
        long expected = Instant.parse("2030-01-02T09:30:00Z").getEpochSecond(); // Abidjan is UTC+0
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> chatwoot().verify(
                postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/101/toggle_status"))
                        .withRequestBody(equalToJson("{\"status\": \"snoozed\", \"snoozed_until\": " + expected + "}"))));
    }

    @Test
    void assigningToAnotherAgentPostsTheAssignment() {
        openThread();
        new Select(browser.driver.findElement(By.id("assignee-select"))).selectByValue("3");
        browser.driver.findElement(By.id("assign-btn")).click();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> chatwoot().verify(
                postRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/101/assignments"))
                        .withRequestBody(equalToJson("{\"assignee_id\": 3}"))));
    }

    @Test
    void aCustomerMessageFromKafkaAppearsLiveAndStaysText() {
        openThread();
        browser.wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "open"));
        String live = "Vous êtes là ? <b>urgent</b> <img src=x onerror=\"window.__xss=3\">";
        publish(Topics.CHATWOOT_EVENTS, "101", new ChatwootEvent(1, "delivery-live-1", ChatwootEvent.MESSAGE_CREATED,
                1L, 3L, 101L, "open", ChatwootStandIn.AGENT1,
                new ChatwootEvent.Message(88001, live, "incoming", false, "text", "SMlive1", "Contact", 701L,
                        null, List.of(), Instant.now()),
                new ChatwootEvent.Contact(701L, "Awa Koné", "+2250701020304", "whatsapp:+2250701020304"),
                Instant.now(), Instant.now()));
        WebElement message = browser.waitFor(By.id("m-88001"));
        assertThat(message.getAttribute("class")).contains("msg-incoming");
        assertThat(message.findElement(By.className("content")).getText()).isEqualTo(live);
        assertThat(message.findElements(By.tagName("img"))).isEmpty();
        assertThat(browser.driver.executeScript("return window.__xss === undefined")).isEqualTo(true);
        browser.screenshot("thread-live-message");
    }

    @Test
    void aDeliveryStatusFromKafkaChangesTheTickLive() {
        openThread();
        browser.wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "open"));
        assertThat(browser.driver.findElement(By.id("tick-1012")).getAttribute("data-status")).isEqualTo("delivered");
        publish(Topics.WHATSAPP_STATUS, "SM1012", new StatusEvent(1, "SM1012", "read", null, null,
                "whatsapp:+2250701020304", 101L, 1012L, Instant.now()));
        browser.wait.until(ExpectedConditions.attributeToBe(By.id("tick-1012"), "data-status", "read"));
    }

    @Test
    void ctrlSlashOpensTheShortcutHelp() {
        openThread();
        new Actions(browser.driver).keyDown(Keys.CONTROL).sendKeys("/").keyUp(Keys.CONTROL).perform();
        WebElement help = browser.waitFor(By.id("help"));
        assertThat(help.getText()).contains("Alt", "Conversation suivante", "Résoudre la conversation");
        browser.screenshot("shortcuts-help");
        help.findElement(By.cssSelector("button[type=submit]")).click();
    }

    @Test
    void theThreadStaysUsableAtTabletWidth() {
        browser.driver.manage().window().setSize(new Dimension(820, 1180));
        openThread();
        assertThat(browser.driver.findElement(By.id("composer-text")).isDisplayed()).isTrue();
        assertThat(browser.driver.findElement(By.id("resolve-btn")).isDisplayed()).isTrue();
        browser.screenshot("thread-tablet");
    }

    // ------------------------------------------------------------------------------------------------------------

    private static void openThread() {
        browser.open("/ui/conversations/101");
        browser.waitFor(By.id("m-1011"));
    }

    private static String cssClass(String messageId) {
        return browser.driver.findElement(By.id("m-" + messageId)).getAttribute("class");
    }

    private static WireMockServer chatwoot() {
        return ChatwootStandIn.server();
    }

    private static void publish(String topic, String key, Object event) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, EventJson.write(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Conversation 101 (agent1's) with one message of each kind, two files and a hostile text; replies and notes
     * are echoed back as Chatwoot would (new id, same content and privacy).
     */
    static void stubConversation101() {
        WireMockServer server = chatwoot();
        String contact = """
                {"id": 701, "name": "Awa Koné", "phone_number": "+2250701020304", "thumbnail": ""}""";
        String last = """
                {"id": 1011, "content": "Je voudrais changer mon forfait", "message_type": 0, "private": false,
                 "created_at": 1767225660, "conversation_id": 101, "attachments": []}""";
        String conversation = """
                {"id": 101, "account_id": 1, "inbox_id": 3, "status": "open", "priority": null,
                 "meta": {"sender": %s, "channel": "Channel::Api",
                          "assignee": {"id": 2, "name": "Agent Un", "available_name": "Agent Un", "email": "agent1@yeswechange.ci"}},
                 "messages": [%s], "last_non_activity_message": %s, "labels": ["forfait"], "unread_count": 2,
                 "created_at": 1767225600, "last_activity_at": 1767225660, "timestamp": 1767225660}"""
                .formatted(contact, last, last);
        server.stubFor(get(urlPathEqualTo(ACCOUNT + "/conversations/101")).willReturn(okJson(conversation)));
        server.stubFor(WireMock.post(urlPathEqualTo(ACCOUNT + "/conversations/filter")).willReturn(okJson("""
                {"meta": {"mine_count": 1, "unassigned_count": 1, "all_count": 1}, "payload": [%s]}"""
                .formatted(conversation))));
        String messages = """
                [{"id": 1011, "content": "Je voudrais changer mon forfait", "message_type": 0, "private": false,
                  "created_at": 1767225600, "conversation_id": 101, "sender": {"id": 701, "name": "Awa Koné"}, "attachments": []},
                 {"id": 1012, "content": "Je regarde votre compte", "message_type": 1, "private": false, "status": "delivered",
                  "created_at": 1767225630, "conversation_id": 101,
                  "sender": {"id": 2, "name": "Agent Un", "available_name": "Agent Un", "type": "user"}, "attachments": []},
                 {"id": 1013, "content": "Client depuis 2019", "message_type": 1, "private": true,
                  "created_at": 1767225640, "conversation_id": 101,
                  "sender": {"id": 2, "name": "Agent Un", "type": "user"}, "attachments": []},
                 {"id": 1014, "content": "Conversation assignée à Agent Un", "message_type": 2, "private": false,
                  "created_at": 1767225645, "conversation_id": 101, "attachments": []},
                 {"id": 1015, "content": null, "message_type": 0, "private": false, "created_at": 1767225650,
                  "conversation_id": 101, "sender": {"id": 701, "name": "Awa Koné"},
                  "attachments": [{"id": 1, "file_type": "image", "data_url": "https://files.example.ci/photo-facture.jpg",
                                   "file_size": 48213}]},
                 {"id": 1016, "content": "Voici le contrat", "message_type": 0, "private": false, "created_at": 1767225655,
                  "conversation_id": 101, "sender": {"id": 701, "name": "Awa Koné"},
                  "attachments": [{"id": 2, "file_type": "file", "data_url": "https://files.example.ci/contrat.pdf",
                                   "file_size": 1468006}]},
                 {"id": 1017, "content": %s, "message_type": 0, "private": false, "created_at": 1767225660,
                  "conversation_id": 101, "sender": {"id": 701, "name": "Awa Koné"}, "attachments": []}]"""
                .formatted(EventJson.write(HOSTILE));
        server.stubFor(get(urlPathEqualTo(ACCOUNT + "/conversations/101/messages"))
                .willReturn(okJson("{\"meta\": {}, \"payload\": " + messages + "}")));
        server.stubFor(get(urlPathEqualTo(ACCOUNT + "/conversations/101/messages"))
                .withQueryParam("after", matching("\\d+"))
                .willReturn(okJson("{\"meta\": {}, \"payload\": []}")));
        // Chatwoot answers a new message with it: a fresh id, the content and privacy it was given
        server.stubFor(post(urlPathEqualTo(ACCOUNT + "/conversations/101/messages"))
                .willReturn(okJson("""
                        {"id": {{randomInt lower=20000 upper=19999999}}, "content": "{{{jsonPath request.body '$.content'}}}",
                         "conversation_id": 101, "message_type": 1, "private": {{jsonPath request.body '$.private'}},
                         "created_at": {{now format='unix'}}, "status": "sent",
                         "sender": {"id": 2, "name": "Agent Un", "available_name": "Agent Un", "type": "user"},
                         "attachments": []}""").withTransformers("response-template")));
    }
}
