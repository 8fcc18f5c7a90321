package dev.cloudbench.core.layerfixture.ring.a;

import dev.cloudbench.core.layerfixture.ring.b.B;

/** One package of a ring of three (a to b to c to a) with no pair among them importing each other. */
public record A(B next) {
}
