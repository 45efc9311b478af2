package jobs;

/** The life of a job and of each of its images. */
public enum Status {
    PENDING, PROCESSING, COMPLETED, FAILED;

    public boolean ended() {
        return this == COMPLETED || this == FAILED;
    }
}
