package jobs;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where things live in the bucket: uploads under {@code uploads/<owner>/<jobId>/<name>}, outputs under
 * {@code processed/<owner>/<jobId>/<image>/<variant>.<ext>}. Only {@code uploads/} starts work, so outputs
 * can never trigger processing again.
 */
public final class StorageLayout {

    public static final String UPLOADS = "uploads/";
    public static final String PROCESSED = "processed/";
    private static final int MAX_NAME_LENGTH = 120;
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");
    private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9]{1,10}");

    private StorageLayout() {
    }

    /** An upload's place for a server-chosen job id and a client-given file name, made safe. */
    public static String uploadKey(String owner, String jobId, String fileName) {
        return UPLOADS + owner + "/" + jobId + "/" + safeName(fileName);
    }

    public static String variantKey(String owner, String jobId, String imageName, String variant, String extension) {
        return PROCESSED + owner + "/" + jobId + "/" + imageName + "/" + variant + "." + extension;
    }

    /** The owner and job of an upload key, or empty for keys outside the upload layout. */
    public static Optional<UploadRef> parseUpload(String key) {
        if (!key.startsWith(UPLOADS)) {
            return Optional.empty();
        }
        String[] parts = key.substring(UPLOADS.length()).split("/", 3);
        if (parts.length < 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new UploadRef(parts[0], parts[1]));
    }

    /**
     * A file name reduced to letters, digits, dot, dash and underscore: no path, no control characters,
     * no leading dots, bounded length; accents are kept as their base letter.
     */
    public static String safeName(String fileName) {
        String base = fileName == null ? "" : fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = Normalizer.normalize(base, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        int dot = base.lastIndexOf('.');
        String extension = dot >= 0 && EXTENSION.matcher(base.substring(dot + 1)).matches() ? base.substring(dot) : "";
        String stem = base.substring(0, base.length() - extension.length());
        stem = UNSAFE.matcher(stem).replaceAll("_").replaceAll("^[._]+", "");
        if (stem.isEmpty()) {
            stem = "upload";
        }
        return stem.substring(0, Math.min(stem.length(), MAX_NAME_LENGTH - extension.length())) + extension;
    }

    /** An image's default name: its file name without extension, made safe. */
    public static String imageName(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return safeName(stem);
    }

    public record UploadRef(String owner, String jobId) {
    }
}
