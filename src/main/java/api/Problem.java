package api;

/** An RFC 9457 problem document; {@code code} is the stable word clients switch on. */
public record Problem(String type, String title, int status, String detail, String code) {

    public static Problem of(ApiException e) {
        return new Problem("https://image-pipeline.dev/problems/" + e.code(), title(e.status()), e.status(),
                e.getMessage(), e.code());
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            default -> "Internal Server Error";
        };
    }
}
