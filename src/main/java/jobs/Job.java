package jobs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A processing job: one or more images, owned by the user who created it, as served by
 * {@code GET /v1/jobs/{jobId}}. Stored as a header item and one item per image (see {@link JobItems}).
 */
public record Job(String jobId, @JsonIgnore String owner, Status status, String preset, Map<String, Object> metadata,
        Instant createdAt, Instant updatedAt, List<ImageRecord> images) {

    public Job {
        images = List.copyOf(images);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** A new PENDING job; each image is named after its file, with a counter where two names meet. */
    public static Job create(String jobId, String owner, String preset, Map<String, Object> metadata,
            List<SourceObject> sources, Instant now) {
        Map<String, Integer> seen = new HashMap<>();
        List<ImageRecord> images = new ArrayList<>();
        for (SourceObject source : sources) {
            String stem = StorageLayout.imageName(source.key());
            int count = seen.merge(stem, 1, Integer::sum);
            images.add(ImageRecord.pending(count == 1 ? stem : stem + "-" + count, source));
        }
        return new Job(jobId, owner, Status.PENDING, preset, metadata, now, now, images);
    }

    /** The same job under another id (a Step Functions task's job takes the one its token was first given). */
    public Job withJobId(String id) {
        return new Job(id, owner, status, preset, metadata, createdAt, updatedAt, images);
    }

    public Job withImages(List<ImageRecord> replaced) {
        return new Job(jobId, owner, status, preset, metadata, createdAt, updatedAt, replaced);
    }
}
