package imaging;

/**
 * Rows of opaque 8-bit BGR pixels for {@link BgrDownscaler}, asked for in increasing order (a row it
 * keeps may be asked again only from its own copy), so a source can be decoded band by band.
 */
interface BgrRows {

    int width();

    int height();

    /** Copies row y's samples (B, G, R per pixel) into the array as ints. */
    void read(int y, int[] into);
}
