package testing;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwk.JsonWebKey;
import support.Json;

/**
 * A token issuer's JWKS endpoint whose keys a test can rotate: it serves cognito-local's public key (so
 * the pool's real tokens still verify) plus any key added, over HTTP on a free loopback port, and counts
 * the times it was fetched. The service is pointed at it with {@code app.auth.jwks-url}.
 */
public class RotatingJwks implements QuarkusTestResourceLifecycleManager {

    private static final List<Map<String, Object>> KEYS = new CopyOnWriteArrayList<>();
    private static final AtomicInteger FETCHES = new AtomicInteger();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        KEYS.clear();
        KEYS.add(ForgedTokens.cognitoLocalKey().toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/jwks.json", exchange -> {
            FETCHES.incrementAndGet();
            byte[] body = Json.write(Map.of("keys", KEYS)).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return Map.of("app.auth.jwks-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
    }

    /** Publishes another key, as an issuer does before it starts signing with it. */
    public static void publish(JsonWebKey key) {
        KEYS.add(key.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
    }

    /** How many times the JWKS was fetched so far. */
    public static int fetches() {
        return FETCHES.get();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
