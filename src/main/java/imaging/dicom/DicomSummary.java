package imaging.dicom;

import java.util.Optional;

/**
 * What an image record keeps of a DICOM file: never a patient-identifying attribute (no name, ID, birth
 * date, sex, age, address, institution, physician, accession number or identifying UID), only these.
 *
 * @param modality  Modality (0008,0060), e.g. "CT", or null
 * @param bodyPart  Body Part Examined (0018,0015), e.g. "CHEST", or null
 * @param rows      Rows (0028,0010): the height in pixels, or null
 * @param columns   Columns (0028,0011): the width in pixels, or null
 * @param studyDate Study Date (0008,0020) as ISO {@code yyyy-MM-dd}, or null
 */
public record DicomSummary(String modality, String bodyPart, Integer rows, Integer columns, String studyDate) {

    /**
     * The summary of a DICOM file, also of one whose pixel data this reader does not decode; empty when
     * its header cannot be read.
     */
    public static Optional<DicomSummary> read(byte[] data) {
        return DicomFile.summary(data);
    }

    static DicomSummary of(Attributes attributes) {
        return new DicomSummary(attributes.code(Tag.MODALITY).orElse(null),
                attributes.code(Tag.BODY_PART_EXAMINED).orElse(null),
                boxed(attributes, Tag.ROWS), boxed(attributes, Tag.COLUMNS),
                attributes.date(Tag.STUDY_DATE).orElse(null));
    }

    private static Integer boxed(Attributes attributes, int tag) {
        var value = attributes.unsignedShort(tag);
        return value.isPresent() ? value.getAsInt() : null;
    }
}
