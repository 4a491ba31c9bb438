package ch.postwall.filter.scan;

/** A scanner daemon could not be reached or answered something we cannot read: the caller decides between 4xx and accept-and-tag. */
public class ScannerUnavailableException extends Exception {
    public ScannerUnavailableException(String message) {
        super(message);
    }

    public ScannerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
