package dev.cloudbench.cli;

import picocli.CommandLine;

/** The version from the jar's manifest (the Maven project version). */
public final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"cloudbench " + (v == null ? "(development build)" : v)};
    }
}
