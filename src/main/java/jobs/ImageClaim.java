package jobs;

/** A worker's hold on one image of a job while it renders it. */
public record ImageClaim(String jobId, String owner, String preset, int index, String name, SourceObject source) {
}
