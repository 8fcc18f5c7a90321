package dev.cloudbench.cli.command;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.cli.engine.LocalContext;
import dev.cloudbench.cli.output.Verbose;
import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.error.CloudbenchException;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.functions.wiring.Functions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cloudbench invoke FUNCTION --event FILE}: one handler, in this process, built by the
 * no-argument constructor Lambda calls — so with the production AWS adapters, configured from the
 * environment exactly as in Lambda (RESULTS_BUCKET and friends, AWS_REGION, credentials, and
 * AWS_ENDPOINT_URL[_SERVICE] to point it at a stand-in). Like {@code sam local invoke}, for
 * debugging one step.
 */
@Command(name = "invoke", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {"  cloudbench invoke PlanRun --event functions/events/PlanRun.json",
            "  AWS_ENDPOINT_URL_EC2=http://127.0.0.1:4566 \\",
            "    cloudbench invoke CheckInstance --event functions/events/CheckInstance.json"},
        description = {"Run one state-machine function in this process with the production AWS adapters",
            "and print its JSON output (like sam local invoke). Sample events: functions/events/FUNCTION.json."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the function returned", "1:it failed with a cloudbench error (name and message printed)",
            "2:bad input (unknown function, unreadable event, or the function reported bad input)",
            "4:any other failure (--verbose shows the stack trace)"})
public final class InvokeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FUNCTION",
            description = "a function of the stack, e.g. LaunchInstance, CleanupExecution or Sweep")
    String function;

    @Option(names = "--event", required = true, paramLabel = "FILE", description = "the input event (JSON)")
    Path event;

    @Mixin
    Verbose verbose;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Functions.Entry entry = Functions.named(function).orElseThrow(() -> new BadInputException(
                "unknown function '" + function + "' (one of " + new TreeSet<>(Functions.names()) + ")"));
        byte[] payload;
        try {
            payload = Files.readAllBytes(event);
        } catch (NoSuchFileException e) {
            throw new BadInputException("no event file " + event, e);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            // As Lambda builds it; a failing constructor (a missing variable) fails the invocation.
            entry.onAws().handleRequest(new ByteArrayInputStream(payload), output, new LocalContext(function));
        } catch (Exception e) {
            // As Lambda reports it: the exception's class name is the error name Step Functions sees.
            err.println(e.getClass().getName() + ": " + e.getMessage());
            if (verbose.on()) {
                e.printStackTrace(err);
            }
            err.flush();
            return e instanceof BadInputException ? ExitCodes.BAD_INPUT
                    : e instanceof CloudbenchException ? ExitCodes.RUN_FAILED : ExitCodes.INTERNAL_ERROR;
        }
        out.println(new String(Json.writePretty(Json.payload().readTree(output.toByteArray())),
                StandardCharsets.UTF_8).strip());
        out.flush();
        return ExitCodes.OK;
    }
}
