package imaging.dicom;

/**
 * What a DICOM file's header says about its image, learnt before any pixel is read.
 *
 * @param columns       width in pixels
 * @param rows          height in pixels
 * @param frames        Number of Frames (1 when absent); only the first is rendered
 * @param bitsAllocated bits per sample, 8 or 16
 */
public record DicomHeader(TransferSyntax transferSyntax, int columns, int rows, int frames, Photometric photometric,
        int bitsAllocated, DicomSummary summary) {

    public long pixels() {
        return (long) columns * rows;
    }
}
