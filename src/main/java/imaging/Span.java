package imaging;

/** A run of bytes inside an uploaded file: {@code offset} from its start, {@code length} bytes long. */
public record Span(int offset, int length) {
}
