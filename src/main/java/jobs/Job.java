package jobs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A processing job: one or more images, owned by the user who created it. The same record is stored in
 * DynamoDB and served by {@code GET /v1/jobs/{jobId}} (less the fields marked internal).
 *
 * @param version optimistic-locking counter, bumped by every write; internal
 */
public record Job(String jobId, @JsonIgnore String owner, Status status, String preset, Map<String, Object> metadata,
        Instant createdAt, Instant updatedAt, List<ImageRecord> images, @JsonIgnore long version) {

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
        return new Job(jobId, owner, Status.PENDING, preset, metadata, now, now, images, 0);
    }

    /** The index of the image rendered from the given object, or -1. */
    public int indexOf(String bucket, String key) {
        for (int i = 0; i < images.size(); i++) {
            SourceObject source = images.get(i).source();
            if (source.bucket().equals(bucket) && source.key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * This job with one image replaced, its status derived from its images: PROCESSING once work starts,
     * COMPLETED when every image completed, FAILED when all ended and one failed.
     */
    public Job withImage(int index, UnaryOperator<ImageRecord> change, Instant now) {
        List<ImageRecord> changed = new ArrayList<>(images);
        changed.set(index, change.apply(images.get(index)));
        return new Job(jobId, owner, statusOf(changed), preset, metadata, createdAt, now, changed, version);
    }

    public Job withImages(List<ImageRecord> replaced) {
        return new Job(jobId, owner, status, preset, metadata, createdAt, updatedAt, replaced, version);
    }

    public Job withVersion(long next) {
        return new Job(jobId, owner, status, preset, metadata, createdAt, updatedAt, images, next);
    }

    private static Status statusOf(List<ImageRecord> images) {
        if (images.stream().allMatch(i -> i.status() == Status.COMPLETED)) {
            return Status.COMPLETED;
        }
        if (images.stream().allMatch(i -> i.status().ended())) {
            return Status.FAILED;
        }
        if (images.stream().allMatch(i -> i.status() == Status.PENDING)) {
            return Status.PENDING;
        }
        return Status.PROCESSING;
    }
}
