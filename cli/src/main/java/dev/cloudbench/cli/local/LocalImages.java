package dev.cloudbench.cli.local;

import dev.cloudbench.core.error.ImageBuildFailedException;
import dev.cloudbench.core.model.Architecture;
import dev.cloudbench.core.port.ImagePort;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The "image" locally is this host as it is: nothing is ever built. Finding it means checking
 * that the tools a benchmark script needs are installed, and saying how to install them if not.
 */
public final class LocalImages implements ImagePort {
    /** Tool and how to get it. */
    private static final Map<String, String> TOOLS = Map.of(
            "hyperfine", "hyperfine (apt-get install hyperfine | brew install hyperfine | cargo install hyperfine)",
            "git", "git (apt-get install git | brew install git)",
            "setsid", "setsid (apt-get install util-linux)",
            "timeout", "timeout (apt-get install coreutils | brew install coreutils)");
    public static final String IMAGE_ID = "localhost";

    private final String path;

    /** @param path the PATH to search, as the scripts will see it */
    public LocalImages(String path) {
        this.path = path == null ? "" : path;
    }

    @Override
    public String fingerprint(Architecture architecture) {
        return "host-" + architecture.id();
    }

    @Override
    public Optional<String> find(Architecture architecture, String fingerprint) {
        if (architecture != Architecture.ofHost()) {
            throw new ImageBuildFailedException("this host is " + Architecture.ofHost().id() + " and cannot run an "
                    + architecture.id() + " target locally");
        }
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("hyperfine", "git", "setsid", "timeout")) {
            if (!onPath(tool)) {
                missing.add(TOOLS.get(tool));
            }
        }
        if (!missing.isEmpty()) {
            throw new ImageBuildFailedException("missing on this host: " + String.join(", ", missing));
        }
        return Optional.of(IMAGE_ID);
    }

    @Override
    public String startBuild(Architecture architecture, String fingerprint) {
        throw new ImageBuildFailedException("local runs use this host as it is; there is no image to build");
    }

    @Override
    public BuildStatus buildStatus(String buildId) {
        throw new ImageBuildFailedException("local runs use this host as it is; there is no image build " + buildId);
    }

    private boolean onPath(String tool) {
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
