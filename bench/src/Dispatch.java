import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yeswechange.whatsapp.events.ChatwootEvent;
import com.yeswechange.whatsapp.events.EventJson;
import com.yeswechange.whatsapp.events.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Benchmark 4, dispatch. COUNT agent replies (Chatwoot message_created events, outgoing, not private, in the WhatsApp
 * inbox, as handoff-service writes them) are put on chatwoot.events at once, spread over the conversations of
 * benchmark 2 (customers who wrote within 24 h). outbound-service sends each to the sandbox's Twilio stand-in.
 * Measured from the sandbox's record of each Messages.json request (date_created): the sustained send rate against the
 * 80/s per-sender limit, the busiest 1 s window, and the latency from the event to Twilio's request p50/p99.
 *
 * Usage: java -cp 'outbound-service/target/quarkus-app/lib/main/*' Dispatch.java BOOTSTRAP SANDBOX COUNT
 *        CONVERSATIONS_FILE (lines "conversationId phone")
 */
public class Dispatch {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern TAG = Pattern.compile("b4-(\\d+)-reply");

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0], sandbox = args[1];
        int count = Integer.parseInt(args[2]);
        List<String[]> conversations = Files.readAllLines(Path.of(args[3])).stream().map(l -> l.split(" ")).toList();
        long firstId = 900_000_000L + (System.currentTimeMillis() / 1000 % 1_000_000) * 10_000;

        Instant[] produced = new Instant[count];
        Properties config = new Properties();
        config.putAll(Map.of("bootstrap.servers", bootstrap, "acks", "all", "linger.ms", "5",
                "key.serializer", StringSerializer.class.getName(), "value.serializer", StringSerializer.class.getName()));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < count; i++) {
                String[] conversation = conversations.get(i % conversations.size());
                long conversationId = Long.parseLong(conversation[0]);
                produced[i] = Instant.now();
                ChatwootEvent event = new ChatwootEvent(ChatwootEvent.CURRENT_VERSION, "bench-b4-" + firstId + "-" + i,
                        ChatwootEvent.MESSAGE_CREATED, 1L, 3L, conversationId, "open", null,
                        new ChatwootEvent.Message(firstId + i, "b4-" + i + "-reply Merci, nous regardons.", "outgoing",
                                false, "text", null, "User", 2L, "sent", List.of(), produced[i]),
                        new ChatwootEvent.Contact(null, "Client", conversation[1], "whatsapp:" + conversation[1]),
                        produced[i], produced[i]);
                producer.send(new ProducerRecord<>(Topics.CHATWOOT_EVENTS, Long.toString(conversationId),
                        EventJson.write(event)));
            }
        }
        System.out.printf("produced %d replies in %.1f s%n", count, Duration.between(produced[0], produced[count - 1])
                .toMillis() / 1000.0);

        // wait until every reply reached Twilio (or nothing new for 30 s)
        Instant[] atTwilio = new Instant[count];
        int found = 0, previous = -1;
        long lastProgress = System.nanoTime();
        while (found < count && System.nanoTime() - lastProgress < 30_000_000_000L) {
            Thread.sleep(2000);
            found = twilioRequests(sandbox, atTwilio);
            if (found != previous) {
                previous = found;
                lastProgress = System.nanoTime();
            }
        }

        List<Double> latencies = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (atTwilio[i] != null) {
                latencies.add(Duration.between(produced[i], atTwilio[i]).toNanos() / 1e6);
                times.add(atTwilio[i]);
            }
        }
        times.sort(null);
        double span = Duration.between(times.get(0), times.get(times.size() - 1)).toNanos() / 1e9;
        double rate = (times.size() - 1) / span;
        int busiest = 0;
        for (int a = 0, b = 0; b < times.size(); b++) {
            while (Duration.between(times.get(a), times.get(b)).toMillis() >= 1000) {
                a++;
            }
            busiest = Math.max(busiest, b - a + 1);
        }
        System.out.printf("RESULT sent=%d of=%d span_s=%.1f rate_per_s=%.1f share_of_80=%.1f%% busiest_1s=%d%n",
                times.size(), count, span, rate, rate / 80 * 100, busiest);
        System.out.printf("RESULT latency p50_ms=%.0f p99_ms=%.0f max_ms=%.0f%n", percentile(latencies, 50),
                percentile(latencies, 99), percentile(latencies, 100));
    }

    /** Fills in when the sandbox received each benchmark reply on Messages.json; answers how many it has. */
    static int twilioRequests(String sandbox, Instant[] atTwilio) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox + "/sandbox/admin/whatsapp/messages")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        int found = 0;
        for (JsonNode message : JSON.readTree(body)) {
            Matcher m = TAG.matcher(message.path("body").asText(""));
            if (m.find()) {
                int i = Integer.parseInt(m.group(1));
                if (i < atTwilio.length) {
                    atTwilio[i] = Instant.parse(message.path("date_created").asText());
                    found++;
                }
            }
        }
        return found;
    }

    static double percentile(List<Double> values, double p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted.length == 0 ? Double.NaN : sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
