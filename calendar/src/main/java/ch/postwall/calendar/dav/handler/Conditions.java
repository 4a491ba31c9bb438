package ch.postwall.calendar.dav.handler;

import java.util.Optional;

import ch.postwall.calendar.api.WriteCondition;
import ch.postwall.calendar.dav.DavRequest;

/** Reads If-Match / If-None-Match (RFC 9110 13.1) into the condition the store checks atomically. */
final class Conditions {
    private Conditions() {
    }

    static WriteCondition of(DavRequest request) {
        Optional<String> ifMatch = request.header("If-Match").map(String::trim);
        if (ifMatch.isPresent()) {
            return ifMatch.get().equals("*") ? WriteCondition.EXISTS : WriteCondition.matching(ifMatch.get());
        }
        boolean mustBeAbsent = request.header("If-None-Match").map(String::trim).filter("*"::equals).isPresent();
        return mustBeAbsent ? WriteCondition.ABSENT : WriteCondition.ANY;
    }
}
