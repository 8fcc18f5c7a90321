package dev.cloudbench.cli.cloud;

import dev.cloudbench.cli.output.ExitCodes;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The one place that turns AWS failures a person can fix into one line and an exit code of its
 * own: no credentials or region, credentials expired or refused, access denied, the stack (or what
 * it deployed) missing. Anything else is not known here and stays an internal error.
 */
public final class AwsFailures {
    /** Error codes meaning the credentials themselves were refused (expired, unknown, mis-signed). */
    private static final Set<String> REFUSED = Set.of("ExpiredToken", "ExpiredTokenException", "RequestExpired",
            "InvalidClientTokenId", "UnrecognizedClientException", "InvalidAccessKeyId", "InvalidToken",
            "SignatureDoesNotMatch", "InvalidSignatureException", "AuthFailure", "TokenRefreshRequired");
    /** Error codes meaning valid credentials lack a permission. */
    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException",
            "UnauthorizedOperation", "AuthorizationError", "AllAccessDisabled");
    /** Error codes meaning a resource of the stack is gone although the stack's outputs name it. */
    private static final Set<String> STACK_RESOURCE_GONE = Set.of("StateMachineDoesNotExist", "NoSuchBucket");

    /** A known failure: its exit code and the line to print after "cloudbench: ". */
    public record Known(int exitCode, String message) {
    }

    private AwsFailures() {
    }

    public static Optional<Known> classify(Throwable e) {
        if (e instanceof StackNotDeployedException) {
            return known(ExitCodes.STACK_NOT_DEPLOYED, "stack not deployed: " + e.getMessage());
        }
        if (e instanceof AwsServiceException s) {
            return service(s);
        }
        if (e instanceof SdkClientException) {
            return client(e);
        }
        return Optional.empty();
    }

    private static Optional<Known> service(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
                ? e.getMessage() : e.awsErrorDetails().errorMessage();
        if (code == null) {
            return Optional.empty();
        }
        if (REFUSED.contains(code)) {
            return known(ExitCodes.NO_CREDENTIALS, "AWS refused the credentials (" + code + ": " + message
                    + "): they expired or are not valid; renew them (aws sso login, aws configure, or new"
                    + " AWS_* variables)");
        }
        if (DENIED.contains(code) || e.statusCode() == 403 && code.contains("Denied")) {
            return known(ExitCodes.ACCESS_DENIED, "access denied (" + code + "): " + message);
        }
        if (STACK_RESOURCE_GONE.contains(code)) {
            return known(ExitCodes.STACK_NOT_DEPLOYED, "stack not deployed: the stack's " + (code.equals("NoSuchBucket")
                    ? "results bucket" : "state machine") + " does not exist (" + message + "); redeploy the stack");
        }
        return Optional.empty();
    }

    /** The SDK's own messages are the only sign of a missing credential or region; they name them. */
    private static Optional<Known> client(Throwable e) {
        String text = messages(e).toLowerCase(Locale.ROOT);
        if (text.contains("unable to load region") || text.contains("no region")) {
            return known(ExitCodes.NO_CREDENTIALS, "no AWS region: pass --region or set AWS_REGION"
                    + " (or a region in the AWS profile)");
        }
        if (text.contains("expired") && (text.contains("token") || text.contains("sso") || text.contains("session"))) {
            return known(ExitCodes.NO_CREDENTIALS, "the AWS credentials expired: renew them (for SSO: aws sso login)");
        }
        if (text.contains("unable to load credentials") || text.contains("credentials")) {
            return known(ExitCodes.NO_CREDENTIALS, "no AWS credentials: configure some (aws configure, aws sso login,"
                    + " AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY); in GitHub Actions use"
                    + " aws-actions/configure-aws-credentials");
        }
        return Optional.empty();
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static Optional<Known> known(int exitCode, String message) {
        return Optional.of(new Known(exitCode, message.lines().findFirst().orElse(message)));
    }
}
