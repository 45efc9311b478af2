package jobs;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One stored output of an image; {@code url} is filled in for API responses only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VariantRecord(String name, int width, int height, String format, long bytes, String key, String url) {

    public VariantRecord withUrl(String url) {
        return new VariantRecord(name, width, height, format, bytes, key, url);
    }
}
