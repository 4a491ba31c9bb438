package ch.postwall.calendar.api;

public enum DeleteResult {
    DELETED,
    NOT_FOUND,
    PRECONDITION_FAILED
}
