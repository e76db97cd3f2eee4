import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Benchmark 3, load on Chatwoot. The same scenario twice, for the same time and with the same customer traffic
 * (one customer message per second through the sandbox's Twilio stand-in):
 *
 * - ours: AGENTS simulated agents with the UI open on the gateway: each loads its list, the counts and one open
 *   thread, holds the live stream (/api/events) and re-reads as the UI does on an event (the list on conversation.*,
 *   the counts on counts.changed; new messages arrive in the stream itself).
 * - seed: the seed's design: each agent polls the open thread's messages and the counts (conversations/meta)
 *   directly from Chatwoot every 4 s (random phase), with the agents' Chatwoot tokens.
 *
 * Counted over the whole time (the agents opening their pages included) and over the steady state (from 5 s after
 * the last agent opened its page to the end).
 *
 * Requests reaching the sandbox Chatwoot are counted from the sandbox's own HTTP metrics (/q/metrics, every
 * /api/v1, /api/v2 and /platform request, whoever made it), and the gateway's share from the gateway's
 * chatwoot-client timer (chatwoot_client_requests_seconds_count).
 *
 * Usage: java ChatwootLoad.java GATEWAY SANDBOX GATEWAY_TOKENS(comma) CHATWOOT_TOKENS(comma) AGENTS SECONDS
 *        CUSTOMERS_FILE CONVERSATION_IDS(comma)
 */
public class ChatwootLoad {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String gateway = args[0], sandbox = args[1];
        String[] gatewayTokens = args[2].split(",");
        String[] chatwootTokens = args[3].split(",");
        int agents = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        List<String> customers = Files.readAllLines(Path.of(args[6]));
        String[] conversations = args[7].split(",");

