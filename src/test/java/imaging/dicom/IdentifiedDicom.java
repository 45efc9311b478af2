package imaging.dicom;

/**
 * DICOM files whose patient, study and institution attributes are all set to a marker, for tests that
 * check none of them ever leaves the file: the attributes of PS3.15 Table E.1-1 that a converter meets
 * most, and identifying UIDs ending in {@link #UID_MARKER}.
 */
public final class IdentifiedDicom {

    public static final String MARKER = "ZQXMARKERQZX";
    /** The tail of every identifying UID written. */
    public static final String UID_MARKER = "987654321";
    private static final String UID = "1.2.826.0.1.3680043.2.1143." + UID_MARKER;

    private IdentifiedDicom() {
    }

    /** A 64x48 MR image (body part HEAD, study date 2024-02-29) carrying the identity, in this syntax. */
    public static byte[] image(TransferSyntax syntax) {
        int[] samples = new int[64 * 48];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = i % 64 * 16;
        }
        return withIdentity(new DicomWriter(syntax), syntax).grey("MONOCHROME2", 64, 48, 16, 12, false)
                .text(Tag.STUDY_DATE, "DA", "20240229").pixels16(samples).bytes();
    }

    /** The identity added to a dataset written in {@code syntax} (for a nested item too). */
    static DicomWriter withIdentity(DicomWriter writer, TransferSyntax syntax) {
        return writer
                .text(0x0008_0018, "UI", UID)                       // SOP Instance UID
                .text(0x0008_0050, "SH", MARKER)                    // Accession Number
                .text(Tag.MODALITY, "CS", "MR")
                .text(0x0008_0080, "LO", MARKER)                    // Institution Name
                .text(0x0008_0081, "ST", MARKER)                    // Institution Address
                .text(0x0008_0090, "PN", MARKER)                    // Referring Physician's Name
                .text(0x0008_1030, "LO", MARKER)                    // Study Description
                .text(0x0008_1050, "PN", MARKER)                    // Performing Physician's Name
                .text(0x0008_1070, "PN", MARKER)                    // Operators' Name
                .text(0x0009_0010, "LO", MARKER)                    // a private creator
                .text(0x0009_1010, "LO", MARKER)                    // a private element
                .text(0x0010_0010, "PN", MARKER + "^" + MARKER)     // Patient's Name
                .text(0x0010_0020, "LO", MARKER)                    // Patient ID
                .text(0x0010_0030, "DA", MARKER)                    // Patient's Birth Date
                .text(0x0010_0040, "CS", MARKER)                    // Patient's Sex
                .sequence(0x0010_1002, new DicomWriter(syntax)
                        .text(0x0010_0020, "LO", MARKER))           // Other Patient IDs Sequence
                .text(0x0010_1010, "AS", MARKER)                    // Patient's Age
                .text(0x0010_1040, "LO", MARKER)                    // Patient's Address
                .text(0x0010_2154, "SH", MARKER)                    // Patient's Telephone Numbers
                .text(0x0010_21B0, "LT", MARKER)                    // Additional Patient History
                .text(0x0018_0015, "CS", "HEAD")
                .text(0x0020_000D, "UI", UID)                       // Study Instance UID
                .text(0x0020_000E, "UI", UID)                       // Series Instance UID
                .text(0x0020_0010, "SH", MARKER);                   // Study ID
    }
}
