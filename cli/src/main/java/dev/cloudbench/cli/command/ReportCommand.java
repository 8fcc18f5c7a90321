package dev.cloudbench.cli.command;

import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.cli.output.Verbose;
import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.report.Baseline;
import dev.cloudbench.core.report.HtmlReport;
import dev.cloudbench.core.report.MarkdownReport;
import dev.cloudbench.core.report.ReportText;
import dev.cloudbench.core.report.RunAnalysis;
import dev.cloudbench.core.reader.ResultsFiles;
import dev.cloudbench.core.stats.Bootstrap;
import dev.cloudbench.core.stats.VerdictRules;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cloudbench report RESULTS}: report.md and report.html from results on disk, offline. */
@Command(name = "report", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {"  cloudbench report cloudbench-results/runs/<run-id>/",
            "  cloudbench report new/results.json --baseline old/results.json",
            "  cloudbench report directory-of-hyperfine-exports/",
            "  cloudbench report cloudbench-results/runs/<run-id>/ --format pr-comment"},
        description = {"Render report.md and report.html from a run directory, a results.json, or a directory of",
            "plain hyperfine JSON exports (one target; each subdirectory of exports another target)."})
public final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULTS", description = "run directory, results.json, or directory of hyperfine exports")
    Path input;

    @Option(names = {"-b", "--baseline"}, paramLabel = "RESULTS",
            description = {"compare with these results (same forms as RESULTS); default: the baseline the run",
                "recorded, when its results.json is in the same result store"})
    Path baseline;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "where report.md and report.html go (default: the directory RESULTS is in or is)")
    Path output;

    @Mixin
    Verbose verbose;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "reports",
            description = {"reports: report.md and report.html (default); " + PrCommentOptions.FORMAT + ": "
                + PrCommentOptions.FILE + ", the pull-request comment of a baseline/candidate run"})
    String format;

    @Mixin
    PrCommentOptions prComment;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ResultsFiles files = new ResultsFiles(Bootstrap.standard(), Clock.systemUTC());
        if (!"reports".equals(format) && !PrCommentOptions.FORMAT.equals(format)) {
            throw new BadInputException("--format: '" + format + "' is neither reports nor " + PrCommentOptions.FORMAT);
        }
        ResultsFiles.Loaded loaded = files.load(input);
        if (PrCommentOptions.FORMAT.equals(format)) {
            Path dir = (output == null ? loaded.directory() : output).toAbsolutePath();
            Files.createDirectories(dir);
            return prComment.write(loaded.results(), dir, out);
        }
        Map<String, Baseline> baselines = baseline == null
                ? Baseline.recorded(loaded.results(), files.recordedBaselines(loaded))
                : Baseline.matching(loaded.results(), files.load(baseline).results());
        if (baseline != null && baselines.isEmpty()) {
            throw new BadInputException(baseline + ": no target in common with " + input
                    + " (targets are matched by id, or one to one)");
        }
        RunAnalysis analysis = RunAnalysis.of(loaded.results(), baselines, Bootstrap.standard(), VerdictRules.DEFAULT);
        Path dir = (output == null ? loaded.directory() : output).toAbsolutePath();
        Files.createDirectories(dir);
        Path markdown = dir.resolve("report.md");
        Path html = dir.resolve("report.html");
        Files.writeString(markdown, MarkdownReport.render(analysis), StandardCharsets.UTF_8);
        Files.writeString(html, HtmlReport.render(analysis), StandardCharsets.UTF_8);
        long benchmarks = analysis.targets().stream().mapToLong(t -> t.benchmarks().size()).sum();
        out.println("cloudbench report: " + benchmarks + " result(s) on " + analysis.targets().size() + " target(s) of "
                + loaded.results().suite());
        String verdicts = ReportText.verdictSummary(analysis);
        out.println(verdicts == null ? "No baseline to compare with." : "Against the baseline: " + verdicts + ".");
        String variantVerdicts = ReportText.variantSummary(analysis);
        if (variantVerdicts != null) {
            out.println("Variants against their baseline variant: " + variantVerdicts + ".");
        }
        if (baseline == null) {
            loaded.results().targets().stream()
                    .filter(t -> t.baselineRunId() != null && !baselines.containsKey(t.targetId()))
                    .forEach(t -> out.println("Target " + t.targetId() + ": its baseline, run " + t.baselineRunId()
                            + ", is not in the same result store; no comparison."));
        }
        ReportText.failures(analysis).forEach(f -> out.println("Failed target " + f));
        out.println("Report: " + markdown);
        out.println("        " + html);
        out.flush();
        return ExitCodes.OK;
    }
}
