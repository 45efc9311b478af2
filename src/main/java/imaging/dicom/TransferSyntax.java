package imaging.dicom;

import java.nio.ByteOrder;
import java.util.Optional;

/**
 * The DICOM transfer syntaxes by UID and PS3.6 name (Table A-1), with how their datasets are encoded.
 * This reader decodes the native (uncompressed) ones: Implicit and Explicit VR Little Endian, Explicit VR
 * Big Endian and Deflated Explicit VR Little Endian. It reads the header of the others (all Explicit VR
 * Little Endian) and refuses their pixel data, naming the syntax.
 */
public enum TransferSyntax {
    IMPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2", "Implicit VR Little Endian",
            ByteOrder.LITTLE_ENDIAN, false, false, true),
    EXPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2.1", "Explicit VR Little Endian",
            ByteOrder.LITTLE_ENDIAN, true, false, true),
    DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian",
            ByteOrder.LITTLE_ENDIAN, true, true, true),
    EXPLICIT_VR_BIG_ENDIAN("1.2.840.10008.1.2.2", "Explicit VR Big Endian",
            ByteOrder.BIG_ENDIAN, true, false, true),
    ENCAPSULATED_UNCOMPRESSED("1.2.840.10008.1.2.1.98", "Encapsulated Uncompressed Explicit VR Little Endian",
            ByteOrder.LITTLE_ENDIAN, true, false, false),
    JPEG_BASELINE("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)",
            ByteOrder.LITTLE_ENDIAN, true, false, false),
    JPEG_EXTENDED("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)",
            ByteOrder.LITTLE_ENDIAN, true, false, false),
    JPEG_LOSSLESS("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)",
            ByteOrder.LITTLE_ENDIAN, true, false, false),
    JPEG_LOSSLESS_SV1("1.2.840.10008.1.2.4.70", "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])",
            ByteOrder.LITTLE_ENDIAN, true, false, false),
    JPEG_LS_LOSSLESS("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless Image Compression",
            ByteOrder.LITTLE_ENDIAN, true, false, false),
    JPEG_LS_NEAR_LOSSLESS("1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless) Image Compression",
            ByteOrder.LITTLE_ENDIAN, true, false, false),
    JPEG_2000_LOSSLESS("1.2.840.10008.1.2.4.90", "JPEG 2000 Image Compression (Lossless Only)",
            ByteOrder.LITTLE_ENDIAN, true, false, false),
    JPEG_2000("1.2.840.10008.1.2.4.91", "JPEG 2000 Image Compression",
            ByteOrder.LITTLE_ENDIAN, true, false, false),
    JPEG_2000_MULTI_COMPONENT_LOSSLESS("1.2.840.10008.1.2.4.92", "JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only)",
            ByteOrder.LITTLE_ENDIAN, true, false, false),
    JPEG_2000_MULTI_COMPONENT("1.2.840.10008.1.2.4.93", "JPEG 2000 Part 2 Multi-component Image Compression",
            ByteOrder.LITTLE_ENDIAN, true, false, false),
    JPIP_REFERENCED("1.2.840.10008.1.2.4.94", "JPIP Referenced",
            ByteOrder.LITTLE_ENDIAN, true, false, false),
    JPIP_REFERENCED_DEFLATE("1.2.840.10008.1.2.4.95", "JPIP Referenced Deflate",
            ByteOrder.LITTLE_ENDIAN, true, true, false),
    MPEG2_MAIN_LEVEL("1.2.840.10008.1.2.4.100", "MPEG2 Main Profile / Main Level",
            ByteOrder.LITTLE_ENDIAN, true, false, false),
    MPEG2_HIGH_LEVEL("1.2.840.10008.1.2.4.101", "MPEG2 Main Profile / High Level",
            ByteOrder.LITTLE_ENDIAN, true, false, false),
    H264_HIGH_41("1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264 High Profile / Level 4.1",
            ByteOrder.LITTLE_ENDIAN, true, false, false),
    H264_BD_HIGH_41("1.2.840.10008.1.2.4.103", "MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1",
            ByteOrder.LITTLE_ENDIAN, true, false, false),
    H264_HIGH_42_2D("1.2.840.10008.1.2.4.104", "MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video",
            ByteOrder.LITTLE_ENDIAN, true, false, false),
    H264_HIGH_42_3D("1.2.840.10008.1.2.4.105", "MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video",
            ByteOrder.LITTLE_ENDIAN, true, false, false),
    H264_STEREO_HIGH_42("1.2.840.10008.1.2.4.106", "MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2",
            ByteOrder.LITTLE_ENDIAN, true, false, false),
    HEVC_MAIN_51("1.2.840.10008.1.2.4.107", "HEVC/H.265 Main Profile / Level 5.1",
            ByteOrder.LITTLE_ENDIAN, true, false, false),
    HEVC_MAIN10_51("1.2.840.10008.1.2.4.108", "HEVC/H.265 Main 10 Profile / Level 5.1",
            ByteOrder.LITTLE_ENDIAN, true, false, false),
    JPEG_XL_LOSSLESS("1.2.840.10008.1.2.4.110", "JPEG XL Lossless",
            ByteOrder.LITTLE_ENDIAN, true, false, false),
    JPEG_XL_RECOMPRESSION("1.2.840.10008.1.2.4.111", "JPEG XL JPEG Recompression",
            ByteOrder.LITTLE_ENDIAN, true, false, false),
    JPEG_XL("1.2.840.10008.1.2.4.112", "JPEG XL",
            ByteOrder.LITTLE_ENDIAN, true, false, false),
    HTJ2K_LOSSLESS("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Image Compression (Lossless Only)",
            ByteOrder.LITTLE_ENDIAN, true, false, false),
    HTJ2K_RPCL_LOSSLESS("1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)",
            ByteOrder.LITTLE_ENDIAN, true, false, false),
    HTJ2K("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000 Image Compression",
            ByteOrder.LITTLE_ENDIAN, true, false, false),
    RLE_LOSSLESS("1.2.840.10008.1.2.5", "RLE Lossless",
            ByteOrder.LITTLE_ENDIAN, true, false, false);

    private final String uid;
    private final String title;
    private final ByteOrder order;
    private final boolean explicitVr;
    private final boolean deflated;
    private final boolean nativePixels;

    TransferSyntax(String uid, String title, ByteOrder order, boolean explicitVr, boolean deflated,
            boolean nativePixels) {
        this.uid = uid;
        this.title = title;
        this.order = order;
        this.explicitVr = explicitVr;
        this.deflated = deflated;
        this.nativePixels = nativePixels;
    }

    public String uid() {
        return uid;
    }

    /** The name PS3.6 gives it, e.g. "Explicit VR Little Endian". */
    public String title() {
        return title;
    }

    /** Whether this reader decodes its pixel data: native (uncompressed) samples, not encapsulated. */
    public boolean decodable() {
        return nativePixels;
    }

    ByteOrder order() {
        return order;
    }

    boolean explicitVr() {
        return explicitVr;
    }

    /** The dataset after the file meta group is one raw deflate stream (RFC 1951). */
    boolean deflated() {
        return deflated;
    }

    static Optional<TransferSyntax> of(String uid) {
        for (TransferSyntax syntax : values()) {
            if (syntax.uid.equals(uid)) {
                return Optional.of(syntax);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return title + " (" + uid + ")";
    }
}
