package dev.cloudbench.core.layerfixture.ring.b;

import dev.cloudbench.core.layerfixture.ring.c.C;

/** One package of a ring of three (a to b to c to a) with no pair among them importing each other. */
public record B(C next) {
}
