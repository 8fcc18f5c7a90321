package dev.cloudbench.cli.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment a suite's setup and commands get on this host. A local suite runs as the
 * current user, so it can read what that user can; what it must not inherit is the credentials
 * sitting in the CLI's own environment (a shell with AWS keys exported, a GitHub token, an SSH
 * agent), which would let a suite from a pull request act as you on AWS or GitHub.
 *
 * <p>Removed: every variable named {@code AWS_*}, {@code GITHUB_*}, {@code GH_*}, {@code ACTIONS_*}
 * (the runner's token and OIDC request variables), {@code GITLAB_*}, {@code AZURE_*},
 * {@code ARM_*}, {@code GOOGLE_*}, {@code CLOUDSDK_*}, {@code VAULT_*}, {@code DIGITALOCEAN_*};
 * every name ending in {@code _TOKEN}, {@code _SECRET}, {@code _SECRET_KEY}, {@code _PASSWORD},
 * {@code _PASSWD}, {@code _API_KEY}, {@code _APIKEY}, {@code _ACCESS_KEY}, {@code _CREDENTIALS},
 * {@code _PAT}; and {@code SSH_AUTH_SOCK}, {@code GPG_AGENT_INFO}, {@code SSH_ASKPASS},
 * {@code GIT_ASKPASS}, {@code KUBECONFIG}, {@code DOCKER_AUTH_CONFIG}, {@code DBUS_SESSION_BUS_ADDRESS}
 * (the keyring). Names are matched in any case. Then the AWS SDKs and CLI in the suite are kept
 * from finding credentials elsewhere: no profile files, no instance metadata; git never prompts.
 */
public final class SuiteEnvironment {
    static final List<String> PREFIXES = List.of("AWS_", "GITHUB_", "GH_", "ACTIONS_", "GITLAB_", "AZURE_", "ARM_",
            "GOOGLE_", "CLOUDSDK_", "VAULT_", "DIGITALOCEAN_");
    static final List<String> SUFFIXES = List.of("_TOKEN", "_SECRET", "_SECRET_KEY", "_PASSWORD", "_PASSWD",
            "_API_KEY", "_APIKEY", "_ACCESS_KEY", "_CREDENTIALS", "_PAT");
    static final List<String> NAMES = List.of("SSH_AUTH_SOCK", "GPG_AGENT_INFO", "SSH_ASKPASS", "GIT_ASKPASS",
            "KUBECONFIG", "DOCKER_AUTH_CONFIG", "DBUS_SESSION_BUS_ADDRESS");
    /** Set after removal: where the AWS SDKs would look next, and git's credential prompt. */
    static final Map<String, String> NEUTRAL = Map.of(
            "AWS_CONFIG_FILE", "/dev/null",
            "AWS_SHARED_CREDENTIALS_FILE", "/dev/null",
            "AWS_EC2_METADATA_DISABLED", "true",
            "GIT_TERMINAL_PROMPT", "0");

    private SuiteEnvironment() {
    }

    /** Whether a variable of this name is withheld from suites. */
    public static boolean withheld(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return PREFIXES.stream().anyMatch(upper::startsWith) || SUFFIXES.stream().anyMatch(upper::endsWith)
                || NAMES.contains(upper);
    }

    /**
     * @param inherited the CLI's own environment
     * @param path      the PATH for the suite (the provisioned hyperfine first)
     * @return the suite's environment: {@code inherited} without credentials, with {@code path}
     */
    public static Map<String, String> of(Map<String, String> inherited, String path) {
        Map<String, String> env = new TreeMap<>();
        inherited.forEach((k, v) -> {
            if (!withheld(k)) {
                env.put(k, v);
            }
        });
        env.putAll(NEUTRAL);
        env.put("PATH", path);
        return new LinkedHashMap<>(env);
    }
}
