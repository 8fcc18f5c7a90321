package dev.cloudbench.cli.output;

import picocli.CommandLine.Option;

/**
 * {@code --verbose} (a picocli mixin): unexpected errors keep their stack trace. Known failures stay
 * one line either way; the command line's exception handler reads the option by its name.
 */
public final class Verbose {
    @Option(names = "--verbose", description = "print stack traces of unexpected errors")
    boolean on;

    /** Whether --verbose was given. */
    public boolean on() {
        return on;
    }
}
