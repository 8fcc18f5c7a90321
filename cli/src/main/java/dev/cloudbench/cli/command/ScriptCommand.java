package dev.cloudbench.cli.command;

import dev.cloudbench.cli.local.DirectoryStore;
import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.json.InputReader;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.script.BenchmarkScript;
import dev.cloudbench.core.validation.Names;
import dev.cloudbench.core.validation.SuiteValidator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cloudbench script SUITE}: prints the bash script an instance would run for the suite, for
 * reading, debugging, or running by hand (results land in a directory store). For a suite with
 * variants it is the first command: checkouts, setup and the rounds up to the first look.
 */
@Command(name = "script", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {"  cloudbench script examples/suites/quickstart.json > run.sh"},
        description = {"Print the script an instance runs for SUITE (results go to a directory when run by hand).",
            "For a suite with variants: the first command (setup and the rounds before the first look)."})
public final class ScriptCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUITE", description = "suite file (.json, .yaml or .yml)")
    Path suiteFile;

    @Option(names = "--store", paramLabel = "DIR", defaultValue = "cloudbench-results",
            description = "directory the printed script uploads results into (default: ${DEFAULT-VALUE})")
    Path store;

    @Option(names = "--run", paramLabel = "ID", defaultValue = "by-hand", description = "run id in result keys")
    String runId;

    @Override
    public Integer call() {
        Suite suite = SuiteValidator.validate(InputReader.suiteFile(suiteFile));
        if (!Names.isSafe(runId)) {
            throw new BadInputException("--run: '" + runId + "' must be letters, digits, '.', '_' or '-'");
        }
        String uploader = new DirectoryStore(store.toAbsolutePath()).shellUploadFunction();
        spec.commandLine().getOut().print(BenchmarkScript.generate(suite, runId, "local", uploader));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
