package imaging.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.Deflater;

/**
 * Writes DICOM Part 10 files for tests: a preamble, "DICM", the file meta group (Explicit VR Little
 * Endian) and a dataset in the chosen transfer syntax, elements in the order they are added. Hostile
 * structures go in with {@link #raw}.
 */
final class DicomWriter {

    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN",
            "UR", "UT", "UV");

    private final String transferSyntaxUid;
    private final ByteOrder order;
    private final boolean explicitVr;
    private final boolean deflated;
    private final ByteArrayOutputStream dataset = new ByteArrayOutputStream();

    /** A dataset in one of the syntaxes this reader decodes. */
    DicomWriter(TransferSyntax syntax) {
        this(syntax.uid(), syntax.order(), syntax.explicitVr(), syntax.deflated());
    }

    /** A dataset encoded as Explicit VR Little Endian, under any transfer syntax UID. */
    DicomWriter(String transferSyntaxUid) {
        this(transferSyntaxUid, ByteOrder.LITTLE_ENDIAN, true, false);
    }

    private DicomWriter(String uid, ByteOrder order, boolean explicitVr, boolean deflated) {
        this.transferSyntaxUid = uid;
        this.order = order;
        this.explicitVr = explicitVr;
        this.deflated = deflated;
    }

    /** A grey image's usual header: samples per pixel, photometric, rows, columns and bits. */
    DicomWriter grey(String photometric, int columns, int rows, int bitsAllocated, int bitsStored, boolean signed) {
        return us(Tag.SAMPLES_PER_PIXEL, 1).text(Tag.PHOTOMETRIC_INTERPRETATION, "CS", photometric)
                .us(Tag.ROWS, rows).us(Tag.COLUMNS, columns).us(Tag.BITS_ALLOCATED, bitsAllocated)
                .us(Tag.BITS_STORED, bitsStored).us(Tag.HIGH_BIT, bitsStored - 1)
                .us(Tag.PIXEL_REPRESENTATION, signed ? 1 : 0);
    }

    DicomWriter us(int tag, int value) {
        return element(tag, "US", ByteBuffer.allocate(2).order(order).putShort((short) value).array());
    }

    /** A text value (CS, DS, IS, DA, PN, LO, UI, ...), padded to an even length. */
    DicomWriter text(int tag, String vr, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length % 2 == 1) {
            bytes = (value + (vr.equals("UI") ? "\0" : " ")).getBytes(StandardCharsets.ISO_8859_1);
        }
        return element(tag, vr, bytes);
    }

    /** Pixel Data (7FE0,0010) as OW (16-bit samples) or OB. */
    DicomWriter pixels(String vr, byte[] samples) {
        return element(Tag.PIXEL_DATA, vr, samples);
    }

    /** 16-bit samples in the dataset's byte order, as Pixel Data. */
    DicomWriter pixels16(int... samples) {
        ByteBuffer buffer = ByteBuffer.allocate(2 * samples.length).order(order);
        for (int s : samples) {
            buffer.putShort((short) s);
        }
        return pixels("OW", buffer.array());
    }

    /** A sequence of undefined length whose items (also of undefined length) are the given datasets. */
    DicomWriter sequence(int tag, DicomWriter... items) {
        header(tag, "SQ", 0xFFFF_FFFFL);
        for (DicomWriter item : items) {
            tag(Tag.ITEM);
            u32(0xFFFF_FFFFL);
            dataset.writeBytes(item.dataset.toByteArray());
            tag(Tag.ITEM_DELIMITATION);
            u32(0);
        }
        tag(Tag.SEQUENCE_DELIMITATION);
        u32(0);
        return this;
    }

    DicomWriter element(int tag, String vr, byte[] value) {
        header(tag, vr, value.length);
        dataset.writeBytes(value);
        return this;
    }

    /** An element header alone, with any length: the value (if any) follows with {@link #raw}. */
    DicomWriter header(int tag, String vr, long length) {
        tag(tag);
        if (!explicitVr) {
            u32(length);
        } else if (LONG_VRS.contains(vr)) {
            dataset.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
            dataset.writeBytes(new byte[2]);
            u32(length);
        } else {
            dataset.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
            dataset.writeBytes(ByteBuffer.allocate(2).order(order).putShort((short) length).array());
        }
        return this;
    }

    /** An item or delimiter tag with its 4-byte length. */
    DicomWriter delimiter(int tag, long length) {
        tag(tag);
        u32(length);
        return this;
    }

    DicomWriter raw(byte[] bytes) {
        dataset.writeBytes(bytes);
        return this;
    }

    /** The dataset as written so far, without file meta. */
    byte[] datasetBytes() {
        return dataset.toByteArray();
    }

    /** The whole file. */
    byte[] bytes() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(new byte[128]);
        file.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        byte[] uid = (transferSyntaxUid.length() % 2 == 1 ? transferSyntaxUid + "\0" : transferSyntaxUid)
                .getBytes(StandardCharsets.US_ASCII);
        ByteBuffer meta = ByteBuffer.allocate(12 + 8 + uid.length).order(ByteOrder.LITTLE_ENDIAN);
        meta.putShort((short) 2).putShort((short) 0).put("UL".getBytes(StandardCharsets.US_ASCII)).putShort((short) 4)
                .putInt(8 + uid.length);
        meta.putShort((short) 2).putShort((short) 0x10).put("UI".getBytes(StandardCharsets.US_ASCII))
                .putShort((short) uid.length).put(uid);
        file.writeBytes(meta.array());
        file.writeBytes(deflated ? deflate(dataset.toByteArray()) : dataset.toByteArray());
        return file.toByteArray();
    }

    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return out.toByteArray();
    }

    private void tag(int tag) {
        dataset.writeBytes(ByteBuffer.allocate(4).order(order).putShort((short) (tag >>> 16)).putShort((short) tag)
                .array());
    }

    private void u32(long value) {
        dataset.writeBytes(ByteBuffer.allocate(4).order(order).putInt((int) value).array());
    }
}
