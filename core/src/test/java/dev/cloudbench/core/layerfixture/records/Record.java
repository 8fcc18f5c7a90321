package dev.cloudbench.core.layerfixture.records;

/** A record of the fixture's lower layer; it imports nothing. */
public record Record(String name) {
}
