package accounts;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordPolicyType;

/**
 * The user pool's password policy, as Cognito applies it: a minimum length (counted in characters) and
 * the character classes required. Cognito's symbols are its listed special characters and the space.
 * Source: "Adding user pool password requirements", Amazon Cognito Developer Guide.
 */
record PasswordPolicy(int minimumLength, boolean uppercase, boolean lowercase, boolean numbers, boolean symbols) {

    private static final String SYMBOLS = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ";

    static PasswordPolicy of(PasswordPolicyType policy) {
        return new PasswordPolicy(policy.minimumLength() == null ? 8 : policy.minimumLength(),
                Boolean.TRUE.equals(policy.requireUppercase()), Boolean.TRUE.equals(policy.requireLowercase()),
                Boolean.TRUE.equals(policy.requireNumbers()), Boolean.TRUE.equals(policy.requireSymbols()));
    }

    boolean accepts(String password) {
        return password.codePointCount(0, password.length()) >= minimumLength
                && (!uppercase || password.chars().anyMatch(c -> c >= 'A' && c <= 'Z'))
                && (!lowercase || password.chars().anyMatch(c -> c >= 'a' && c <= 'z'))
                && (!numbers || password.chars().anyMatch(c -> c >= '0' && c <= '9'))
                && (!symbols || password.chars().anyMatch(c -> SYMBOLS.indexOf(c) >= 0));
    }

    /** The policy as one sentence, e.g. "at least 8 characters, with an upper-case letter, ... and a symbol". */
    String describe() {
        List<String> needs = new ArrayList<>();
        if (uppercase) {
            needs.add("an upper-case letter");
        }
        if (lowercase) {
            needs.add("a lower-case letter");
        }
        if (numbers) {
            needs.add("a digit");
        }
        if (symbols) {
            needs.add("a symbol such as ! @ # $ % ^ & *");
        }
        String sentence = "The password must be at least " + minimumLength + " characters long";
        if (needs.isEmpty()) {
            return sentence;
        }
        String last = needs.remove(needs.size() - 1);
        return sentence + " and contain " + (needs.isEmpty() ? last : String.join(", ", needs) + " and " + last);
    }
}
