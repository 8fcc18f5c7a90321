package dev.cloudbench.core.layerfixture.records;

import dev.cloudbench.core.layerfixture.services.Service;

/** A record that reaches up into the services: what the layer rule must refuse. */
public record Leak(Service service) {
}
