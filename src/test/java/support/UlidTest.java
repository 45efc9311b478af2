package support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UlidTest {

    private static final Instant TIME = Instant.parse("2026-11-30T06:00:00.123Z");

    @Test
    void aDerivedUlidIsTheSameForTheSameTimeAndSeedAndCanonical() {
        String id = Ulid.derived(TIME, "AQCEAAAAKgAAAAMAAAAA-token");

        assertEquals(id, Ulid.derived(TIME, "AQCEAAAAKgAAAAMAAAAA-token"));
        assertEquals(Optional.of(id), Ulid.canonical(id));
        assertEquals(Ulid.next(TIME).substring(0, 10), id.substring(0, 10), "the time part sorts like any ULID");
        assertNotEquals(id, Ulid.derived(TIME, "AQCEAAAAKgAAAAMAAAAA-other"));
        assertNotEquals(id, Ulid.derived(TIME.plusMillis(1), "AQCEAAAAKgAAAAMAAAAA-token"));
    }
}
