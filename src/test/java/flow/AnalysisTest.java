package flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static testing.RekognitionStandIn.DETECT_LABELS;
import static testing.RekognitionStandIn.DETECT_MODERATION_LABELS;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import testing.AnalysisStandIn;
import testing.ApiClient;
import testing.Corpus;
import testing.LocalAwsTestResource;
import testing.OffCentre;
import testing.RekognitionStandIn;

/**
 * Image analysis through the real pipeline, with the Rekognition stand-in answering: labels and
 * moderation reach the API with boxes in displayed pixels, a moderated image ends FAILED with nothing in
 * S3, Rekognition's errors are retried or judged, and smart crops keep a subject far off-centre.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
class AnalysisTest {

    private static final String DOG = """
            {"Labels": [
              {"Name": "Dog", "Confidence": 97.123, "Parents": [{"Name": "Animal"}],
               "Instances": [{"BoundingBox": {"Width": 0.25, "Height": 0.5, "Left": 0.5, "Top": 0.25}, "Confidence": 95.5}]},
              {"Name": "Grass", "Confidence": 88.0, "Parents": [], "Instances": []}],
             "LabelModelVersion": "3.0"}""";

    @AnalysisStandIn
    RekognitionStandIn rekognition;

    @Inject
    S3Client s3;

    @BeforeEach
    void nothingScripted() {
        rekognition.reset();
    }

    @Test
    void labelsAndModerationReachTheApiWithBoxesInPixelsOfTheDisplayedImage() throws IOException {
        rekognition.answer(DETECT_LABELS, DOG);
        rekognition.answer(DETECT_MODERATION_LABELS, """
                {"ModerationLabels": [{"Confidence": 61.2, "Name": "Suggestive", "ParentName": "", "TaxonomyLevel": 1}],
                 "ModerationModelVersion": "7.0"}""");
        // Stored 1200x1800, EXIF orientation 6: displayed 1800x1200.
        JsonPath job = upload("orientation/Landscape_6.jpg", "analysed");
        assertEquals("COMPLETED", job.getString("images[0].status"));
        assertEquals(1800, job.getInt("images[0].width"));
        assertEquals(1200, job.getInt("images[0].height"));
        assertEquals("Dog", job.getString("images[0].labels[0].name"));
        assertEquals(97.12, job.getDouble("images[0].labels[0].confidence"), 1e-9);
        assertEquals(Map.of("left", 900, "top", 300, "width", 450, "height", 600),
                job.getMap("images[0].labels[0].instances[0].box"));
        assertEquals(95.5, job.getDouble("images[0].labels[0].instances[0].confidence"), 1e-9);
        assertEquals("Grass", job.getString("images[0].labels[1].name"));
        assertEquals(List.of(), job.getList("images[0].labels[1].instances"));
        Map<String, Object> suggestive = new HashMap<>();
        suggestive.put("name", "Suggestive");
        suggestive.put("parent", null);
        suggestive.put("confidence", 61.2f);
        assertEquals(List.of(suggestive), job.getList("images[0].moderation"), "a top-level category: parent null");
        assertEquals(2, job.getList("images[0].variants").size(), "recorded, and published");

        // What the SDK sent: one call of each, the picture as decoded and turned upright, at most 1600 px.
        List<RekognitionStandIn.Request> labels = rekognition.requests(DETECT_LABELS);
        assertEquals(1, labels.size());
        RekognitionStandIn.Request request = labels.get(0);
        assertEquals("application/x-amz-json-1.1", request.contentType());
        assertTrue(request.authorization().contains("/eu-west-1/rekognition/aws4_request"), request.authorization());
        assertEquals(70.0, request.body().get("MinConfidence").asDouble());
        assertEquals(12, request.body().get("MaxLabels").asInt());
        BufferedImage sent = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(request.body().get("Image").get("Bytes").asText())));
        assertEquals(1600, sent.getWidth());
        assertEquals(1067, sent.getHeight());
        assertFalse(request.body().get("Image").has("S3Object"), "bytes, never a second download");
        List<RekognitionStandIn.Request> moderation = rekognition.requests(DETECT_MODERATION_LABELS);
        assertEquals(1, moderation.size());
        assertEquals(50.0, moderation.get(0).body().get("MinConfidence").asDouble());

        JsonPath plain = upload("orientation/Landscape_6.jpg", "default");
        assertEquals("COMPLETED", plain.getString("images[0].status"));
        assertNull(plain.get("images[0].labels"), "the default set is not analysed");
        assertNull(plain.get("images[0].moderation"));
        assertEquals(2, rekognition.requests().size(), "and costs no call");
    }

    @Test
    void anImageTheModerationPolicyRefusesEndsFailedModeratedWithNothingInS3() {
        rekognition.answer(DETECT_MODERATION_LABELS, """
                {"ModerationLabels": [
                  {"Confidence": 93.4, "Name": "Explicit Nudity", "ParentName": "Explicit", "TaxonomyLevel": 2},
                  {"Confidence": 93.4, "Name": "Explicit", "ParentName": "", "TaxonomyLevel": 1}],
                 "ModerationModelVersion": "7.0"}""");
        String token = ApiClient.token("moderated");
        JsonPath job = upload(token, "photos/large-landscape-4032x3024.jpg", "moderated");
        assertEquals("FAILED", job.getString("status"));
        assertEquals("moderated", job.getString("images[0].error.code"));
        String message = job.getString("images[0].error.message");
        assertTrue(message.contains("Explicit Nudity (Explicit, 93.4 %)"), message);
        assertEquals(2, job.getList("images[0].moderation").size(), "the labels that caused it are on the record");
        assertNull(job.get("images[0].variants"));
        String owner = job.getString("images[0].source.key").split("/")[1];
        assertEquals(0, s3.listObjectsV2(l -> l.bucket(LocalAwsTestResource.BUCKET)
                .prefix("processed/" + owner + "/" + job.getString("jobId") + "/")).keyCount(), "no variant in S3");
        assertEquals(List.of(), rekognition.requests(DETECT_LABELS), "labels are off for this set");
        assertEquals(80.0, rekognition.requests(DETECT_MODERATION_LABELS).get(0).body().get("MinConfidence").asDouble());

        // A category the set does not refuse is recorded, and the image published.
        rekognition.answer(DETECT_MODERATION_LABELS, """
                {"ModerationLabels": [{"Confidence": 88.0, "Name": "Alcoholic Beverages", "ParentName": "Alcohol",
                  "TaxonomyLevel": 2}], "ModerationModelVersion": "7.0"}""");
        JsonPath beer = upload(token, "photos/large-landscape-4032x3024.jpg", "moderated");
        assertEquals("COMPLETED", beer.getString("status"));
        assertEquals("Alcohol", beer.getString("images[0].moderation[0].parent"));
        assertEquals(6, beer.getList("images[0].variants").size());
    }

    @Test
    void transientErrorsAreRetriedAndAPictureRekognitionRefusesIsSkippedOrRefusedAsThePolicySays() {
        // More failures than the SDK's own attempts: the route's retry takes over, and the image completes.
        rekognition.fail(DETECT_LABELS, 5, 500, "InternalServerError", "try again");
        rekognition.answer(DETECT_LABELS, DOG);
        JsonPath retried = upload("orientation/Landscape_6.jpg", "analysed");
        assertEquals("COMPLETED", retried.getString("status"));
        assertEquals("Dog", retried.getString("images[0].labels[0].name"));
        assertEquals(6, rekognition.requests(DETECT_LABELS).size());

        rekognition.reset();
        rekognition.fail(DETECT_LABELS, 1, 400, "InvalidImageFormatException", "Request has invalid image format");
        JsonPath skipped = upload("orientation/Landscape_6.jpg", "analysed");
        assertEquals("COMPLETED", skipped.getString("status"), "analysis is skipped, the image published");
        assertNull(skipped.get("images[0].labels"), "absent: not analysed (an empty list would say nothing found)");

        rekognition.fail(DETECT_MODERATION_LABELS, 1, 400, "ImageTooLargeException", "Image size is too large");
        JsonPath refused = upload("orientation/Landscape_6.jpg", "moderated");
        assertEquals("FAILED", refused.getString("status"), "a set that refuses publishes only moderated images");
        assertEquals("moderated", refused.getString("images[0].error.code"));
        assertTrue(refused.getString("images[0].error.message").contains("could not be moderated"),
                refused.getString("images[0].error.message"));
    }

    @Test
    void smartThumbnailsKeepASubjectFarOffCentreBySaliencyOrAroundWhatAnalysisFound() throws IOException {
        // No analysis: the detailed patch in the top-right corner of a flat 1200x800 field.
        byte[] corner = OffCentre.png(OffCentre.picture(1200, 800, new Rectangle(1000, 40, 160, 160)));
        // Windows from x 360 to 400 of the 800x800 crop keep it whole: at 3/16, 30 px from about x 115.
        assertAround(thumbnail(ApiClient.upload(ApiClient.token("smart"), "corner.png", "image/png", corner, "smart")),
                new Rectangle(115, 7, 30, 30));

        // With analysis: a busy subject on the left draws saliency, but the analyser's object is on the right.
        rekognition.answer(DETECT_LABELS, """
                {"Labels": [{"Name": "Cat", "Confidence": 91.0, "Parents": [],
                  "Instances": [{"BoundingBox": {"Width": 0.0667, "Height": 0.1333, "Left": 0.9, "Top": 0.4167},
                                 "Confidence": 90.0}]}]}""");
        byte[] two = OffCentre.png(OffCentre.picture(1200, 600, new Rectangle(40, 100, 300, 300),
                new Rectangle(1080, 250, 80, 80)));
        JsonPath job = ApiClient.upload(ApiClient.token("smart"), "two.png", "image/png", two, "analysed");
        // The window centred on the box is clamped to x 600-1200: at 1/4, the box is at (1080-600)/4 = 120.
        assertAround(thumbnail(job), new Rectangle(120, 62, 20, 20));
    }

    /**
     * The detail in the thumbnail is the whole expected patch and nothing else, give or take the edges
     * that scaling softens and the 8 px blocks that JPEG spreads around them.
     */
    private static void assertAround(BufferedImage thumbnail, Rectangle expected) {
        Rectangle subject = OffCentre.subject(thumbnail);
        Rectangle inner = new Rectangle(expected);
        inner.grow(-3, -3);
        Rectangle outer = new Rectangle(expected);
        outer.grow(8, 8);
        assertTrue(subject.contains(inner) && outer.contains(subject), "expected about " + expected + ": " + subject);
    }

    private JsonPath upload(String corpusFile, String preset) {
        return upload(ApiClient.token("analyst"), corpusFile, preset);
    }

    private static JsonPath upload(String token, String corpusFile, String preset) {
        return ApiClient.upload(token, corpusFile.replace('/', '-'), "image/jpeg", Corpus.read(corpusFile), preset);
    }

    private static BufferedImage thumbnail(JsonPath job) throws IOException {
        assertEquals("COMPLETED", job.getString("status"));
        String url = job.getString("images[0].variants.find { it.name == 'thumbnail' }.url");
        return ImageIO.read(new ByteArrayInputStream(ApiClient.download(url)));
    }
}
