package testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for Amazon Rekognition, which has no local server: an HTTP server on the loopback speaking
 * its JSON 1.1 protocol as the AWS SDK does (POST /, {@code X-Amz-Target: RekognitionService.<Operation>},
 * {@code application/x-amz-json-1.1} both ways, errors as {@code {"__type", "Message"}}). It answers
 * DetectLabels and DetectModerationLabels with what a test scripted (nothing found, by default), and
 * keeps every request for the test to check.
 */
public final class RekognitionStandIn implements AutoCloseable {

    public static final String DETECT_LABELS = "RekognitionService.DetectLabels";
    public static final String DETECT_MODERATION_LABELS = "RekognitionService.DetectModerationLabels";
    private static final String JSON_11 = "application/x-amz-json-1.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received. */
    public record Request(String target, String contentType, String authorization, JsonNode body) {
    }

    private record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Answer>> scripted = new HashMap<>();
    private final Map<String, Answer> standing = new HashMap<>();

    private RekognitionStandIn(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free loopback port. */
    public static RekognitionStandIn start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            RekognitionStandIn standIn = new RekognitionStandIn(server);
            server.createContext("/", standIn::handle);
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new IllegalStateException("The Rekognition stand-in cannot listen", e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Forgets the requests and the scripted answers: every call finds nothing again. */
    public synchronized void reset() {
        requests.clear();
        scripted.clear();
        standing.clear();
    }

    /** Every later call of the operation gets this 200 answer (a Rekognition response, as JSON). */
    public synchronized void answer(String target, String json) {
        standing.put(target, new Answer(200, json));
    }

    /** The next call of the operation gets this 200 answer, before the standing answer. */
    public synchronized void answerNext(String target, String json) {
        scripted.computeIfAbsent(target, t -> new ArrayDeque<>()).add(new Answer(200, json));
    }

    /** The next {@code times} calls of the operation fail with this error, before the standing answer. */
    public synchronized void fail(String target, int times, int status, String type, String message) {
        String body = "{\"__type\":\"" + type + "\",\"Message\":\"" + message + "\"}";
        Deque<Answer> queue = scripted.computeIfAbsent(target, t -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(new Answer(status, body));
        }
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String target) {
        return requests.stream().filter(r -> target.equals(r.target())).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            requests.add(new Request(target, exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            Answer answer = next(target);
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", JSON_11);
            exchange.getResponseHeaders().set("x-amzn-RequestId", "stand-in-" + requests.size());
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private synchronized Answer next(String target) {
        Deque<Answer> queue = scripted.get(target);
        if (queue != null && !queue.isEmpty()) {
            return queue.poll();
        }
        if (standing.containsKey(target)) {
            return standing.get(target);
        }
        if (DETECT_LABELS.equals(target)) {
            return new Answer(200, "{\"Labels\":[],\"LabelModelVersion\":\"3.0\"}");
        }
        if (DETECT_MODERATION_LABELS.equals(target)) {
            return new Answer(200, "{\"ModerationLabels\":[],\"ModerationModelVersion\":\"7.0\"}");
        }
        return new Answer(400, "{\"__type\":\"UnknownOperationException\",\"Message\":\"The stand-in does not offer "
                + target + "\"}");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