        Phase ours = run("ours", sandbox, gateway, customers, seconds, deadline -> {
            List<Thread> threads = new ArrayList<>();
            for (int a = 0; a < agents; a++) {
                String token = gatewayTokens[a % gatewayTokens.length];
                String conversation = conversations[a % conversations.length];
                threads.add(Thread.ofVirtual().start(() -> uiAgent(gateway, token, conversation, deadline)));
            }
            return threads;
        });
        Phase seed = run("seed", sandbox, gateway, customers, seconds, deadline -> {
            List<Thread> threads = new ArrayList<>();
            for (int a = 0; a < agents; a++) {
                String token = chatwootTokens[a % chatwootTokens.length];
                String conversation = conversations[a % conversations.length];
                long phase = new Random(a).nextLong(4000);
                threads.add(Thread.ofVirtual().start(() -> seedAgent(sandbox, token, conversation, phase, deadline)));
            }
            return threads;
        });
        double minutes = seconds / 60.0;
        System.out.printf("RESULT agents=%d seconds=%d gateway_identities=%d chatwoot_tokens=%d%n", agents, seconds,
                gatewayTokens.length, chatwootTokens.length);
        for (Phase p : List.of(ours, seed)) {
            System.out.printf("RESULT %s chatwoot_per_min=%.0f agents_part_per_min=%.0f chatwoot_429=%d "
                    + "client_requests=%d client_errors=%d steady_s=%.0f steady_chatwoot_per_min=%.0f "
                    + "steady_agents_part_per_min=%.0f%n", p.name, p.chatwootCalls / minutes, p.agentsPart / minutes,
                    p.chatwoot429, p.clientRequests.get(), p.clientErrors.get(), p.steadyMinutes * 60,
                    p.steadyChatwootCalls / p.steadyMinutes, p.steadyAgentsPart / p.steadyMinutes);
        }
        System.out.printf("RESULT ratio_total=%.1f ratio_agents_part=%.1f steady_ratio_agents_part=%.1f%n",
                (double) seed.chatwootCalls / Math.max(1, ours.chatwootCalls),
                (double) seed.agentsPart / Math.max(1, ours.agentsPart),
                // none counted in the steady state is taken as one, so the ratio stays finite (a lower bound then)
                (seed.steadyAgentsPart / seed.steadyMinutes) / (Math.max(1, ours.steadyAgentsPart) / ours.steadyMinutes));
    }

    static final AtomicLong REQUESTS = new AtomicLong(), ERRORS = new AtomicLong(), SEED_CALLS = new AtomicLong();

    record Phase(String name, long chatwootCalls, long chatwoot429, long agentsPart, AtomicLong clientRequests,
            AtomicLong clientErrors, double steadyMinutes, long steadyChatwootCalls, long steadyAgentsPart) {
    }

    /** Agents that have loaded their page and opened their stream (the seed's agents: started their loop). */
    static final AtomicLong OPENED = new AtomicLong();

    interface Agents {
        List<Thread> start(long deadlineNanos) throws Exception;
    }

    static Phase run(String name, String sandbox, String gateway, List<String> customers, int seconds, Agents agents)
            throws Exception {
        REQUESTS.set(0);
        ERRORS.set(0);
        SEED_CALLS.set(0);
        OPENED.set(0);
        long[] sandboxBefore = sandboxChatwootCounts(sandbox);
        long gatewayBefore = gatewayChatwootCalls(gateway);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = agents.start(deadline);
        // the steady state starts 5 s after the last agent opened its page (the opening reads are then done)
        long[] steadySandbox = null;
        long steadyGateway = 0, steadySeed = 0, steadyStart = 0;
        // the same customer traffic in both phases: one message per second, customers in turn
        for (int i = 0; System.nanoTime() < deadline; i++) {
            inbound(sandbox, customers.get(i % customers.size()), "b3-" + name + "-" + i + " Toujours là ?");
            Thread.sleep(1000);
            if (steadySandbox == null && OPENED.get() == threads.size() && i >= 5) {
                steadySandbox = sandboxChatwootCounts(sandbox);
                steadyGateway = gatewayChatwootCalls(gateway);
                steadySeed = SEED_CALLS.get();
                steadyStart = System.nanoTime();
            }
        }
        long[] sandboxAfter = sandboxChatwootCounts(sandbox);
        long gatewayAfter = gatewayChatwootCalls(gateway);
        for (Thread t : threads) {
            t.interrupt();
        }
        boolean ours = name.equals("ours");
        long agentsPart = ours ? gatewayAfter - gatewayBefore : SEED_CALLS.get();
        double steadyMinutes = steadySandbox == null ? 0 : (System.nanoTime() - steadyStart) / 60e9;
        long steadyChatwoot = steadySandbox == null ? 0 : sandboxAfter[0] - steadySandbox[0];
        long steadyAgents = steadySandbox == null ? 0 : ours ? gatewayAfter - steadyGateway : SEED_CALLS.get() - steadySeed;
        return new Phase(name, sandboxAfter[0] - sandboxBefore[0], sandboxAfter[1] - sandboxBefore[1], agentsPart,
                new AtomicLong(REQUESTS.get()), new AtomicLong(ERRORS.get()), steadyMinutes, steadyChatwoot,
                steadyAgents);
    }

    /** One agent with the UI open on the gateway: initial reads, then the live stream and the UI's re-reads. */
    static void uiAgent(String gateway, String token, String conversation, long deadline) {
        try {
            get(gateway + "/api/conversations", "Authorization", "Bearer " + token);
            get(gateway + "/api/conversations/counts", "Authorization", "Bearer " + token);
            get(gateway + "/api/conversations/" + conversation, "Authorization", "Bearer " + token);
            HttpResponse<Stream<String>> stream = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/events"))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofLines());
            REQUESTS.incrementAndGet();
            if (stream.statusCode() != 200) {
                ERRORS.incrementAndGet();
                return;
            }
            OPENED.incrementAndGet();
            Thread closer = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(Math.max(0, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    // closing now
                }
                stream.body().close();
            });
            try (Stream<String> lines = stream.body()) {
                lines.takeWhile(l -> System.nanoTime() < deadline).filter(l -> l.startsWith("event:"))
                        .map(l -> l.substring(6).trim()).forEach(event -> {
                            if (event.equals("counts.changed")) {
                                get(gateway + "/api/conversations/counts", "Authorization", "Bearer " + token);
                            } else if (event.startsWith("conversation.")) {
                                get(gateway + "/api/conversations", "Authorization", "Bearer " + token);
                            }
                        });
            } catch (RuntimeException closed) {
                // the stream is closed at the deadline
            }
            closer.interrupt();
        } catch (Exception e) {
            ERRORS.incrementAndGet();
        }
    }

    /** One agent of the seed design: messages and counts straight from Chatwoot every 4 s. */
    static void seedAgent(String sandbox, String token, String conversation, long phaseMillis, long deadline) {
        String base = sandbox + "/api/v1/accounts/1/conversations";
        try {
            OPENED.incrementAndGet();
            Thread.sleep(phaseMillis);
            while (System.nanoTime() < deadline) {
                long next = System.nanoTime() + 4_000_000_000L;
                get(base + "/" + conversation + "/messages", "api_access_token", token);
                get(base + "/meta?status=open", "api_access_token", token);
                SEED_CALLS.addAndGet(2);
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            // the phase is over
        }
    }

    static void get(String url, String header, String value) {
        REQUESTS.incrementAndGet();
        try {
            int status = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header(header, value).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 400) {
                ERRORS.incrementAndGet();
            }
        } catch (Exception e) {
            ERRORS.incrementAndGet();
        }
    }

    static void inbound(String sandbox, String phone, String body) throws Exception {
        String json = "{\"from\":\"" + phone + "\",\"body\":\"" + body + "\"}";
        HTTP.send(HttpRequest.newBuilder(URI.create(sandbox + "/sandbox/admin/inbound"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /** [Chatwoot API requests, of which 429] served by the sandbox so far (its http_server_requests metric). */
    static long[] sandboxChatwootCounts(String sandbox) throws Exception {
        long total = 0, limited = 0;
        for (String line : metrics(sandbox + "/q/metrics")) {
            if (line.startsWith("http_server_requests_seconds_count{") && (line.contains("uri=\"/api/v1")
                    || line.contains("uri=\"/api/v2") || line.contains("uri=\"/platform/"))) {
                long n = value(line);
                total += n;
                if (line.contains("status=\"429\"")) {
                    limited += n;
                }
            }
        }
        return new long[] { total, limited };
    }

    /** Requests the gateway made to Chatwoot so far (chatwoot-client timer, one count per attempt). */
    static long gatewayChatwootCalls(String gateway) throws Exception {
        return metrics(gateway + "/q/metrics").stream()
                .filter(l -> l.startsWith("chatwoot_client_requests_seconds_count{")).mapToLong(ChatwootLoad::value)
                .sum();
    }

    static List<String> metrics(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body()
                .lines().toList();
    }

    static long value(String line) {
        return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
}
