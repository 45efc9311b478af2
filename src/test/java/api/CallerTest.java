package api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Owner ids: safe in a key, bounded, and distinct for any two subjects, chosen or not. */
class CallerTest {

    private static final String SAFE_ID = "[A-Za-z0-9._-]{1,341}";

    @ParameterizedTest
    @ValueSource(strings = {"alice", "3f6c1a2e-9b1d-4a47-8f0e-2b9a7c1d5e60", "a.b", "A_b-c.d", "0", "u-00ff"})
    void safeSubjectsAreKeptAsTheyAre(String subject) {
        assertEquals(subject, Caller.ownerId(subject));
    }

    @Test
    void aSubjectChosenToLookLikeAnotherSubjectsIdGetsItsOwn() throws Exception {
        String email = "alice@example.com";
        // what the previous mapping made of the e-mail subject, chosen as a subject by someone else
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(email.getBytes(StandardCharsets.UTF_8));
        String oldId = "u-" + HexFormat.of().formatHex(hash, 0, 16);
        String encoded = Caller.ownerId(email);
        List<List<String>> pairs = List.of(
                List.of(email, oldId),
                // a subject equal to another's encoded id
                List.of(email, encoded),
                List.of("x y", "." + Base64.getUrlEncoder().withoutPadding().encodeToString("x y".getBytes(StandardCharsets.UTF_8))),
                // near the kept set's edges: a leading dot, a 129th character, case
                List.of(".alice", "alice"),
                List.of("x".repeat(129), "x".repeat(128)),
                List.of("Alice", "alice"),
                List.of("a/b", "a_b"),
                List.of("é", "e"),
                List.of("a#b", "a"));
        for (List<String> pair : pairs) {
            assertNotEquals(Caller.ownerId(pair.get(0)), Caller.ownerId(pair.get(1)), pair.toString());
        }
    }

    @Test
    void everyIdDecodesBackToItsSubjectSoNoTwoSubjectsShareOne() {
        Random random = new Random(42);
        // the kept set, separators seen in subjects, multi-byte characters and controls; now and then an emoji
        int[] codePoints = "aZ09._-/+=@|: #%?\\\u00e9\u00df\u4e16\u0000\n".codePoints().toArray();
        Map<String, String> subjectById = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder subject = new StringBuilder();
            int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 200 : 6);
            for (int c = 0; c < length; c++) {
                subject.appendCodePoint(random.nextInt(40) == 0 ? 0x1F600 + random.nextInt(64)
                        : codePoints[random.nextInt(codePoints.length)]);
            }
            String s = subject.toString();
            if (s.getBytes(StandardCharsets.UTF_8).length > Caller.MAX_SUBJECT_BYTES) {
                continue;
            }
            String id = Caller.ownerId(s);
            assertTrue(id.matches(SAFE_ID) && !id.equals(".") && !id.equals(".."), id);
            assertEquals(s, decode(id), "the id " + id + " names its subject");
            String earlier = subjectById.put(id, s);
            assertTrue(earlier == null || earlier.equals(s), earlier + " and " + s + " share " + id);
        }
    }

    @Test
    void subjectsOfOpenIdConnectsMaximumLengthFitAndLongerOnesAreRefused() {
        assertEquals("x".repeat(128), Caller.ownerId("x".repeat(128)), "the longest kept subject");
        String longest = "\u00e9".repeat(127) + "a";
        assertEquals(255, longest.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(341, Caller.ownerId(longest).length(), "the longest id");
        assertEquals("x".repeat(255), decode(Caller.ownerId("x".repeat(255))));
        ApiException tooLong = assertThrows(ApiException.class, () -> Caller.ownerId("\u00e9".repeat(128)));
        assertEquals(401, tooLong.status());
    }

    @Test
    void loneSurrogatesWhichWouldEncodeAsAQuestionMarkAreRefused() {
        for (String subject : new String[] {"\ud800", "\udc00", "a\ud83d"}) {
            ApiException refused = assertThrows(ApiException.class, () -> Caller.ownerId(subject));
            assertEquals("unauthorized", refused.code());
        }
        assertEquals("?", decode(Caller.ownerId("?")));
    }

    private static String decode(String id) {
        return id.startsWith(".") ? new String(Base64.getUrlDecoder().decode(id.substring(1)), StandardCharsets.UTF_8) : id;
    }
}
