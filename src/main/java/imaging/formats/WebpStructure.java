package imaging.formats;

import imaging.Area;
import imaging.ImageFormat;
import imaging.ImageRejectedException;
import imaging.Inspection;
import imaging.Span;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads a WebP's RIFF chunks, never its pixels (RFC 9649, "WebP Image Format"): the RIFF size against
 * the file, the VP8 (lossy) and VP8L (lossless) bitstream headers' sizes, the VP8X canvas, and for an
 * animation every ANMF frame up to {@link #MAX_FRAMES}: its size against the pixel limit, its place
 * inside the canvas, and its bitstream's size against the frame's.
 */
final class WebpStructure {

    static final int MAX_FRAMES = 10_000;

    private static final int FLAG_ANIMATION = 0x02;

    private WebpStructure() {
    }

    static Inspection read(byte[] data, Budget budget) throws ImageRejectedException {
        Bytes in = new Bytes(data, "WebP", true);
        long riffSize = in.u32(4, "the RIFF header");
        if (riffSize < 4 + 8 || (riffSize & 1) != 0) {
            throw budget.corrupt("its RIFF size is %,d".formatted(riffSize));
        }
        long end = 8 + riffSize;
        if (end > data.length) {
            throw budget.truncated("its RIFF container runs to byte %,d, the file has %,d".formatted(end, data.length));
        }
        Chunk first = chunk(in, 12, end, budget);
        switch (first.id()) {
            case "VP8 ", "VP8L" -> {
                Area size = bitstream(in, first, budget, "picture");
                budget.canvas(size.width(), size.height());
                return new Inspection(ImageFormat.WEBP, size.width(), size.height(), data.length, size, size, 1, false,
                        0, null, nativeBytes(first, false, size));
            }
            case "VP8X" -> {
                return extended(in, first, end, budget);
            }
            default -> throw budget.corrupt("its first chunk is '%s', not VP8, VP8L or VP8X".formatted(first.id()));
        }
    }

    /**
     * What libwebp allocates for a picture besides the output: a lossless one is decoded whole as 4 bytes
     * a pixel (vp8l_dec.c, AllocateInternalBuffers32b), an alpha plane takes a byte a pixel.
     */
    private static long nativeBytes(Chunk bitstream, boolean alpha, Area size) {
        return size.pixels() * ((bitstream.id().equals("VP8L") ? 4 : 0) + (alpha ? 1 : 0));
    }

    /** A chunk: its four-letter id, where its payload starts, and the payload's length. */
    private record Chunk(String id, long payload, long length) {

        long next() {
            return payload + length + (length & 1);
        }
    }

    private static Chunk chunk(Bytes in, long at, long end, Budget budget) throws ImageRejectedException {
        if (at + 8 > end) {
            throw budget.truncated("a chunk header at byte %,d lies past the RIFF container's end".formatted(at));
        }
        String id = in.fourCc(at);
        long length = in.u32(at + 4, "a chunk header");
        if (at + 8 + length > end) {
            throw budget.truncated("its '%s' chunk at byte %,d runs to byte %,d, past the container's end at %,d"
                    .formatted(id, at, at + 8 + length, end));
        }
        return new Chunk(id, at + 8, length);
    }

    private static Inspection extended(Bytes in, Chunk vp8x, long end, Budget budget) throws ImageRejectedException {
        if (vp8x.length() < 10) {
            throw budget.corrupt("its VP8X chunk is %d bytes long".formatted(vp8x.length()));
        }
        int flags = in.u8(vp8x.payload(), "VP8X");
        int width = in.u24(vp8x.payload() + 4, "VP8X") + 1;
        int height = in.u24(vp8x.payload() + 7, "VP8X") + 1;
        budget.canvas(width, height);
        Area canvas = Area.of(width, height);
        boolean animation = (flags & FLAG_ANIMATION) != 0;
        Area first = null;
        long nativeBytes = 0;
        boolean alpha = false;
        boolean still = false;
        int frames = 0;
        Span exif = null;
        long pos = vp8x.next();
        while (pos < end && frames < MAX_FRAMES) {
            Chunk chunk = chunk(in, pos, end, budget);
            switch (chunk.id()) {
                case "ANMF" -> {
                    if (animation) {
                        frames++;
                        Decoded frame = frame(in, chunk, frames, canvas, budget);
                        if (first == null) {
                            first = frame.area();
                            nativeBytes = frame.nativeBytes();
                        }
                    }
                }
                case "VP8 ", "VP8L" -> {
                    if (!animation && !still) {
                        Area size = bitstream(in, chunk, budget, "picture");
                        if (!size.equals(canvas)) {
                            throw budget.corrupt("its bitstream is %dx%d, its canvas %dx%d".formatted(size.width(),
                                    size.height(), width, height));
                        }
                        still = true;
                        nativeBytes = nativeBytes(chunk, alpha, size);
                    }
                }
                case "ALPH" -> {
                    alpha(in, chunk, budget);
                    alpha = true;
                }
                case "EXIF" -> exif = exif == null && chunk.length() <= Integer.MAX_VALUE
                        ? new Span((int) chunk.payload(), (int) chunk.length()) : exif;
                default -> {
                    // ICCP, ANIM, XMP and unknown chunks are stepped over.
                }
            }
            pos = chunk.next();
        }
        if (animation && first == null) {
            throw budget.corrupt("it is marked animated but has no frame");
        }
        if (!animation && !still) {
            throw budget.corrupt("it has no VP8 or VP8L bitstream");
        }
        Area frame = animation ? first : canvas;
        return new Inspection(ImageFormat.WEBP, width, height, in.length(), frame, frame, Math.max(frames, 1),
                frames > 1, 0, exif, nativeBytes);
    }

    /** A frame's place on the canvas, and what libwebp allocates outside the heap to decode it. */
    private record Decoded(Area area, long nativeBytes) {
    }

    /** An ANMF frame: offset, size (pixel limit first), inside the canvas, and its bitstream's size. */
    private static Decoded frame(Bytes in, Chunk anmf, int number, Area canvas, Budget budget)
            throws ImageRejectedException {
        String name = "frame " + number;
        if (anmf.length() < 16 + 8) {
            throw budget.corrupt("%s's ANMF chunk is %d bytes long".formatted(name, anmf.length()));
        }
        long x = 2L * in.u24(anmf.payload(), "ANMF");
        long y = 2L * in.u24(anmf.payload() + 3, "ANMF");
        long width = in.u24(anmf.payload() + 6, "ANMF") + 1L;
        long height = in.u24(anmf.payload() + 9, "ANMF") + 1L;
        budget.part(name, width, height);
        if (x + width > canvas.width() || y + height > canvas.height()) {
            throw budget.corrupt("%s (%dx%d at %d,%d) lies outside the %dx%d canvas".formatted(name, width, height, x, y,
                    canvas.width(), canvas.height()));
        }
        Area frame = new Area((int) x, (int) y, (int) width, (int) height);
        long end = anmf.payload() + anmf.length();
        long pos = anmf.payload() + 16;
        boolean alpha = false;
        while (pos < end) {
            Chunk chunk = chunk(in, pos, end, budget);
            if (chunk.id().equals("ALPH")) {
                alpha(in, chunk, budget);
                alpha = true;
            } else if (chunk.id().equals("VP8 ") || chunk.id().equals("VP8L")) {
                Area size = bitstream(in, chunk, budget, name);
                if (size.width() != width || size.height() != height) {
                    throw budget.corrupt("%s's bitstream is %dx%d, the frame %dx%d".formatted(name, size.width(),
                            size.height(), width, height));
                }
                return new Decoded(frame, nativeBytes(chunk, alpha, frame));
            }
            pos = chunk.next();
        }
        throw budget.corrupt("%s has no VP8 or VP8L bitstream".formatted(name));
    }

    /**
     * The size a VP8 key frame or a VP8L stream declares (RFC 6386 9.1; RFC 9649 3.2), for the caller to
     * check: against the limits for a simple file, against the canvas or frame otherwise.
     */
    private static Area bitstream(Bytes in, Chunk chunk, Budget budget, String what) throws ImageRejectedException {
        long at = chunk.payload();
        long width;
        long height;
        if (chunk.id().equals("VP8L")) {
            if (chunk.length() < 5 || in.u8(at, "VP8L") != 0x2F) {
                throw budget.corrupt("the %s's VP8L header is missing its signature".formatted(what));
            }
            long bits = in.u32(at + 1, "VP8L");
            width = (bits & 0x3FFF) + 1;
            height = (bits >> 14 & 0x3FFF) + 1;
            if ((bits >> 29) != 0) {
                throw budget.corrupt("the %s's VP8L version is %d".formatted(what, bits >> 29));
            }
        } else {
            if (chunk.length() < 10) {
                throw budget.corrupt("the %s's VP8 chunk is %d bytes long".formatted(what, chunk.length()));
            }
            int tag = in.u24(at, "VP8");
            if ((tag & 1) != 0 || in.u24(at + 3, "VP8") != 0x2A019D) {
                throw budget.corrupt("the %s's VP8 data does not start with a key frame".formatted(what));
            }
            long partition = tag >>> 5;
            if (partition > chunk.length() - 10) {
                throw budget.truncated("the %s's first VP8 partition needs %,d bytes, its chunk has %,d".formatted(what,
                        partition, chunk.length() - 10));
            }
            width = in.u16(at + 6, "VP8") & 0x3FFF;
            height = in.u16(at + 8, "VP8") & 0x3FFF;
        }
        return Area.of((int) width, (int) height);
    }

    /** ALPH: compression 0 (raw) or 1 (lossless), filtering 0-3 (RFC 9649 3.7.2). */
    private static void alpha(Bytes in, Chunk chunk, Budget budget) throws ImageRejectedException {
        if (chunk.length() < 1) {
            throw budget.corrupt("its ALPH chunk is empty");
        }
        int header = in.u8(chunk.payload(), "ALPH");
        if ((header & 0x03) > 1 || (header >> 4 & 0x03) > 1 || header >> 6 != 0) {
            throw budget.corrupt("its ALPH chunk has header 0x%02X".formatted(header));
        }
    }

    /**
     * The first frame of an animated WebP as a still WebP of its own, since the decoder here reads only
     * stills: the frame's chunks (optional ALPH, then VP8 or VP8L) behind a VP8X header of the frame's
     * size. Empty for a still; for a file {@link #read} has passed.
     */
    static Optional<byte[]> firstFrameStill(byte[] data) {
        Bytes in = new Bytes(data, "WebP", true);
        try {
            if (!in.fourCc(12).equals("VP8X") || (in.u8(20, "VP8X") & FLAG_ANIMATION) == 0) {
                return Optional.empty();
            }
            long end = Math.min(data.length, 8 + in.u32(4, "RIFF"));
            long pos = 12;
            while (pos + 8 <= end) {
                long length = in.u32(pos + 4, "chunk");
                if (in.fourCc(pos).equals("ANMF")) {
                    long payload = pos + 8;
                    int width = in.u24(payload + 6, "ANMF") + 1;
                    int height = in.u24(payload + 9, "ANMF") + 1;
                    return Optional.of(still(data, (int) payload + 16, (int) length - 16, width, height));
                }
                pos += 8 + length + (length & 1);
            }
        } catch (ImageRejectedException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static byte[] still(byte[] data, int from, int length, int width, int height) {
        boolean alpha = new Bytes(data, "WebP", true).fourCc(from).equals("ALPH");
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 30);
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        writeUint32(out, 4 + 18 + length);
        out.writeBytes("WEBPVP8X".getBytes(StandardCharsets.US_ASCII));
        writeUint32(out, 10);
        out.write(alpha ? 0x10 : 0);
        out.writeBytes(new byte[3]);
        writeUint24(out, width - 1);
        writeUint24(out, height - 1);
        out.write(data, from, length);
        return out.toByteArray();
    }

    private static void writeUint24(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write(value >>> 8 & 0xFF);
        out.write(value >>> 16 & 0xFF);
    }

    private static void writeUint32(ByteArrayOutputStream out, int value) {
        writeUint24(out, value);
        out.write(value >>> 24 & 0xFF);
    }
}
