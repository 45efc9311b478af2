package jobs;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An image's responsive-image attributes, ready for {@code <source srcset sizes>} and
 * {@code <img srcset sizes>}; served only, never stored (built from the variants and their URLs).
 *
 * @param jpeg  the JPEG width series as a {@code srcset} value ({@code "<url> 400w, <url> 800w"}), or null
 * @param webp  the WebP width series, or null
 * @param sizes a {@code sizes} value capped at the largest width: {@code "(max-width: 1200px) 100vw, 1200px"}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Srcset(String jpeg, String webp, String sizes) {
}
