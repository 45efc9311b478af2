package imaging.formats;

import imaging.Area;
import imaging.ImageFormat;
import imaging.ImageRejectedException;
import imaging.Inspection;
import imaging.RejectReason;
import imaging.Span;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Reads a PNG's chunks from the signature to IEND, never inflating anything (PNG, 3rd edition; APNG):
 * every chunk's length against the file ({@code truncated} when one runs past the end) and its CRC
 * ({@code corrupt} when it does not match), IHDR (size, bit depth, colour type, and the bytes of a row
 * in 64 bits), PLTE, tRNS, the IDAT run, and the animation chunks: each fcTL frame's size against the
 * pixel limit and its place inside the canvas. Text and profile chunks are stepped over, never read.
 */
final class PngStructure {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private PngStructure() {
    }

    static Inspection read(byte[] data, Budget budget) throws ImageRejectedException {
        Bytes in = new Bytes(data, "PNG", false);
        CRC32 crc = new CRC32();
        Header header = null;
        boolean palette = false;
        boolean imageData = false;
        boolean imageDataEnded = false;
        boolean animation = false;
        int frames = 0;
        Area first = null;
        Span exif = null;
        long pos = SIGNATURE.length;
        while (true) {
            if (!in.has(pos, 8)) {
                throw budget.truncated(imageData ? "it stops before its IEND chunk" : "it stops before its image data");
            }
            long length = in.u32(pos, "a chunk header");
            String type = in.fourCc(pos + 4);
            if (!isChunkType(type) || length > Integer.MAX_VALUE) {
                throw budget.corrupt("the chunk at byte %,d has type %s and length %,d".formatted(pos, printable(type),
                        length));
            }
            long body = pos + 8;
            long next = body + length + 4;
            if (next > data.length) {
                throw budget.truncated("its %s chunk at byte %,d runs to byte %,d, the file has %,d".formatted(type, pos,
                        next, data.length));
            }
            crc.reset();
            crc.update(data, (int) pos + 4, (int) length + 4);
            if (crc.getValue() != in.u32(body + length, "a chunk CRC")) {
                throw budget.corrupt("its %s chunk at byte %,d fails its CRC check".formatted(type, pos));
            }
            if (header == null && !type.equals("IHDR")) {
                throw budget.corrupt("it does not start with an IHDR chunk");
            }
            if (imageData && !type.equals("IDAT")) {
                imageDataEnded = true;
            }
            switch (type) {
                case "IHDR" -> {
                    if (header != null) {
                        throw budget.corrupt("it has a second IHDR chunk");
                    }
                    header = header(in, body, length, budget);
                }
                case "PLTE" -> {
                    long entries = length / 3;
                    if (palette || imageData || length % 3 != 0 || entries < 1 || entries > 256
                            || header.colourType() == 3 && entries > 1L << header.depth()) {
                        throw budget.corrupt("its PLTE chunk of %,d bytes is out of place or size".formatted(length));
                    }
                    palette = true;
                }
                case "tRNS" -> {
                    if (imageData || header.colourType() == 3 && length > 256) {
                        throw budget.corrupt("its tRNS chunk of %,d bytes is out of place or size".formatted(length));
                    }
                }
                case "IDAT" -> {
                    if (imageDataEnded) {
                        throw budget.corrupt("its IDAT chunks are not consecutive");
                    }
                    if (header.colourType() == 3 && !palette) {
                        throw budget.corrupt("it is a palette image without a PLTE chunk");
                    }
                    imageData = true;
                }
                case "acTL" -> animation = !imageData && length == 8 && in.u32(body, "acTL") > 0;
                case "fcTL" -> {
                    if (animation) {
                        frames++;
                        Area frame = frameControl(in, body, length, frames, header, budget);
                        if (frames == 1) {
                            // APNG: a fcTL before IDAT makes the default image the first frame, covering the canvas.
                            if (!imageData && !frame.equals(Area.of(header.width(), header.height()))) {
                                throw budget.corrupt("its first frame is %dx%d at (%d,%d), not the whole %dx%d picture"
                                        .formatted(frame.width(), frame.height(), frame.x(), frame.y(), header.width(),
                                                header.height()));
                            }
                            first = frame;
                        }
                    }
                }
                case "fdAT" -> {
                    if (length < 4) {
                        throw budget.corrupt("its fdAT chunk at byte %,d has no sequence number".formatted(pos));
                    }
                }
                case "eXIf" -> exif = exif == null ? new Span((int) body, (int) length) : exif;
                default -> {
                    // Ancillary chunks (text, profiles, ...) are stepped over; nothing here inflates them.
                }
            }
            if (type.equals("IEND")) {
                break;
            }
            pos = next;
        }
        if (!imageData) {
            throw budget.corrupt("it has no image data (no IDAT chunk)");
        }
        Area canvas = Area.of(header.width(), header.height());
        Area frame = first == null ? canvas : first;
        return new Inspection(ImageFormat.PNG, header.width(), header.height(), data.length, frame, frame,
                Math.max(frames, 1), frames > 1, 0, exif, 0);
    }

    private record Header(int width, int height, int depth, int colourType) {
    }

