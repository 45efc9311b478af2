package accounts;

import api.ApiException;
import auth.UserPool;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import local.LocalAwsServers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import support.Json;

/**
 * {@code GET /dev/confirmation-code?email=} (dev and test only, like {@code POST /dev/token}): the code
 * cognito-local last sent to that address, for sign-up or a password reset, so a walkthrough or a test
 * can confirm without a mailbox. Read from the user's record in cognito-local's user pool file rather
 * than from its console log: the record is written before cognito-local answers the call that sent the
 * code, so it is there as soon as the client has its answer, while the log is flushed asynchronously.
 * A code is cleared once used, so a confirmed address has none until it asks for a reset.
 */
@ApplicationScoped
@Named("confirmationCodes")
public class DevConfirmationCodes {

    private final UserPool pool;
    private final Path dataDir;

    public DevConfirmationCodes(UserPool pool, @ConfigProperty(name = "app.local.data-dir") Path dataDir) {
        this.pool = pool;
        this.dataDir = dataDir;
    }

    public Map<String, String> lastCode(String email) {
        if (email == null || email.isBlank()) {
            throw ApiException.invalid("email is required: /dev/confirmation-code?email=alice@example.com");
        }
        JsonNode users = poolFile().path("Users");
        for (JsonNode user : users) {
            if (hasEmail(user, email) && user.path("ConfirmationCode").isTextual()) {
                return Map.of("code", user.get("ConfirmationCode").asText());
            }
        }
        throw ApiException.notFound("No code is waiting for " + email + " (none sent, or already used)");
    }

    private static boolean hasEmail(JsonNode user, String email) {
        for (JsonNode attribute : user.path("Attributes")) {
            if ("email".equals(attribute.path("Name").asText()) && email.equalsIgnoreCase(attribute.path("Value").asText())) {
                return true;
            }
        }
        return false;
    }

    private JsonNode poolFile() {
        Path file = LocalAwsServers.cognitoPoolFile(dataDir, pool.userPoolId().orElseThrow());
        for (int attempt = 1;; attempt++) {
            try {
                return Json.MAPPER.readTree(Files.readString(file));
            } catch (NoSuchFileException e) {
                throw ApiException.notFound("cognito-local has no user pool file at " + file);
            } catch (JsonProcessingException halfWritten) {
                // cognito-local rewrites the file in place: a read during a write sees part of it.
                if (attempt == 5) {
                    throw new UncheckedIOException(halfWritten);
                }
                pause();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
