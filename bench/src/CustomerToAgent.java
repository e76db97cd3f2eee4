import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Benchmark 2, customer → agent. Customers write on WhatsApp (the sandbox's Twilio stand-in posts each message as a
 * signed webhook to handoff-service) at a steady rate; an agent's live stream (gateway /api/events) is watched for
 * each message. Latency = first time the message is on the stream − time the customer sent it.
 *
 * The seed design polled Chatwoot every 4 s: its latency for the same arrivals is (time the message landed in Chatwoot
 * − time sent) + the wait until the next poll, the poll's phase being uniformly random. The landing time is when the
 * sandbox Chatwoot fired the message_created webhook (sandbox admin /calls), right after it stored the message.
 *
 * Usage: java -cp 'gateway-service/target/quarkus-app/lib/main/*' CustomerToAgent.java GATEWAY SANDBOX TOKEN
 *        MESSAGES PER_SECOND CUSTOMERS OUT_DIR
 * Prints RESULT lines; writes OUT_DIR/b2-latencies.csv, OUT_DIR/b2-customers.txt (phone per line) and
 * OUT_DIR/b2-conversations.txt ("conversationId phone" per line).
 */
public class CustomerToAgent {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern TAG = Pattern.compile("b2-(\\d+)-msg");
    static final Pattern SETUP = Pattern.compile("b2-setup-(\\d+)");
    static final double SEED_POLL_SECONDS = 4.0;

    public static void main(String[] args) throws Exception {
        String gateway = args[0], sandbox = args[1], token = args[2];
        int messages = Integer.parseInt(args[3]);
        double perSecond = Double.parseDouble(args[4]);
        int customers = Integer.parseInt(args[5]);
        Path out = Path.of(args[6]);
        String run = Long.toString(System.currentTimeMillis() % 100000);

        Instant[] seen = new Instant[messages];
        ConcurrentHashMap<Integer, Instant> setupSeen = new ConcurrentHashMap<>();
        InputStream stream = openStream(gateway, token, data -> {
            Instant now = Instant.now();
            Matcher m = TAG.matcher(data);
            while (m.find()) {
                int i = Integer.parseInt(m.group(1));
                if (i < messages && seen[i] == null) {
                    seen[i] = now;
                }
            }
            Matcher s = SETUP.matcher(data);
            while (s.find()) {
                setupSeen.putIfAbsent(Integer.parseInt(s.group(1)), now);
            }
        });

        // each customer's first message opens their conversation (no bot flow configured: the router creates it)
        List<String> phones = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            String phone = String.format("+2250799%02d%04d", Integer.parseInt(run) % 100, c);
            phones.add(phone);
            inbound(sandbox, phone, "b2-setup-" + c + " Bonjour");
        }
        Files.write(out.resolve("b2-customers.txt"), phones);
        waitUntil(() -> setupSeen.size() >= customers, Duration.ofSeconds(120));
        System.out.printf("setup: %d of %d conversations seen on the stream%n", setupSeen.size(), customers);

