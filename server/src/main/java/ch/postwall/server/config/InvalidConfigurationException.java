package ch.postwall.server.config;

/** A configuration problem that stops the start; its message names the file and, where it applies, the key. */
public class InvalidConfigurationException extends RuntimeException {
    public InvalidConfigurationException(String message) {
        super(message);
    }

    public InvalidConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
