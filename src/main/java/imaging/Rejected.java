package imaging;

/**
 * An {@link ImageRejectedException} carried through code that cannot throw checked exceptions: the row
 * loops of the scalers and the callbacks a decoder makes while it reads. The renderer unwraps it.
 */
final class Rejected extends RuntimeException {

    Rejected(ImageRejectedException cause) {
        super(cause.getMessage(), cause);
    }

    ImageRejectedException rejection() {
        return (ImageRejectedException) getCause();
    }
}
