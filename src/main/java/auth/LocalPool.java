package auth;

/**
 * In dev only, the user pool this process has just created (the local stack's): its ids cannot be in
 * the configuration, since they exist only once the pool does. Absent elsewhere.
 */
public interface LocalPool {

    /** Starts the local stack if needed; the pool's id and the service's app client id. */
    Ids ids();

    record Ids(String userPoolId, String clientId) {
    }
}