    private static Header header(Bytes in, long at, long length, Budget budget) throws ImageRejectedException {
        if (length != 13) {
            throw budget.corrupt("its IHDR chunk is %d bytes long, not 13".formatted(length));
        }
        long width = in.u32(at, "IHDR");
        long height = in.u32(at + 4, "IHDR");
        int depth = in.u8(at + 8, "IHDR");
        int colour = in.u8(at + 9, "IHDR");
        if (width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw budget.corrupt("IHDR declares %,dx%,d pixels".formatted(width, height));
        }
        budget.canvas(width, height);
        int channels = switch (colour) {
            case 0, 3 -> 1;
            case 2 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> throw budget.corrupt("IHDR declares colour type %d".formatted(colour));
        };
        boolean depthOk = switch (colour) {
            case 0 -> depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
            case 3 -> depth == 1 || depth == 2 || depth == 4 || depth == 8;
            default -> depth == 8 || depth == 16;
        };
        if (!depthOk || in.u8(at + 10, "IHDR") != 0 || in.u8(at + 11, "IHDR") != 0 || in.u8(at + 12, "IHDR") > 1) {
            throw budget.corrupt("IHDR declares bit depth %d for colour type %d, or an unknown method".formatted(depth,
                    colour));
        }
        // The JDK's decoder holds a row's bits in an int (PNGImageReader: Math.multiplyExact).
        long rowBits = width * channels * depth;
        if (rowBits > Integer.MAX_VALUE - 7) {
            throw new ImageRejectedException(RejectReason.TOO_MANY_PIXELS,
                    "The PNG rows are %,d px of %d bits each, more than the decoder can hold (2^31 bits a row)"
                            .formatted(width, channels * depth));
        }
        return new Header((int) width, (int) height, depth, colour);
    }

    private static Area frameControl(Bytes in, long at, long length, int number, Header header, Budget budget)
            throws ImageRejectedException {
        if (length != 26) {
            throw budget.corrupt("its fcTL chunk of frame %d is %d bytes long, not 26".formatted(number, length));
        }
        long width = in.u32(at + 4, "fcTL");
        long height = in.u32(at + 8, "fcTL");
        long x = in.u32(at + 12, "fcTL");
        long y = in.u32(at + 16, "fcTL");
        budget.part("frame " + number, width, height);
        if (x + width > header.width() || y + height > header.height()) {
            throw budget.corrupt("frame %d (%dx%d at %d,%d) lies outside the %dx%d canvas".formatted(number, width,
                    height, x, y, header.width(), header.height()));
        }
        return new Area((int) x, (int) y, (int) width, (int) height);
    }

    /**
     * The first frame of an APNG whose default image is not part of the animation, as a PNG of its own
     * (IHDR at the frame's size, the palette, and the frame's fdAT data as IDAT); empty when the
     * decoder's default image is the first frame. For a file {@link #read} has passed.
     */
    static Optional<byte[]> firstFrameStill(byte[] data) {
        Bytes in = new Bytes(data, "PNG", false);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        boolean animation = false;
        boolean imageData = false;
        boolean inFirstFrame = false;
        long pos = SIGNATURE.length;
        try {
            while (in.has(pos, 12)) {
                int length = (int) in.u32(pos, "chunk");
                String type = in.fourCc(pos + 4);
                int body = (int) pos + 8;
                switch (type) {
                    case "IHDR" -> header.write(data, body, length);
                    case "PLTE", "tRNS" -> writeChunk(header, type, data, body, length);
                    case "acTL" -> animation = !imageData;
                    case "IDAT" -> imageData = true;
                    case "fcTL" -> {
                        if (!animation || !imageData) {
                            return Optional.empty();
                        }
                        if (inFirstFrame) {
                            return Optional.of(still(data, header.toByteArray(), frame.toByteArray()));
                        }
                        inFirstFrame = true;
                        frame.write(data, body + 4, 8); // width and height, for the new IHDR
                    }
                    case "fdAT" -> {
                        if (inFirstFrame) {
                            writeChunk(frame, "IDAT", data, body + 4, length - 4);
                        }
                    }
                    case "IEND" -> {
                        return inFirstFrame ? Optional.of(still(data, header.toByteArray(), frame.toByteArray()))
                                : Optional.empty();
                    }
                    default -> {
                        // not needed to decode the frame
                    }
                }
                pos += 12L + length;
            }
        } catch (ImageRejectedException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Assembles the still: signature, IHDR with the frame's size, PLTE/tRNS, the frame's IDATs, IEND. */
    private static byte[] still(byte[] data, byte[] headerChunks, byte[] frame) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(frame.length + headerChunks.length + 64);
        out.writeBytes(SIGNATURE);
        byte[] ihdr = new byte[13];
        System.arraycopy(headerChunks, 0, ihdr, 0, 13);
        System.arraycopy(frame, 0, ihdr, 0, 8);
        writeChunk(out, "IHDR", ihdr, 0, 13);
        out.write(headerChunks, 13, headerChunks.length - 13);
        out.write(frame, 8, frame.length - 8);
        writeChunk(out, "IEND", new byte[0], 0, 0);
        return out.toByteArray();
    }

    private static void writeChunk(ByteArrayOutputStream out, String type, byte[] data, int offset, int length) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data, offset, length);
        writeInt(out, length);
        out.writeBytes(name);
        out.write(data, offset, length);
        writeInt(out, (int) crc.getValue());
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16 & 0xFF);
        out.write(value >>> 8 & 0xFF);
        out.write(value & 0xFF);
    }

    private static boolean isChunkType(String type) {
        if (type.length() != 4) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            char c = type.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String type) {
        return type.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? "'" + type + "'" : "(not letters)";
    }
}
