package analysis;

import imaging.AnalysisCopy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import jobs.Analysis;
import jobs.Label;
import jobs.ModerationLabel;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.Image;
import software.amazon.awssdk.services.rekognition.model.ImageTooLargeException;
import software.amazon.awssdk.services.rekognition.model.InvalidImageFormatException;
import software.amazon.awssdk.services.rekognition.model.InvalidParameterException;

/**
 * Image analysis by Amazon Rekognition, on the picture the render kept for it (sent as bytes: never a
 * second download of the source): one DetectLabels call when the policy wants labels, one
 * DetectModerationLabels call when it moderates, and a second one when the copy is also laid on black
 * (transparent pixels, see {@link AnalysisCopy}): what either finds counts, at its higher confidence.
 * Errors that another try may mend (throttling, 5xx, timeouts, I/O) are thrown as they come, for the route's retries; a picture Rekognition refuses is
 * reported as {@link AnalysisRefusedException}.
 */
@ApplicationScoped
public class RekognitionAnalyser {

    /** Rekognition's least width and height of an image ("Guidelines and quotas in Amazon Rekognition"). */
    static final int MIN_SIDE = 80;

    private final RekognitionClient rekognition;

    public RekognitionAnalyser(RekognitionClient rekognition) {
        this.rekognition = rekognition;
    }

    /**
     * Analyses the copy as the policy says; boxes come back in pixels of the {@code width x height}
     * displayed image the copy was scaled from.
     *
     * @throws AnalysisRefusedException the copy is under {@value #MIN_SIDE} px on a side, or Rekognition
     *                                  calls the request invalid
     */
    public Analysis analyse(AnalysisCopy copy, int width, int height, AnalysisPolicy policy)
            throws AnalysisRefusedException {
        if (copy.width() < MIN_SIDE || copy.height() < MIN_SIDE) {
            throw new AnalysisRefusedException("the picture is %dx%d; Rekognition needs %d px or more on each side"
                    .formatted(copy.width(), copy.height(), MIN_SIDE), null);
        }
        Image image = image(copy.jpeg());
        try {
            List<Label> labels = policy.labels()
                    ? RekognitionResults.labels(rekognition.detectLabels(r -> r.image(image)
                            .minConfidence(policy.minConfidence()).maxLabels(policy.maxLabels())), width, height)
                    : null;
            List<ModerationLabel> moderation = null;
            if (policy.moderation() != Moderation.OFF) {
                moderation = moderate(image, policy);
                if (copy.jpegOnBlack() != null) {
                    moderation = RekognitionResults.union(moderation, moderate(image(copy.jpegOnBlack()), policy));
                }
            }
            return new Analysis(labels, moderation);
        } catch (InvalidImageFormatException | ImageTooLargeException | InvalidParameterException e) {
            throw new AnalysisRefusedException("Rekognition refused the %dx%d picture: %s"
                    .formatted(copy.width(), copy.height(), reason(e)), e);
        }
    }

    private static Image image(byte[] jpeg) {
        return Image.builder().bytes(SdkBytes.fromByteArray(jpeg)).build();
    }

    private List<ModerationLabel> moderate(Image image, AnalysisPolicy policy) {
        return RekognitionResults.moderation(rekognition.detectModerationLabels(r -> r.image(image)
                .minConfidence(policy.moderationMinConfidence())));
    }

    private static String reason(AwsServiceException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        return details == null ? e.getMessage() : details.errorCode() + " (" + details.errorMessage() + ")";
    }
}
