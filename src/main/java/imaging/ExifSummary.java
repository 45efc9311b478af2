package imaging;

import com.drew.lang.ByteArrayReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import imaging.formats.ExifBlock;
import java.util.Optional;

/**
 * What the job record keeps of a photo's EXIF: camera, when it was taken (local time, as the camera
 * wrote it), its original orientation, and whether it carried a GPS position, never the position
 * itself. The outputs carry no EXIF at all.
 *
 * @param takenAt ISO-8601 local date-time, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExifSummary(String make, String model, String takenAt, int orientation, boolean gps) {

    public static final ExifSummary NONE = new ExifSummary(null, null, null, 1, false);

    @JsonIgnore
    public Orientation orientationTransform() {
        return Orientation.ofTag(orientation);
    }

    /**
     * Reads the summary from the EXIF block the inspection found, handing the metadata library only the
     * few tags it needs, cut out by {@link ExifBlock} (never a whole file: no text chunk is inflated, no
     * page chain walked). Missing or unreadable metadata gives {@link #NONE}'s values.
     */
    public static ExifSummary read(byte[] data, Inspection inspection) {
        Optional<byte[]> block = inspection.exif() == null ? Optional.empty() : ExifBlock.cut(data, inspection.exif());
        if (block.isEmpty()) {
            return NONE;
        }
        try {
            Metadata metadata = new Metadata();
            new ExifReader().extract(new ByteArrayReader(block.get()), metadata);
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            ExifSubIFDDirectory sub = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
            int orientation = ifd0 != null && ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)
                    ? ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION) : 1;
            return new ExifSummary(text(ifd0, ExifIFD0Directory.TAG_MAKE), text(ifd0, ExifIFD0Directory.TAG_MODEL),
                    takenAt(sub), orientation >= 1 && orientation <= 8 ? orientation : 1,
                    gps != null && gps.getGeoLocation() != null);
        } catch (Exception e) {
            // Broken metadata does not stop a picture from rendering.
            return NONE;
        }
    }

    private static String text(ExifIFD0Directory ifd0, int tag) {
        String value = ifd0 == null ? null : ifd0.getString(tag);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** "2008:10:22 16:29:49" becomes "2008-10-22T16:29:49". */
    private static String takenAt(ExifSubIFDDirectory sub) {
        String raw = sub == null ? null : sub.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL);
        if (raw == null || !raw.trim().matches("\\d{4}:\\d{2}:\\d{2} \\d{2}:\\d{2}:\\d{2}")) {
            return null;
        }
        String t = raw.trim();
        return t.substring(0, 4) + "-" + t.substring(5, 7) + "-" + t.substring(8, 10) + "T" + t.substring(11);
    }
}
