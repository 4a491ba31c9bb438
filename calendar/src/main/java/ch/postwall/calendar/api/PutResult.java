package ch.postwall.calendar.api;

public enum PutResult {
    CREATED,
    UPDATED,
    PRECONDITION_FAILED,
    /** Another object of the collection holds the same UID (RFC 4791 no-uid-conflict). */
    UID_CONFLICT,
    COLLECTION_NOT_FOUND
}
