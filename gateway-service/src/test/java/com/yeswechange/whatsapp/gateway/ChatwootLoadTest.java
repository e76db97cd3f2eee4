package com.yeswechange.whatsapp.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.quarkus.cache.CacheManager;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The number of Chatwoot calls does not grow with the number of agents polling: the shared views (unassigned list,
 * counts, an open conversation's new messages) are read once per cache period whoever asks, and identical calls
 * arriving together are coalesced into one. Cache periods are long in tests, so the counts are exact.
 */
@QuarkusTest
class ChatwootLoadTest {

    static final String ACCOUNT = ChatwootStandIn.ACCOUNT;

    @Inject
    CacheManager caches;

    @BeforeEach
    void fresh() {
        ChatwootStandIn.reset();
        caches.getCacheNames().forEach(name -> caches.getCache(name).orElseThrow().invalidateAll().await()
                .indefinitely());
    }

    @Test
    void chatwootCallsStayFlatAsPollingAgentsGrow() throws Exception {
        List<String> oneAgent = List.of(TestUsers.agent1());
        pollRounds(oneAgent, 3);
        int callsForOne = sharedViewCalls();
        assertThat(callsForOne).isPositive();

        fresh();
        List<String> manyAgents = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            manyAgents.add(TestUsers.agent1());
            manyAgents.add(TestUsers.agent2());
            manyAgents.add(TestUsers.supervisor1());
        }
        pollRounds(manyAgents, 3);
        assertThat(sharedViewCalls()).isEqualTo(callsForOne);
    }

    @Test
    void concurrentIdenticalCallsAreCoalescedIntoOne() throws Exception {
        // a slow Chatwoot: every agent asks while the first call is still running
        ChatwootStandIn.server().stubFor(get(urlPathEqualTo(ACCOUNT + "/conversations/102/messages"))
                .withQueryParam("after", WireMock.equalTo("1022"))
                .willReturn(okJson("{\"meta\": {}, \"payload\": []}").withFixedDelay(1500)));
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tokens.add(TestUsers.agent1());
            tokens.add(TestUsers.agent2());
        }
        ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String token : tokens) {
                answers.add(pool.submit(() -> given().auth().oauth2(token)
                        .get("/api/conversations/102/poll?last_message_id=1022").statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        ChatwootStandIn.server().verify(1, getRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/102/messages"))
                .withQueryParam("after", WireMock.equalTo("1022")));
    }

    /** Each agent, like the UI in polling mode: counts, the Unassigned tab, new messages of an open thread. */
    private static void pollRounds(List<String> tokens, int rounds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(tokens.size(), 8));
        try {
            for (int round = 0; round < rounds; round++) {
                List<Callable<Void>> polls = new ArrayList<>();
                for (String token : tokens) {
                    polls.add(() -> {
                        given().auth().oauth2(token).get("/api/conversations/counts").then().statusCode(200);
                        given().auth().oauth2(token).get("/api/conversations?assignee_type=unassigned")
                                .then().statusCode(200);
                        given().auth().oauth2(token).get("/api/conversations/102/poll?last_message_id=1022")
                                .then().statusCode(200);
                        return null;
                    });
                }
                for (Future<Void> done : pool.invokeAll(polls)) {
                    done.get();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Chatwoot calls for what every agent shares (per-agent "mine" filters are counted apart, by design). */
    private static int sharedViewCalls() {
        return count(getRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations")))
                + count(getRequestedFor(urlPathEqualTo(ACCOUNT + "/conversations/meta")))
                + count(getRequestedFor(urlPathMatching(ACCOUNT + "/conversations/\\d+")))
                + count(getRequestedFor(urlPathMatching(ACCOUNT + "/conversations/\\d+/messages")))
                + count(getRequestedFor(urlPathEqualTo(ACCOUNT + "/agents")));
    }

    private static int count(RequestPatternBuilder pattern) {
        return ChatwootStandIn.server().findAll(pattern).size();
    }
}
