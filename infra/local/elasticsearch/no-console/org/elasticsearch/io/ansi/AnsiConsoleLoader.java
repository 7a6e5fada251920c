package org.elasticsearch.io.ansi;

import java.util.function.Supplier;
import org.elasticsearch.bootstrap.ConsoleLoader;

/**
 * Stand-in for the distribution's {@code lib/tools/ansi-console}, which is not published: the
 * local node always runs in the background with its output in a log file, so it has no console.
 */
public class AnsiConsoleLoader implements Supplier<ConsoleLoader.Console> {

    @Override
    public ConsoleLoader.Console get() {
        return null;
    }
}
