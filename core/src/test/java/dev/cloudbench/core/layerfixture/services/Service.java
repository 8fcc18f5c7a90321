package dev.cloudbench.core.layerfixture.services;

import dev.cloudbench.core.layerfixture.records.Record;

/** A service of the fixture's upper layer: it may use the records below it. */
public final class Service {
    public Record name(String name) {
        return new Record(name);
    }
}
