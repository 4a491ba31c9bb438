package ch.postwall.mailbox.embedded;

import java.sql.SQLException;

/** An SQL failure of the embedded database, unchecked so store interfaces stay backend-neutral. */
public class EmbeddedDatabaseException extends RuntimeException {
    public EmbeddedDatabaseException(SQLException cause) {
        super(cause.getMessage() + " (SQLState " + cause.getSQLState() + ")", cause);
    }
}
