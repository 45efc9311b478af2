package imaging.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import imaging.ImageRejectedException;
import imaging.Limits;
import imaging.Preset;
import imaging.Renderer;
import imaging.VariantSpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Arithmetic-coded JPEGs render where the JDK's libjpeg decodes them (a system libjpeg-turbo) and are
 * refused as unsupported-format, naming the coding, where it does not (the bundled libjpeg 6b).
 */
class JpegCodingsTest {

    /** A 16x16 grey progressive arithmetic-coded JPEG (SOF10), made with libjpeg-turbo's jpegtran. */
    private static final String PROGRESSIVE_ARITHMETIC = "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA0JCgsKCA0LCgsODg0PEyAV"
            + "ExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//ygALCAAQABABAREA/8wABAAQ/9oACAEBAAAAAf7b"
            + "Jc4J/8wABBAF/9oACAEBAAEFAhUeskTqegY2LDL/zAAEEAX/2gAIAQEABj8C/SMyHNA1gbKA/8wABBAF/9oACAEBAAE/IVFE8vR7U8F5"
            + "wfHUDZ5A/9oACAEBAAAAEID/zAAEEAX/2gAIAQEAAT8QH2L2u242AtnL2Bk+wKgQP22SxvZcYP/Z";

    private static final Preset SMALL = new Preset("small", List.of(VariantSpec.parse("small 400 inside jpeg q85")), 0);

    @Test
    void anArithmeticJpegRendersOrIsRefusedNamingItsCoding() throws Exception {
        byte[] jpeg = Base64.getDecoder().decode(PROGRESSIVE_ARITHMETIC);
        Renderer renderer = new Renderer(Limits.defaults());
        if (JpegCodings.arithmeticDecodable()) {
            assertEquals(16, renderer.render(jpeg, SMALL).width());
        } else {
            ImageRejectedException e = assertThrows(ImageRejectedException.class,
                    () -> renderer.render(jpeg, SMALL));
            assertEquals("unsupported-format", e.code());
            assertTrue(e.getMessage().contains("Arithmetic"), e.getMessage());
        }
    }
}
