package imaging.dicom;

import imaging.ImageRejectedException;
import imaging.RejectReason;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A dataset's bytes: the file itself, or a Deflated dataset inflated only as far as it is read. Positions
 * are indexes into {@link #array()}.
 */
abstract class DatasetBytes implements AutoCloseable {

    /** The bytes made readable so far. */
    abstract byte[] array();

    /**
     * Makes every position below {@code end} readable.
     *
     * @return false when the dataset ends before {@code end}
     * @throws ImageRejectedException {@code too-complex} when a Deflated dataset would inflate past what
     *                                reading it may cost, {@code corrupt} when its stream is damaged
     */
    abstract boolean reach(long end) throws ImageRejectedException;

    @Override
    public void close() {
    }

    static DatasetBytes of(byte[] file) {
        return new InFile(file);
    }

    /**
     * The raw deflate stream (RFC 1951) that starts at {@code start}, inflated on demand up to {@code limit}
     * bytes (raised by {@link Inflating#allow}).
     */
    static Inflating inflating(byte[] file, int start, long limit) {
        return new Inflating(file, start, limit);
    }

    private static final class InFile extends DatasetBytes {
        private final byte[] file;

        InFile(byte[] file) {
            this.file = file;
        }

        @Override
        byte[] array() {
            return file;
        }

        @Override
        boolean reach(long end) {
            return end <= file.length;
        }
    }

    static final class Inflating extends DatasetBytes {
        private static final int FIRST_BUFFER = 64 * 1024;
        /** The largest array a JVM reliably allocates. */
        static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

        private final Inflater inflater = new Inflater(true);
        private byte[] buffer = new byte[0];
        private int filled;
        private long limit;

        private Inflating(byte[] file, int start, long limit) {
            inflater.setInput(file, start, file.length - start);
            this.limit = limit;
        }

        /** Lets reading go on to {@code end}: the caller has checked what that many bytes may cost. */
        void allow(long end) {
            limit = Math.max(limit, end);
        }

        @Override
        byte[] array() {
            return buffer;
        }

        @Override
        boolean reach(long end) throws ImageRejectedException {
            if (end <= filled) {
                return true;
            }
            if (end > limit || end > MAX_ARRAY) {
                throw new ImageRejectedException(RejectReason.TOO_COMPLEX,
                        "The Deflated DICOM dataset inflates past %,d bytes, the most this reader inflates here"
                                .formatted(Math.min(limit, MAX_ARRAY)));
            }
            try {
                while (filled < end) {
                    if (filled == buffer.length) {
                        // Grown by doubling as data actually inflates, never to a length the file merely declares.
                        buffer = Arrays.copyOf(buffer, (int) Math.min(Math.min(limit, MAX_ARRAY),
                                Math.max(FIRST_BUFFER, 2L * buffer.length)));
                    }
                    int n = inflater.inflate(buffer, filled, buffer.length - filled);
                    if (n == 0 && (inflater.finished() || inflater.needsInput())) {
                        return false;
                    }
                    if (n == 0 && inflater.needsDictionary()) {
                        throw damaged();
                    }
                    filled += n;
                }
                return true;
            } catch (DataFormatException e) {
                throw damaged();
            }
        }

        private static ImageRejectedException damaged() {
            return new ImageRejectedException(RejectReason.CORRUPT, "The Deflated DICOM dataset is not a valid deflate stream");
        }

        @Override
        public void close() {
            inflater.end();
        }
    }
}
