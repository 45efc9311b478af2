package api;

import pipeline.Presets;

/** An error a client can act on: an HTTP status, a stable code and a sentence saying what to change. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;

    public ApiException(int status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public static ApiException invalid(String detail) {
        return new ApiException(400, "invalid-request", detail);
    }

    /** Refuses a preset that is not configured, naming those that are. */
    public static void requirePreset(Presets presets, String name) {
        if (presets.find(name).isEmpty()) {
            throw invalid("preset '%s' does not exist; available: %s".formatted(name, String.join(", ", presets.names())));
        }
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "not-found", detail);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
