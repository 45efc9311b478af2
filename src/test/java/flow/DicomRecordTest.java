package flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import imaging.dicom.DicomSummary;
import imaging.dicom.IdentifiedDicom;
import imaging.dicom.TransferSyntax;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import testing.AnalysisStandIn;
import testing.ApiClient;
import testing.Corpus;
import testing.LocalAwsTestResource;
import testing.RekognitionStandIn;

/**
 * DICOM uploads through the real pipeline: the corpus' CT and MR files end COMPLETED with their summary
 * on the record, the JPEG 2000 one FAILED {@code unsupported-format} naming its transfer syntax (its
 * summary kept too), and a file whose patient attributes are all set to a marker leaves the marker in no
 * job record, API response or log line, and is never sent for analysis.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
class DicomRecordTest {

    private static final String DICOM = "application/dicom";

    @AnalysisStandIn
    RekognitionStandIn rekognition;

    @Inject
    DynamoDbClient dynamo;

    @Test
    void theCorpusCtAndMrEndCompletedWithTheirSummaryAndTheJpeg2000OneNamesItsSyntax() {
        String token = ApiClient.token("radiology");
        for (String file : List.of("dicom/CT_small.dcm", "dicom/MR_small.dcm")) {
            byte[] bytes = Corpus.read(file);
            DicomSummary summary = DicomSummary.read(bytes).orElseThrow();
            JsonPath job = ApiClient.upload(token, file.substring(6), DICOM, bytes, "default");
            assertEquals("COMPLETED", job.getString("images[0].status"), file);
            assertEquals("dicom", job.getString("images[0].format"), file);
            assertEquals(summary.columns(), job.getInt("images[0].width"), file);
            assertEquals(summary.rows(), job.getInt("images[0].height"), file);
            assertEquals(served(summary), job.getMap("images[0].dicom"), file);
            assertEquals(6, job.getList("images[0].variants").size(), file);
        }
        assertEquals("CT", DicomSummary.read(Corpus.read("dicom/CT_small.dcm")).orElseThrow().modality());
        assertEquals("MR", DicomSummary.read(Corpus.read("dicom/MR_small.dcm")).orElseThrow().modality());

        byte[] j2k = Corpus.read("dicom/MR_small_jp2klossless.dcm");
        JsonPath refused = ApiClient.upload(token, "MR_small_jp2klossless.dcm", DICOM, j2k, "default");
        assertEquals("FAILED", refused.getString("images[0].status"));
        assertEquals("unsupported-format", refused.getString("images[0].error.code"));
        String message = refused.getString("images[0].error.message");
        assertTrue(message.contains(TransferSyntax.JPEG_2000_LOSSLESS.uid())
                && message.contains("JPEG 2000 Image Compression (Lossless Only)"), message);
        assertEquals("dicom", refused.getString("images[0].format"));
        assertEquals(served(DicomSummary.read(j2k).orElseThrow()), refused.getMap("images[0].dicom"));
    }

    @Test
    void noPatientAttributeReachesTheRecordTheApiOrTheLogAndNoDicomIsSentForAnalysis() {
        byte[] file = IdentifiedDicom.image(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertTrue(new String(file, StandardCharsets.ISO_8859_1).contains(IdentifiedDicom.MARKER));
        rekognition.reset();
        StringBuilder logged = new StringBuilder();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (logged) {
                    logged.append(record.getMessage()).append(Arrays.toString(record.getParameters()))
                            .append(record.getThrown()).append('\n');
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        String token = ApiClient.token("privacy");
        JsonPath job;
        String response;
        try {
            // The analysed set: its photos go to Rekognition, a DICOM file never does.
            job = ApiClient.upload(token, "identified.dcm", DICOM, file, "analysed");
            response = ApiClient.job(token, job.getString("jobId")).prettify();
        } finally {
            root.removeHandler(capture);
        }
        assertEquals("COMPLETED", job.getString("images[0].status"));
        assertEquals(Map.of("modality", "MR", "bodyPart", "HEAD", "rows", 48, "columns", 64, "studyDate", "2024-02-29"),
                job.getMap("images[0].dicom"));
        assertEquals(List.of(), rekognition.requests(), "no DICOM picture leaves for analysis");

        List<Map<String, AttributeValue>> items = dynamo.query(q -> q.tableName(LocalAwsTestResource.TABLE)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(job.getString("jobId"))))).items();
        assertEquals(2, items.size(), "the job's header and its image");
        String logText;
        synchronized (logged) {
            logText = logged.toString();
        }
        assertTrue(logText.contains(job.getString("jobId")), "the log was captured");
        for (String text : List.of(response, items.toString(), logText)) {
            assertFalse(text.contains(IdentifiedDicom.MARKER), "a patient attribute leaked: " + text);
            assertFalse(text.contains(IdentifiedDicom.UID_MARKER), "an identifying UID leaked: " + text);
        }
    }

    /** The summary as the API serves it: every field, null where the file has none. */
    private static Map<String, Object> served(DicomSummary summary) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("modality", summary.modality());
        fields.put("bodyPart", summary.bodyPart());
        fields.put("rows", summary.rows());
        fields.put("columns", summary.columns());
        fields.put("studyDate", summary.studyDate());
        return fields;
    }
}
