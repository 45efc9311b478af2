package testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A stand-in for the Step Functions API, for tests only (there is no open-source Step Functions server to
 * run): the task-token part of its JSON 1.0 protocol ({@code POST /} with {@code X-Amz-Target:
 * AWSStepFunctions.SendTaskSuccess}, {@code ...SendTaskFailure}, {@code ...SendTaskHeartbeat}), answered as
 * the service does and recorded. Like Step Functions, it closes a task once it has been answered: later
 * calls with its token get {@code TaskTimedOut}. It checks what the service checks (a token of 1-2,048
 * characters; output that is JSON of at most 262,144 characters; error at most 256 and cause at most
 * 32,768 characters) and answers {@code InvalidOutput} or {@code ValidationException} otherwise. Tests can
 * make it refuse a token, or fail a token's next calls with a 500.
 */
public final class StepFunctionsStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET_PREFIX = "AWSStepFunctions.";
    private static final Set<String> OPERATIONS = Set.of("SendTaskSuccess", "SendTaskFailure", "SendTaskHeartbeat");

    /** One request as received, and the error code it was answered with (null: 200). */
    public record Call(String operation, String taskToken, JsonNode body, String answeredWith) {

        public String output() {
            return body.path("output").asText(null);
        }

        public String error() {
            return body.path("error").asText(null);
        }

        public String cause() {
            return body.path("cause").asText(null);
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Set<String> closed = ConcurrentHashMap.newKeySet();
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

    private StepFunctionsStandIn(HttpServer server) {
        this.server = server;
    }

    public static StepFunctionsStandIn start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            StepFunctionsStandIn standIn = new StepFunctionsStandIn(server);
            server.createContext("/", standIn::handle);
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every call with this token, in order. */
    public List<Call> calls(String token) {
        return calls.stream().filter(c -> token.equals(c.taskToken())).toList();
    }

    /** Answers every call with this token with an error code, e.g. {@code TaskTimedOut} or {@code InvalidToken}. */
    public void refuse(String token, String errorCode) {
        refusals.put(token, errorCode);
    }

    /** Answers the next {@code count} calls with this token with a 500 {@code ServiceUnavailable}. */
    public void failNext(String token, int count) {
        failures.put(token, new AtomicInteger(count));
    }

    /** Waits until a call with this token matches, and returns it. */
    public Call await(String token, Predicate<Call> wanted, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            for (Call call : calls(token)) {
                if (wanted.test(call)) {
                    return call;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No such Step Functions call for the token within " + within + "; calls: "
                        + calls(token));
            }
            sleep(100);
        }
    }

    /** Waits until the task of this token has been answered (SendTaskSuccess or SendTaskFailure accepted). */
    public Call awaitAnswer(String token, Duration within) {
        return await(token, c -> c.answeredWith() == null && !c.operation().equals("SendTaskHeartbeat"), within);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target != null && target.startsWith(TARGET_PREFIX)
                    ? target.substring(TARGET_PREFIX.length()) : String.valueOf(target);
            JsonNode body;
            try (InputStream in = exchange.getRequestBody()) {
                body = JSON.readTree(in);
            }
            String token = body.path("taskToken").asText(null);
            String error = answer(operation, token, body);
            calls.add(new Call(operation, token, body, error));
            if (error == null) {
                if (!operation.equals("SendTaskHeartbeat")) {
                    closed.add(token);
                }
                respond(exchange, 200, "{}");
            } else {
                int status = error.equals("ServiceUnavailable") ? 500 : 400;
                respond(exchange, status, JSON.writeValueAsString(Map.of("__type",
                        "com.amazonaws.swf.service.v2.model#" + error, "message", error + " (stand-in)")));
            }
        }
    }

    /** The error code this call gets, or null when it succeeds. */
    private String answer(String operation, String token, JsonNode body) {
        if (!OPERATIONS.contains(operation)) {
            return "UnknownOperationException";
        }
        if (token == null || token.isEmpty() || token.length() > 2048) {
            return "ValidationException";
        }
        AtomicInteger failing = failures.get(token);
        if (failing != null && failing.getAndDecrement() > 0) {
            return "ServiceUnavailable";
        }
        if (refusals.containsKey(token)) {
            return refusals.get(token);
        }
        if (closed.contains(token)) {
            return "TaskTimedOut";
        }
        if (operation.equals("SendTaskSuccess")) {
            String output = body.path("output").asText(null);
            if (output == null || output.length() > 262_144 || !isJson(output)) {
                return "InvalidOutput";
            }
        }
        if (operation.equals("SendTaskFailure")
                && (body.path("error").asText("").length() > 256 || body.path("cause").asText("").length() > 32_768)) {
            return "ValidationException";
        }
        return null;
    }

    private static boolean isJson(String text) {
        try {
            JSON.readTree(text);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
