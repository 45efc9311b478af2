package analysis;

import imaging.ImageRejectedException;
import imaging.RejectReason;
import jobs.Analysis;

/**
 * The preset's moderation policy refuses the image: it ends FAILED {@code moderated}, permanently, and
 * none of its variants is written. Carries what analysis found, for the image's record.
 */
public class ModeratedException extends ImageRejectedException {

    private final transient Analysis analysis;

    public ModeratedException(String message, Analysis analysis) {
        super(RejectReason.MODERATED, message);
        this.analysis = analysis;
    }

    public Analysis analysis() {
        return analysis;
    }
}
