package com.yeswechange.whatsapp.gateway.ui;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.yeswechange.whatsapp.gateway.ChatwootStandIn;
import com.yeswechange.whatsapp.testsupport.KafkaBrokerResource;
import com.yeswechange.whatsapp.testsupport.KeycloakResource;
import io.quarkus.cache.CacheManager;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A supervisor (supervisor1, real Keycloak login) in real Chromium: the dashboard's numbers and charts, the agents
 * page, contacts (search, create, detail, a refused number) and the switch to English.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(ChatwootStandIn.class)
class SupervisorUiBrowserTest {

    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

    @Inject
    CacheManager caches;

    @BeforeEach
    void openBrowser() throws Exception {
        caches.getCacheNames().forEach(name -> caches.getCache(name).orElseThrow().invalidateAll().await()
                .indefinitely());
        ChatwootStandIn.reset();
        ChatwootStandIn.server().stubFor(get(urlPathEqualTo(ChatwootStandIn.ACCOUNT + "/contacts/702"))
                .willReturn(okJson("""
                        {"payload": {"id": 702, "name": "Koffi Yao", "phone_number": "+2250505050505",
                                     "thumbnail": "", "created_at": 1767225000}}""")));
        ChatwootStandIn.server().stubFor(get(urlPathEqualTo(ChatwootStandIn.ACCOUNT + "/contacts/702/conversations"))
                .willReturn(okJson("{\"payload\": []}")));
        if (browser == null) {
            browser = new Browser(root.getPort());
            browser.logIn("supervisor1", "supervisor1");
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void theDashboardShowsThePeriodsNumbersPerAgentAndCharts() {
        browser.open("/ui/dashboard?period=week");
        browser.waitFor(By.id("dashboard-cards"));
        // reporting-service does not answer in this test: the numbers are Chatwoot's v2 reports
        assertThat(card("conversations")).isEqualTo("12");
        assertThat(card("resolutions")).isEqualTo("9");
        assertThat(card("avg_first_response_seconds")).isEqualTo("1 min 35 s");
        assertThat(card("avg_resolution_seconds")).isEqualTo("30 min 0 s");
        assertThat(browser.driver.findElement(By.id("period-week")).getAttribute("aria-current")).isEqualTo("page");
        WebElement agentRow = browser.driver.findElement(By.cssSelector("#per-agent tbody tr"));
        assertThat(agentRow.getText()).contains("Agent Un", "7", "5", "1 min 20 s");
        browser.wait.until(ExpectedConditions.attributeToBe(By.id("chart-agents"), "data-drawn", "true"));
        browser.screenshot("dashboard");
    }

    @Test
    void theAgentsPageListsEveryAgentWithAvailability() {
        browser.open("/ui/agents");
        List<WebElement> rows = browser.waitFor(By.id("agents-table")).findElements(By.cssSelector("tbody tr"));
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).getText()).contains("Agent Un", "agent1@yeswechange.ci", "En ligne");
        browser.screenshot("agents");
    }

    @Test
    void contactsCanBeSearchedAndOpened() {
        browser.open("/ui/contacts?q=Awa");
        WebElement results = browser.waitFor(By.id("contact-results"));
        assertThat(results.getText()).contains("Awa Koné", "+225 07 01 02 03 04");
        browser.screenshot("contacts");
        results.findElement(By.linkText("Awa Koné")).click();
        assertThat(browser.waitFor(By.id("contact-phone")).getText()).isEqualTo("+225 07 01 02 03 04");
        assertThat(browser.driver.findElements(By.cssSelector("main table tbody tr"))).isNotEmpty();
        browser.screenshot("contact");
    }

    @Test
    void aNewContactIsCreatedWithItsNumberInE164() {
        browser.open("/ui/contacts");
        browser.waitFor(By.id("new-name")).sendKeys("Koffi Yao");
        browser.driver.findElement(By.id("new-phone")).sendKeys("+225 05 05 05 05 05");
        browser.driver.findElement(By.id("contact-create-btn")).click();
        browser.wait.until(ExpectedConditions.urlContains("/ui/contacts/702"));
        ChatwootStandIn.server().verify(postRequestedFor(urlPathEqualTo(ChatwootStandIn.ACCOUNT + "/contacts"))
                .withRequestBody(matchingJsonPath("$.name", equalTo("Koffi Yao")))
                .withRequestBody(matchingJsonPath("$.phone_number", equalTo("+2250505050505"))));
    }

    @Test
    void aNumberThatIsNotInternationalIsRefusedWithTheReason() {
        browser.open("/ui/contacts");
        browser.waitFor(By.id("new-name")).sendKeys("Sans Indicatif");
        browser.driver.findElement(By.id("new-phone")).sendKeys("0707070707");
        browser.driver.findElement(By.id("contact-create-btn")).click();
        WebElement error = browser.waitFor(By.id("contact-error"));
        assertThat(error.getText()).contains("phone");
        assertThat(browser.driver.findElement(By.id("new-name")).getAttribute("value")).isEqualTo("Sans Indicatif");
        ChatwootStandIn.server().verify(0, postRequestedFor(urlPathEqualTo(ChatwootStandIn.ACCOUNT + "/contacts")));
    }

    @Test
    void englishCanBeChosenAndIsRemembered() {
        browser.open("/ui/conversations?assignee=all");
        browser.waitFor(By.id("lang-select"));
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("lang-select")))
                .selectByValue("en");
        browser.wait.until(ExpectedConditions.textToBe(By.id("status-open"), "Open"));
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        browser.open("/ui/dashboard");
        assertThat(browser.waitFor(By.id("period-today")).getText()).isEqualTo("Today");
        browser.screenshot("dashboard-english");
        // back to French for the other tests of this class
        browser.open("/ui/conversations");
        new org.openqa.selenium.support.ui.Select(browser.waitFor(By.id("lang-select"))).selectByValue("fr");
        browser.wait.until(ExpectedConditions.textToBe(By.id("status-open"), "Ouvertes"));
    }

    private static String card(String metric) {
        return browser.driver.findElement(By.cssSelector(".card[data-metric='" + metric + "'] .value")).getText();
    }
}
