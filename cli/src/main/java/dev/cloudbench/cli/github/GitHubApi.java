package dev.cloudbench.cli.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudbench.core.error.BadInputException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few endpoints of GitHub's REST API that a pull-request run needs, over java.net.http.
 * Shapes as documented: issue comments https://docs.github.com/rest/issues/comments (list with
 * {@code per_page}/{@code page} and a {@code Link: <…>; rel="next"} header, PATCH
 * {@code /repos/{owner}/{repo}/issues/comments/{id}}, POST {@code /repos/{owner}/{repo}/issues/{n}/comments});
 * commit statuses https://docs.github.com/rest/commits/statuses (POST
 * {@code /repos/{owner}/{repo}/statuses/{sha}} with state, target_url, description, context).
 */
public final class GitHubApi {
    /** Where the API is when {@code GITHUB_API_URL} is not set (Actions sets it; GitHub Enterprise differs). */
    public static final String DEFAULT_URL = "https://api.github.com";
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String base;
    private final String token;

    /** A comment of an issue or pull request: its id, author login and body. */
    public record Comment(long id, String author, String body) {
    }

    public GitHubApi(HttpClient http, String baseUrl, String token) {
        if (token == null || token.isBlank()) {
            throw new BadInputException("GITHUB_TOKEN is not set (in Actions: env GITHUB_TOKEN: ${{ github.token }})");
        }
        this.http = http;
        this.base = baseUrl == null || baseUrl.isBlank() ? DEFAULT_URL : baseUrl.replaceAll("/+$", "");
        this.token = token;
    }

    public static GitHubApi of(String baseUrl, String token) {
        return new GitHubApi(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build(), baseUrl, token);
    }

    /** {@code owner/repo}, checked before it becomes part of a URL. */
    public static String repository(String ownerAndName) {
        if (ownerAndName == null || !REPOSITORY.matcher(ownerAndName).matches() || ownerAndName.contains("..")) {
            throw new BadInputException("--repository: '" + ownerAndName + "' is not OWNER/REPO");
        }
        return ownerAndName;
    }

    /** Every comment of issue or pull request {@code number}, oldest first, following every page. */
    public List<Comment> comments(String repository, int number) throws IOException {
        List<Comment> all = new ArrayList<>();
        String url = base + "/repos/" + repository(repository) + "/issues/" + number + "/comments?per_page=100";
        while (url != null) {
            HttpResponse<String> response = send(request(url).GET().build(), 200);
            for (JsonNode c : JSON.readTree(response.body())) {
                all.add(new Comment(c.path("id").asLong(), c.path("user").path("login").asText(null),
                        c.path("body").asText("")));
            }
            url = next(response).orElse(null);
        }
        return all;
    }

    public void updateComment(String repository, long id, String body) throws IOException {
        ObjectNode json = JSON.createObjectNode().put("body", body);
        send(request(base + "/repos/" + repository(repository) + "/issues/comments/" + id)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json.toString())).build(), 200);
    }

    /** @return the new comment's id */
    public long createComment(String repository, int number, String body) throws IOException {
        ObjectNode json = JSON.createObjectNode().put("body", body);
        HttpResponse<String> response = send(request(base + "/repos/" + repository(repository) + "/issues/" + number
                + "/comments").POST(HttpRequest.BodyPublishers.ofString(json.toString())).build(), 201);
        return JSON.readTree(response.body()).path("id").asLong();
    }

    public void createStatus(String repository, String sha, String state, String context, String description,
                             String targetUrl) throws IOException {
        ObjectNode json = JSON.createObjectNode().put("state", state).put("context", context)
                .put("description", description);
        if (targetUrl != null) {
            json.put("target_url", targetUrl);
        }
        send(request(base + "/repos/" + repository(repository) + "/statuses/" + sha)
                .POST(HttpRequest.BodyPublishers.ofString(json.toString())).build(), 201);
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/vnd.github+json")
                .header("Authorization", "Bearer " + token)
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("Content-Type", "application/json")
                .header("User-Agent", "cloudbench");
    }

    private HttpResponse<String> send(HttpRequest request, int expected) throws IOException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + request.method() + " " + request.uri(), e);
        }
        if (response.statusCode() != expected) {
            String body = response.body() == null ? "" : response.body();
            throw new GitHubApiException(response.statusCode(), request.method() + " " + request.uri().getPath()
                    + " answered " + response.statusCode() + ": " + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
        }
        return response;
    }

    /**
     * The next page, from the Link header. Only a page of the same API: the token is never sent to
     * another host, whatever a response says.
     */
    private Optional<String> next(HttpResponse<String> response) {
        for (String link : response.headers().allValues("Link")) {
            Matcher m = NEXT.matcher(link);
            if (m.find()) {
                String url = m.group(1);
                if (!url.startsWith(base + "/")) {
                    throw new GitHubApiException(0, "refusing to follow a next page outside " + base + ": " + url);
                }
                return Optional.of(url);
            }
        }
        return Optional.empty();
    }

    /** GitHub answered something other than what the call expects. */
    public static final class GitHubApiException extends RuntimeException {
        private final int status;

        public GitHubApiException(int status, String message) {
            super(message);
            this.status = status;
        }

        /** The HTTP status GitHub answered, 0 when the failure was ours. */
        public int status() {
            return status;
        }

        /** 401, 403 or 404: the token may not do this (GitHub answers 404 to what a token cannot see). */
        public boolean denied() {
            return status == 401 || status == 403 || status == 404;
        }
    }
}
