package analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import jobs.ModerationLabel;
import org.junit.jupiter.api.Test;

/** Which moderation labels refuse an image, and what a policy costs. */
class AnalysisPolicyTest {

    private static final ModerationLabel EXPLICIT = new ModerationLabel("Explicit", null, 93);
    private static final ModerationLabel NUDITY = new ModerationLabel("Explicit Nudity", "Explicit", 93);
    private static final ModerationLabel EXPOSED = new ModerationLabel("Exposed Buttocks or Anus", "Explicit Nudity", 90);
    private static final ModerationLabel ALCOHOL = new ModerationLabel("Alcoholic Beverages", "Alcohol", 85);

    @Test
    void refuseWithoutCategoriesRefusesOnAnyLabelAndRecordNeverDoes() {
        List<ModerationLabel> found = List.of(ALCOHOL);
        assertEquals(found, policy(Moderation.REFUSE, Set.of()).refusing(found));
        assertEquals(List.of(), policy(Moderation.RECORD, Set.of()).refusing(found));
        assertEquals(List.of(), policy(Moderation.REFUSE, Set.of()).refusing(List.of()));
    }

    @Test
    void aCategoryRefusesItsLabelsAtEveryLevelAndNoOthers() {
        AnalysisPolicy policy = policy(Moderation.REFUSE, Set.of("Explicit"));
        assertEquals(List.of(EXPLICIT, NUDITY, EXPOSED), policy.refusing(List.of(EXPLICIT, NUDITY, EXPOSED, ALCOHOL)));
        // Three levels down, through the labels returned beside it.
        assertEquals(List.of(EXPOSED, NUDITY), policy.refusing(List.of(EXPOSED, NUDITY)));
        assertEquals(List.of(), policy.refusing(List.of(EXPOSED)), "its category is unknown without its parent");
        assertEquals(List.of(), policy.refusing(List.of(ALCOHOL)), "beer is not explicit");
        // A label whose parent was not returned is judged by its own parent name.
        assertEquals(List.of(NUDITY), policy.refusing(List.of(NUDITY)));
    }

    @Test
    void callsPerImageAndLimits() {
        assertEquals(2, new AnalysisPolicy(true, 55, 10, Moderation.RECORD, 50, Set.of()).callsPerImage());
        assertEquals(1, new AnalysisPolicy(false, 55, 10, Moderation.REFUSE, 50, Set.of()).callsPerImage());
        assertEquals(0, AnalysisPolicy.OFF.callsPerImage());
        assertThrows(IllegalArgumentException.class, () -> new AnalysisPolicy(true, 101, 10, Moderation.OFF, 50, Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new AnalysisPolicy(true, 55, 0, Moderation.OFF, 50, Set.of()));
        assertThrows(IllegalArgumentException.class, () -> Moderation.parse("block"));
        assertEquals(Moderation.REFUSE, Moderation.parse(" Refuse "));
    }

    private static AnalysisPolicy policy(Moderation moderation, Set<String> categories) {
        return new AnalysisPolicy(false, 55, 10, moderation, 50, categories);
    }
}
