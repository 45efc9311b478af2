package analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static testing.RekognitionStandIn.DETECT_MODERATION_LABELS;

import aws.AwsClients;
import aws.AwsServiceSettings;
import imaging.AnalysisCopy;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import jobs.Analysis;
import jobs.ModerationLabel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import testing.RekognitionStandIn;

/** Rekognition's calls for one image, over its protocol (the test stand-in), without the pipeline. */
class RekognitionAnalyserTest {

    private static final AnalysisPolicy REFUSE = new AnalysisPolicy(false, 55, 10, Moderation.REFUSE, 50, Set.of());

    private RekognitionStandIn standIn;
    private RekognitionClient rekognition;

    @BeforeEach
    void start() {
        standIn = RekognitionStandIn.start();
        rekognition = AwsClients.newRekognition(new AwsServiceSettings(Region.EU_WEST_1,
                Optional.of(URI.create(standIn.endpoint())), false,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))), Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        rekognition.close();
        standIn.close();
    }

    @Test
    void aTransparentPictureIsModeratedOnWhiteAndOnBlackAndWhatEitherFindsCounts() throws Exception {
        byte[] onWhite = jpeg(0xffffff);
        byte[] onBlack = jpeg(0x000000);
        standIn.answerNext(DETECT_MODERATION_LABELS, "{\"ModerationLabels\":[{\"Name\":\"Suggestive\",\"ParentName\":\"\","
                + "\"Confidence\":61.0}],\"ModerationModelVersion\":\"7.0\"}");
        standIn.answerNext(DETECT_MODERATION_LABELS, "{\"ModerationLabels\":[{\"Name\":\"Explicit\",\"ParentName\":\"\","
                + "\"Confidence\":97.5},{\"Name\":\"Suggestive\",\"ParentName\":\"\",\"Confidence\":88.0}],"
                + "\"ModerationModelVersion\":\"7.0\"}");

        Analysis analysis = new RekognitionAnalyser(rekognition)
                .analyse(new AnalysisCopy(onWhite, onBlack, 100, 100, null), 100, 100, REFUSE);

        assertEquals(List.of(new ModerationLabel("Suggestive", null, 88.0), new ModerationLabel("Explicit", null, 97.5)),
                analysis.moderation(), "each label once, at its higher confidence");
        List<RekognitionStandIn.Request> calls = standIn.requests(DETECT_MODERATION_LABELS);
        assertEquals(2, calls.size());
        assertTrue(brightness(calls.get(0)) > 240, "first as laid on white");
        assertTrue(brightness(calls.get(1)) < 20, "then as laid on black");
    }

    @Test
    void anOpaquePictureIsModeratedOnce() throws Exception {
        new RekognitionAnalyser(rekognition).analyse(new AnalysisCopy(jpeg(0x808080), null, 100, 100, null), 100,
                100, REFUSE);

        assertEquals(1, standIn.requests(DETECT_MODERATION_LABELS).size());
    }

    private static byte[] jpeg(int rgb) throws IOException {
        BufferedImage image = new BufferedImage(100, 100, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 100; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    private static int brightness(RekognitionStandIn.Request call) throws IOException {
        byte[] bytes = Base64.getDecoder().decode(call.body().path("Image").path("Bytes").asText());
        return ImageIO.read(new ByteArrayInputStream(bytes)).getRGB(50, 50) & 0xff;
    }
}
