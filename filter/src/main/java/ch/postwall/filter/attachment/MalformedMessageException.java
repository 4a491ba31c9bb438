package ch.postwall.filter.attachment;

/** The message cannot be analysed safely (broken MIME, nesting or header limits exceeded). */
public class MalformedMessageException extends Exception {
    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
