package api;

import aws.Presigned;
import jobs.Status;

/** The 201 body of {@code POST /v1/uploads}: where to PUT the file and where to poll. */
public record UploadCreated(String jobId, Status status, Presigned upload, String bucket, String key,
        String statusUrl) {
}
