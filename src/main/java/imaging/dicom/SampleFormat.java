package imaging.dicom;

/**
 * How one frame's samples are stored (PS3.3 C.7.6.3.1): each sample takes {@code bitsAllocated} bits, of
 * which {@code bitsStored} hold the value, ending at bit {@code highBit}; the other bits (overlays in
 * old files) are masked off.
 *
 * @param planar for RGB: all red samples, then all green, then all blue (Planar Configuration 1)
 */
record SampleFormat(int samplesPerPixel, int bitsAllocated, int bitsStored, int highBit, boolean signed,
        boolean planar) {

    int bytesPerSample() {
        return bitsAllocated / 8;
    }

    /** Bytes of one frame of {@code columns x rows} pixels, in 64-bit arithmetic. */
    long frameBytes(int columns, int rows) {
        return (long) columns * rows * samplesPerPixel * bytesPerSample();
    }

    /** The smallest stored value: {@code -2^(bitsStored-1)} when signed, else 0. */
    int minStored() {
        return signed ? -(1 << (bitsStored - 1)) : 0;
    }

    /** How many stored values there are: {@code 2^bitsStored}. */
    int storedValues() {
        return 1 << bitsStored;
    }
}
