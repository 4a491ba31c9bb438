package ch.postwall.calendar.server;

import java.io.FileNotFoundException;
import java.nio.file.Path;

/** Turns a configured file location (a James {@code file://} URL or a path) into a file. */
@FunctionalInterface
public interface LocationResolver {
    Path resolve(String location) throws FileNotFoundException;
}
