import com.twilio.security.RequestValidator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes a pool of validly signed Twilio WhatsApp message webhooks for wrk (bench/src/ingest.lua): one line per
 * request, "signature TAB form body". The signature is Twilio's (HMAC-SHA1 over the public URL followed by every
 * parameter name and value in name order, Base64) and every line is checked with the Twilio SDK's RequestValidator
 * before it is written, so a pool the service would refuse is never used.
 *
 * Usage: java -cp 'handoff-service/target/quarkus-app/lib/main/*' SignWebhooks.java URL AUTH_TOKEN ACCOUNT_SID COUNT OUT
 */
public class SignWebhooks {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String authToken = args[1];
        String accountSid = args[2];
        int count = Integer.parseInt(args[3]);
        RequestValidator validator = new RequestValidator(authToken);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String phone = String.format("+22501%08d", i);
            Map<String, String> params = new LinkedHashMap<>();
            params.put("MessageSid", String.format("SMbench%025d", i));
            params.put("SmsMessageSid", params.get("MessageSid"));
            params.put("AccountSid", accountSid);
            params.put("From", "whatsapp:" + phone);
            params.put("To", "whatsapp:+2252722405060");
            params.put("Body", "Bonjour, ceci est le message de test numéro " + i);
            params.put("NumMedia", "0");
            params.put("NumSegments", "1");
            params.put("ProfileName", "Client " + i);
            params.put("WaId", phone.substring(1));
            params.put("MessageType", "text");
            params.put("SmsStatus", "received");
            params.put("ApiVersion", "2010-04-01");
            String signature = sign(url, params, authToken);
            if (!validator.validate(url, params, signature)) {
                throw new IllegalStateException("the SDK refuses our signature for request " + i);
            }
            lines.add(signature + "\t" + form(params));
        }
        Files.write(Path.of(args[4]), lines, StandardCharsets.UTF_8);
        System.out.println("wrote " + count + " signed webhooks for " + url);
    }

    static String sign(String url, Map<String, String> params, String authToken) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static String form(Map<String, String> params) {
        StringBuilder body = new StringBuilder();
        params.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }
}