        // steady arrivals: message i leaves at start + i / rate, from customer i mod customers
        Instant[] sent = new Instant[messages];
        long start = System.nanoTime() + 500_000_000L;
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < messages; i++) {
                long due = start + (long) (i * 1e9 / perSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                int n = i;
                senders.submit(() -> {
                    sent[n] = Instant.now();
                    inbound(sandbox, phones.get(n % customers), "b2-" + n + "-msg Question du client");
                    return null;
                });
            }
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        waitUntil(() -> Arrays.stream(seen).allMatch(s -> s != null), Duration.ofSeconds(60));
        stream.close();

        Instant[] landed = landedInChatwoot(sandbox, messages);
        Random phase = new Random(42);
        List<Double> ours = new ArrayList<>(), seed = new ArrayList<>();
        StringBuilder csv = new StringBuilder("i,sent,landed_ms,seen_ms,seed_ms\n");
        int lost = 0;
        for (int i = 0; i < messages; i++) {
            if (seen[i] == null) {
                lost++;
            } else {
                ours.add(millis(sent[i], seen[i]));
            }
            Double seedMs = null;
            if (landed[i] != null) {
                // the next poll after landing: polls at phase + k * 4 s, phase uniform in [0, 4 s)
                seedMs = millis(sent[i], landed[i]) + phase.nextDouble() * SEED_POLL_SECONDS * 1000;
                seed.add(seedMs);
            }
            csv.append(i).append(',').append(sent[i]).append(',')
                    .append(landed[i] == null ? "" : String.format("%.1f", millis(sent[i], landed[i]))).append(',')
                    .append(seen[i] == null ? "" : String.format("%.1f", millis(sent[i], seen[i]))).append(',')
                    .append(seedMs == null ? "" : String.format("%.1f", seedMs)).append('\n');
        }
        Files.writeString(out.resolve("b2-latencies.csv"), csv);
        writeConversations(sandbox, phones, out.resolve("b2-conversations.txt"));
        System.out.printf("RESULT messages=%d rate_per_s=%.1f lost=%d%n", messages, messages / sendSeconds, lost);
        System.out.println("RESULT ours " + summary(ours));
        System.out.println("RESULT seed " + summary(seed));
        System.out.printf("RESULT p99_ratio=%.1f%n", percentile(seed, 99) / percentile(ours, 99));
    }

    /** Opens the live stream; every data line goes to the handler (on its own thread). */
    static InputStream openStream(String gateway, String token, java.util.function.Consumer<String> handler)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/events"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        HttpResponse<Stream<String>> response = HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("live stream answered " + response.statusCode());
        }
        Thread.ofVirtual().start(() -> {
            try {
                response.body().filter(line -> line.startsWith("data:")).forEach(handler);
            } catch (RuntimeException closed) {
                // the stream ends when the benchmark closes it
            }
        });
        return new InputStream() {
            @Override
            public int read() {
                return -1;
            }

            @Override
            public void close() {
                response.body().close();
            }
        };
    }

    static void inbound(String sandbox, String phone, String body) throws Exception {
        String json = JSON.writeValueAsString(java.util.Map.of("from", phone, "name", "Client " + phone, "body", body));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox + "/sandbox/admin/inbound"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            System.err.println("sandbox inbound answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** When the sandbox Chatwoot fired message_created for each benchmark message (its first webhook for it). */
    static Instant[] landedInChatwoot(String sandbox, int messages) throws Exception {
        Instant[] landed = new Instant[messages];
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(sandbox + "/sandbox/admin/calls?event=message_created")).build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode call : JSON.readTree(response.body())) {
            Matcher m = TAG.matcher(call.path("body").asText(""));
            if (m.find()) {
                int i = Integer.parseInt(m.group(1));
                Instant at = Instant.parse(call.path("at").asText());
                if (i < messages && (landed[i] == null || at.isBefore(landed[i]))) {
                    landed[i] = at;
                }
            }
        }
        return landed;
    }

    /** "conversationId phone" for each benchmark customer's conversation (benchmarks 3 and 4 reuse them). */
    static void writeConversations(String sandbox, List<String> phones, Path file) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(sandbox + "/sandbox/admin/chatwoot/conversations")).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> lines = new ArrayList<>();
        for (JsonNode conversation : JSON.readTree(response.body())) {
            String phone = conversation.path("meta").path("sender").path("phone_number").asText("");
            if (phones.contains(phone) && "open".equals(conversation.path("status").asText())) {
                lines.add(conversation.path("id").asText() + " " + phone);
            }
        }
        Files.write(file, lines);
    }

    static void waitUntil(java.util.function.BooleanSupplier done, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(100);
        }
    }

    static double millis(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }

    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static String summary(List<Double> values) {
        return String.format("n=%d p50_ms=%.0f p99_ms=%.0f max_ms=%.0f", values.size(), percentile(values, 50),
                percentile(values, 99), percentile(values, 100));
    }
}
