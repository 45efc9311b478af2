package imaging;

import java.util.List;

/**
 * Everything rendered from one upload.
 *
 * @param width       displayed width of the source (after EXIF orientation)
 * @param height      displayed height of the source
 * @param animated    the source has more than one frame (the variants show the first)
 * @param placeholder a tiny blurred JPEG as a data URI, or null when the preset has none
 */
public record Rendition(ImageFormat format, int width, int height, boolean animated, ExifSummary exif,
        List<RenderedVariant> variants, String placeholder) {
}
