package dev.cloudbench.cli.github;

import dev.cloudbench.core.report.pr.PrComment;
import java.io.IOException;
import java.util.Optional;

/**
 * One cloudbench comment per pull request: the comment whose body starts with
 * {@link PrComment#MARKER} (written by {@code author}, when given) is updated; only when there is none
 * is a new one created. A later push therefore replaces the numbers instead of adding a comment.
 */
public final class PrComments {
    private PrComments() {
    }

    /** What {@link #upsert} did. */
    public record Outcome(long id, boolean created) {
    }

    /**
     * @param author login the comment must be by (e.g. {@code github-actions[bot]}), or null for any:
     *               a person who quotes the marker must not get their comment overwritten
     */
    public static Outcome upsert(GitHubApi api, String repository, int pullRequest, String body, String author)
            throws IOException {
        String marked = body.startsWith(PrComment.MARKER) ? body : PrComment.MARKER + "\n" + body;
        Optional<GitHubApi.Comment> existing = api.comments(repository, pullRequest).stream()
                .filter(c -> c.body().startsWith(PrComment.MARKER))
                .filter(c -> author == null || author.equals(c.author()))
                .findFirst();
        if (existing.isPresent()) {
            api.updateComment(repository, existing.get().id(), marked);
            return new Outcome(existing.get().id(), false);
        }
        return new Outcome(api.createComment(repository, pullRequest, marked), true);
    }
}
