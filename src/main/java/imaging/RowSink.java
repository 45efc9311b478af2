package imaging;

/**
 * Takes the rows of an opaque 8-bit picture one at a time, top to bottom, each as ints (B, G, R per
 * pixel), so that a picture can be scaled while it is decoded, without ever existing whole.
 */
interface RowSink {

    /** Takes the next row; the array is the caller's again once this returns. */
    void accept(int[] row);
}
