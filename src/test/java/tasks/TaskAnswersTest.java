package tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jobs.ImageError;
import jobs.ImageRecord;
import jobs.Job;
import jobs.SourceObject;
import jobs.Status;
import jobs.VariantRecord;
import org.junit.jupiter.api.Test;
import support.Json;

/** What a task's job says to Step Functions, within its limits. */
class TaskAnswersTest {

    @Test
    void theOutputKeepsEveryVariantWhileItFitsAndLeavesThemOutWhenItWouldNot() throws Exception {
        Job job = completed(50, 60);
        String full = Json.write(TaskOutput.of(job, true));
        assertTrue(full.length() > StepFunctions.MAX_OUTPUT, "50 images of 60 variants: " + full.length());

        JsonNode bounded = Json.MAPPER.readTree(TaskOutput.json(job, StepFunctions.MAX_OUTPUT));
        assertTrue(TaskOutput.json(job, StepFunctions.MAX_OUTPUT).length() <= StepFunctions.MAX_OUTPUT);
        assertTrue(bounded.path("variantsOmitted").asBoolean());
        assertEquals(50, bounded.path("images").size());
        assertFalse(bounded.path("images").get(0).has("variants"));

        JsonNode small = Json.MAPPER.readTree(TaskOutput.json(completed(2, 6), StepFunctions.MAX_OUTPUT));
        assertFalse(small.has("variantsOmitted"));
        assertEquals("processed/o/J/img-1/v5.jpg", small.path("images").get(1).path("variants").get(5).path("key").asText());
        assertEquals("s3://bucket/uploads/o/J/img-1.jpg", small.path("images").get(1).path("source").asText());
    }

    @Test
    void aFailedJobFailsWithItsFirstFailedImagesCode() throws Exception {
        Job job = completed(3, 1);
        List<ImageRecord> images = new ArrayList<>(job.images());
        images.set(1, failed(images.get(1), "truncated", "The data ends early"));
        images.set(2, failed(images.get(2), "corrupt", "Broken"));
        TaskFailure failure = TaskFailure.of(new Job(job.jobId(), "o", Status.FAILED, "default", Map.of(),
                job.createdAt(), job.updatedAt(), images));
        assertEquals("truncated", failure.error());
        JsonNode cause = Json.MAPPER.readTree(failure.cause());
        assertEquals("J", cause.path("jobId").asText());
        assertEquals(2, cause.path("failedCount").asInt());
        assertEquals("s3://bucket/uploads/o/J/img-1.jpg", cause.path("image").asText());
        assertEquals("2 of 3 images failed; the first, img-1: The data ends early", cause.path("message").asText());
    }

    @Test
    void textsAreCutToStepFunctionsLimitsWithoutSplittingACharacter() {
        assertEquals("ab", StepFunctions.cut("abc", 2));
        assertEquals("a", StepFunctions.cut("a\uD83D\uDE00b", 2), "never half a surrogate pair");
        assertEquals("abc", StepFunctions.cut("abc", 3));
    }

    private static Job completed(int images, int variants) {
        List<ImageRecord> records = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            String name = "img-" + i;
            List<VariantRecord> stored = new ArrayList<>();
            for (int v = 0; v < variants; v++) {
                stored.add(new VariantRecord("v" + v, 800, 600, "jpeg", 81234,
                        "processed/o/J/" + name + "/v" + v + ".jpg", null));
            }
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("name", name);
            record.put("source", new SourceObject("bucket", "uploads/o/J/" + name + ".jpg", 1000L, "image/jpeg"));
            record.put("status", Status.COMPLETED);
            record.put("width", 4032);
            record.put("height", 3024);
            record.put("format", "jpeg");
            record.put("variants", stored);
            record.put("placeholder", "data:image/jpeg;base64,x");
            records.add(record(record));
        }
        Instant now = Instant.parse("2026-11-23T10:15:30Z");
        return new Job("J", "o", Status.COMPLETED, "default", Map.of("k", "v"), now, now, records);
    }

    private static ImageRecord failed(ImageRecord image, String code, String message) {
        return record(Map.of("name", image.name(), "source", image.source(), "status", Status.FAILED,
                "error", new ImageError(code, message)));
    }

    /** A record from its JSON fields (as the API serves it), so that fields added to the record need no change here. */
    private static ImageRecord record(Map<String, Object> fields) {
        return Json.MAPPER.convertValue(fields, ImageRecord.class);
    }
}
