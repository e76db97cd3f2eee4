import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the platform's topics on a local broker (run.sh runs this single-file program with the broker's jars).
 * Usage: java -cp 'libs/*' CreateTopics.java <bootstrap>. Idempotent. Mirrors the contract in events/Topics.java.
 */
public class CreateTopics {
    public static void main(String[] args) throws Exception {
        List<String> topics = List.of("whatsapp.inbound", "whatsapp.status", "chatwoot.events", "whatsapp.dispatch");
        Set<String> compacted = Set.of("whatsapp.dispatch");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", args[0]))) {
            for (String topic : topics) {
                for (String name : List.of(topic, topic + ".dlq")) {
                    var config = compacted.contains(name) ? Map.of("cleanup.policy", "compact") : Map.<String, String>of();
                    try {
                        admin.createTopics(List.of(new NewTopic(name, 3, (short) 1).configs(config))).all().get();
                        System.out.println("created " + name);
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                }
            }
        }
    }
}
