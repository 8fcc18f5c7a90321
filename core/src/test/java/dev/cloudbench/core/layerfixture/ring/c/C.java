package dev.cloudbench.core.layerfixture.ring.c;

import dev.cloudbench.core.layerfixture.ring.a.A;

/** One package of a ring of three (a to b to c to a) with no pair among them importing each other. */
public record C(A next) {
}
