package dev.cloudbench.core.model;

/**
 * A git repository to clone before a suite's setup.
 *
 * @param url plain https URL (validated: no credentials, query, whitespace or shell syntax)
 * @param ref branch, tag or commit (validated as a plain ref name); defaults to the remote's HEAD
 */
public record Repository(String url, String ref) {
}
