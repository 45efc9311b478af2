package accounts;

import api.ApiException;
import api.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * The JSON body of an account call, read field by field. Every field is a bounded string: limits are
 * Cognito's own where it has one (a password is at most 256 characters, an e-mail address 254).
 */
final class AccountRequest {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private final JsonNode root;

    private AccountRequest(JsonNode root) {
        this.root = root;
    }

    static AccountRequest parse(String body) {
        return new AccountRequest(JsonFields.object(body, "the call's fields"));
    }

    String email() {
        String email = text("email", 254);
        if (!EMAIL.matcher(email).matches()) {
            throw ApiException.invalid("email must be an e-mail address, such as alice@example.com");
        }
        return email;
    }

    String password() {
        return text("password", 256);
    }

    String code() {
        return text("code", 64);
    }

    String refreshToken() {
        return text("refreshToken", 16_384);
    }

    private String text(String field, int maxLength) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw ApiException.invalid(field + " is required");
        }
        if (!node.isTextual() || node.asText().isEmpty()) {
            throw ApiException.invalid(field + " must be a non-empty string");
        }
        if (node.asText().length() > maxLength) {
            throw ApiException.invalid(field + " must be at most " + maxLength + " characters");
        }
        return node.asText();
    }
}
