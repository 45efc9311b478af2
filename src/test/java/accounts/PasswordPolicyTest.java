package accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static final PasswordPolicy COGNITO_DEFAULT = new PasswordPolicy(8, true, true, true, true);

    @Test
    void checksLengthAndEachRequiredKind() {
        assertTrue(COGNITO_DEFAULT.accepts("Sunny-day-42"));
        assertTrue(COGNITO_DEFAULT.accepts("Aa1 aaaa"), "a space is one of Cognito's symbols");
        assertFalse(COGNITO_DEFAULT.accepts("Sh0rt!"));
        assertFalse(COGNITO_DEFAULT.accepts("sunny-day-42"));
        assertFalse(COGNITO_DEFAULT.accepts("SUNNY-DAY-42"));
        assertFalse(COGNITO_DEFAULT.accepts("Sunny-day-xx"));
        assertFalse(COGNITO_DEFAULT.accepts("Sunnyday42"));
        assertTrue(new PasswordPolicy(6, false, false, false, false).accepts("abcdef"));
    }

    @Test
    void statesThePolicyInOneSentence() {
        assertEquals("The password must be at least 8 characters long and contain an upper-case letter, a lower-case"
                + " letter, a digit and a symbol such as ! @ # $ % ^ & *", COGNITO_DEFAULT.describe());
        assertEquals("The password must be at least 12 characters long and contain a digit",
                new PasswordPolicy(12, false, false, true, false).describe());
        assertEquals("The password must be at least 6 characters long",
                new PasswordPolicy(6, false, false, false, false).describe());
    }
}
