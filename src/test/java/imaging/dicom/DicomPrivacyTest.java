package imaging.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import imaging.ImageRejectedException;
import imaging.Limits;
import imaging.Preset;
import imaging.RenderedVariant;
import imaging.Renderer;
import imaging.Rendition;
import imaging.VariantSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * No patient-identifying attribute leaves a DICOM file: every such attribute is set to a marker, and the
 * marker appears in nothing the engine returns (header, summary, rendition, variants, placeholder), in
 * no rejection's message, and in nothing written to the console or any logger while it works.
 */
class DicomPrivacyTest {

    private static final String MARKER = IdentifiedDicom.MARKER;
    private static final String UID_MARKER = IdentifiedDicom.UID_MARKER;

    private static final Preset PRESET = new Preset("privacy", List.of(
            VariantSpec.parse("thumbnail 150x150 cover jpeg q80"),
            VariantSpec.parse("medium 800 inside webp q85")), 20);

    /** An Explicit VR Little Endian dataset with the identity, under any transfer syntax UID. */
    private static DicomWriter identified(String transferSyntaxUid) {
        return IdentifiedDicom.withIdentity(new DicomWriter(transferSyntaxUid), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    private static byte[] image(TransferSyntax syntax) {
        return IdentifiedDicom.image(syntax);
    }

    @Test
    void nothingTheEngineReturnsOrPrintsCarriesAPatientAttribute() throws Exception {
        List<String> seen = new ArrayList<>();
        String printed = capturingOutput(() -> {
            for (TransferSyntax syntax : List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                    TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN,
                    TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN)) {
                byte[] file = image(syntax);
                assertTrue(new String(file, StandardCharsets.ISO_8859_1).contains(MARKER) || syntax.deflated(),
                        "the marker is in the file");
                DicomFile dicom = DicomFile.read(file, Limits.defaults());
                assertEquals(new DicomSummary("MR", "HEAD", 48, 64, "2024-02-29"), dicom.header().summary());
                seen.add(dicom.header().toString());
                seen.add(DicomSummary.read(file).orElseThrow().toString());
                dicom.firstFrame();
                Rendition rendition = new Renderer(Limits.defaults()).render(file, PRESET);
                assertEquals("dicom", rendition.format().id());
                seen.add(rendition.toString());
                seen.add(rendition.placeholder());
                for (RenderedVariant variant : rendition.variants()) {
                    seen.add(variant.toString());
                    seen.add(new String(variant.bytes(), StandardCharsets.ISO_8859_1));
                }
            }
        });
        seen.add(printed);
        assertClean(seen);
    }

    @Test
    void noRejectionQuotesAPatientAttribute() throws Exception {
        byte[] whole = image(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        int name = new String(whole, StandardCharsets.ISO_8859_1).indexOf(MARKER + "^");
        List<byte[]> broken = new ArrayList<>();
        broken.add(Arrays.copyOf(whole, name + 5));                        // ends inside Patient's Name
        broken.add(identified(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid())
                .header(0x0010_1000, "UT", 0x7FFF_FFF0L).raw(MARKER.getBytes(StandardCharsets.US_ASCII)).bytes());
        broken.add(identified(MARKER).bytes()); // the marker as transfer syntax
        broken.add(identified(TransferSyntax.JPEG_2000.uid()).grey("MONOCHROME2", 2, 2, 8, 8, false)
                .header(Tag.PIXEL_DATA, "OB", 0xFFFF_FFFFL).delimiter(Tag.SEQUENCE_DELIMITATION, 0).bytes());
        broken.add(identified(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid())
                .grey("MONOCHROME2", 2, 2, 16, 16, false).text(Tag.NUMBER_OF_FRAMES, "IS", MARKER)
                .pixels16(1, 2, 3, 4).bytes());
        broken.add(identified(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid())
                .raw(MARKER.getBytes(StandardCharsets.US_ASCII)).bytes());   // the marker where a tag should be
        byte[] deflated = image(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
        broken.add(Arrays.copyOf(deflated, deflated.length - 40));
        broken.add(identified(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()).bytes());

        List<String> seen = new ArrayList<>();
        String printed = capturingOutput(() -> {
            for (byte[] file : broken) {
                ImageRejectedException e = assertThrows(ImageRejectedException.class,
                        () -> new Renderer(Limits.defaults()).render(file, PRESET));
                for (Throwable t = e; t != null; t = t.getCause()) {
                    seen.add(t.toString());
                }
                DicomSummary.read(file).ifPresent(summary -> seen.add(summary.toString()));
            }
        });
        seen.add(printed);
        assertClean(seen);
    }

    private static void assertClean(List<String> seen) {
        for (String text : seen) {
            assertFalse(text.contains(MARKER), "a patient attribute leaked: " + text);
            assertFalse(text.contains(UID_MARKER), "an identifying UID leaked: " + text);
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    /** Runs the work with the console and every logger (at every level) captured; returns what they got. */
    private static String capturingOutput(Work work) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        StringBuilder logged = new StringBuilder();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.append(record.getMessage()).append(Arrays.toString(record.getParameters()))
                        .append(record.getThrown()).append('\n');
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Level level = root.getLevel();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
        root.addHandler(handler);
        root.setLevel(Level.ALL);
        System.setOut(capture);
        System.setErr(capture);
        try {
            work.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
            root.setLevel(level);
            root.removeHandler(handler);
        }
        return console.toString(StandardCharsets.UTF_8) + logged;
    }
}
