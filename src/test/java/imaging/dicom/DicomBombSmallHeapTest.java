package imaging.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import imaging.ImageRejectedException;
import imaging.Limits;
import imaging.Preset;
import imaging.Renderer;
import imaging.VariantSpec;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DICOM headers announcing pictures the file does not hold are refused before any pixel buffer exists.
 * Surefire runs this class with a 64 MB heap (see the pom): each picture below would need hundreds of
 * megabytes, so passing here shows nothing was allocated for it.
 */
class DicomBombSmallHeapTest {

    private static final Preset PRESET = new Preset("bomb", List.of(VariantSpec.parse("medium 800 inside jpeg q85")), 0);

    static Stream<Arguments> bombs() {
        return Stream.of(
                Arguments.of("65535x65535 16-bit", "too-many-pixels", new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                        .grey("MONOCHROME2", 65535, 65535, 16, 16, false).pixels16(0, 0).bytes()),
                Arguments.of("16000x16000 16-bit, Pixel Data past the end", "truncated",
                        new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).grey("MONOCHROME2", 16000, 16000, 16, 16, false)
                                .header(Tag.PIXEL_DATA, "OW", 512_000_000L).raw(new byte[64]).bytes()),
                Arguments.of("16000x16000 16-bit, 64 bytes of Pixel Data", "corrupt",
                        new DicomWriter(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).grey("MONOCHROME2", 16000, 16000, 16, 16, false)
                                .pixels("OW", new byte[64]).bytes()),
                // What it would take to decode (768 MB inflated, as much again in BGR) is over the heap budget,
                // so it is refused before anything is inflated; the stream's early end is never reached.
                Arguments.of("16000x16000 RGB, Deflated, stream ends early", "too-many-pixels",
                        new DicomWriter(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN).us(Tag.SAMPLES_PER_PIXEL, 3)
                                .text(Tag.PHOTOMETRIC_INTERPRETATION, "CS", "RGB").us(Tag.ROWS, 16000)
                                .us(Tag.COLUMNS, 16000).us(Tag.BITS_ALLOCATED, 8)
                                .header(Tag.PIXEL_DATA, "OB", 768_000_000L).raw(new byte[4096]).bytes()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bombs")
    void isRefusedBeforeAnyPixelBufferInASmallHeap(String name, String code, byte[] file) {
        assertTrue(Runtime.getRuntime().maxMemory() < 100L * 1024 * 1024, "this test must run with a small heap");
        long start = System.nanoTime();
        ImageRejectedException e = assertThrows(ImageRejectedException.class,
                () -> new Renderer(Limits.defaults()).render(file, PRESET));
        long micros = (System.nanoTime() - start) / 1000;
        assertEquals(code, e.code(), e.getMessage());
        System.out.printf("dicom_bomb=\"%s\" code=%s refused_in_us=%d heap_max_mb=%d%n", name, code, micros,
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }
}
