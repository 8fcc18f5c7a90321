package dev.cloudbench.cli.command;

import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.cli.cloud.CloudOptions;
import dev.cloudbench.cli.local.DirectoryStore;
import dev.cloudbench.cli.output.ResultsTable;
import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.history.ChangePointDetector;
import dev.cloudbench.core.history.ChangePointOptions;
import dev.cloudbench.core.history.CsvSeries;
import dev.cloudbench.core.history.HistoryAnalysis;
import dev.cloudbench.core.history.HistoryPage;
import dev.cloudbench.core.history.HistoryStore;
import dev.cloudbench.core.history.HistoryText;
import dev.cloudbench.core.history.Series;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.port.ResultStorePort;
import dev.cloudbench.core.report.Format;
import dev.cloudbench.core.validation.Names;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cloudbench history}: every published run of a suite as series per benchmark and target,
 * their change points, and history.html; or the same detection on a CSV series a team already has.
 */
@Command(name = "history", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {"  cloudbench history quickstart",
            "  cloudbench history quickstart --output results/ --benchmark sort-numbers",
            "  cloudbench history nightly --stack cloudbench --target c7g.large-arm64",
            "  cloudbench history --csv my-history.csv --json"},
        description = {"Show the history of a suite's published runs: per benchmark and target the latest value, the",
            "change since the last change point and every change point with its commits; writes history.html.",
            "With --csv, finds the change points of a CSV series (columns: time, optional commit, metrics)."})
public final class HistoryCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SUITE",
            description = "the suite (default: the only suite with a history in the store)")
    String suite;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "the local result store, as cloudbench local writes it (default: cloudbench-results)")
    Path output;

    @Mixin
    CloudOptions cloud;

    @Option(names = {"-b", "--benchmark"}, paramLabel = "B", description = "only this benchmark")
    String benchmark;

    @Option(names = {"-t", "--target"}, paramLabel = "T", description = "only this target")
    String target;

    @Option(names = "--csv", paramLabel = "FILE", description = "find the change points of this CSV series instead")
    Path csv;

    @Option(names = "--json", description = "with --csv: print the change points as a JSON list")
    boolean json;

    @Option(names = "--html", paramLabel = "FILE",
            description = {"where history.html goes (default: DIR/suites/SUITE/history.html; with --stack,",
                "SUITE-history.html here)"})
    Path html;

    @Option(names = "--window", paramLabel = "N", defaultValue = "" + ChangePointOptions.DEFAULT_WINDOW,
            description = "at most N runs each side of a step enter its t-test (default: ${DEFAULT-VALUE})")
    int window;

    @Option(names = "--max-p-value", paramLabel = "P", defaultValue = "" + ChangePointOptions.DEFAULT_MAX_P_VALUE,
            description = "keep a step only when its t-test gives p ≤ P (default: ${DEFAULT-VALUE})")
    double maxPValue;

    @Option(names = "--min-change", paramLabel = "FRACTION", defaultValue = "" + ChangePointOptions.DEFAULT_MIN_CHANGE,
            description = "and only when it changes the mean by at least this fraction (default: ${DEFAULT-VALUE})")
    double minChange;

    @Override
    public Integer call() throws IOException {
        ChangePointDetector detector = new ChangePointDetector(options());
        if (csv != null) {
            if (suite != null || output != null || stackGiven() || html != null) {
                throw usage("--csv: takes no SUITE, --output, --stack or --html");
            }
            return csv(detector);
        }
        if (json) {
            throw usage("--json: only with --csv");
        }
        if (output != null && stackGiven()) {
            throw usage("--output and --stack: give one (a local result store, or a stack's bucket)");
        }
        boolean local = !stackGiven();
        Path dir = (output == null ? Path.of("cloudbench-results") : output).toAbsolutePath();
        ResultStorePort store = local ? new DirectoryStore(dir) : cloud.store();
        String where = local ? dir.toString() : cloud.stackLabel();
        HistoryStore history = new HistoryStore(store);
        String name = suite == null ? onlySuite(history, where) : checked(suite);
        HistoryAnalysis analysis = HistoryAnalysis.of(name, history.read(name), detector, benchmark, target);
        if (analysis.series().isEmpty()) {
            throw new BadInputException("no history of suite '" + name + "'"
                    + (benchmark == null && target == null ? "" : " for" + (benchmark == null ? "" : " benchmark " + benchmark)
                        + (target == null ? "" : " target " + target)) + " in " + where);
        }
        Path page = html != null ? html.toAbsolutePath()
                : local ? new DirectoryStore(dir).file(StoreLayout.historyHtml(name)) : Path.of(name + "-history.html").toAbsolutePath();
        Files.createDirectories(page.getParent());
        Files.writeString(page, HistoryPage.render(analysis, detector.options()), StandardCharsets.UTF_8);
        print(analysis, where, page, detector.options());
        return ExitCodes.OK;
    }

    private void print(HistoryAnalysis analysis, String where, Path page, ChangePointOptions options) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("cloudbench history: suite " + analysis.suite() + ", " + analysis.runs() + " run(s), "
                + analysis.series().size() + " series, from " + where);
        for (Series s : analysis.series()) {
            out.println();
            out.println(s.key().label() + ": " + HistoryText.summary(s));
            if (s.changePoints().isEmpty()) {
                continue;
            }
            List<String[]> rows = HistoryText.changeRows(s);
            ResultsTable.table(rows, out);
        }
        out.println();
        out.println(HistoryText.method(options));
        out.println("History: " + page);
        out.flush();
    }

    private int csv(ChangePointDetector detector) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        String text;
        try {
            text = Files.readString(csv, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException(csv + ": no such file");
        } catch (MalformedInputException e) {
            throw new BadInputException(csv + ": not UTF-8 text");
        }
        CsvSeries series = CsvSeries.parse(csv.toString(), text);
        List<CsvSeries.Change> changes = series.detect(detector);
        if (json) {
            out.println(new String(Json.writePretty(changes), StandardCharsets.UTF_8));
            out.flush();
            return ExitCodes.OK;
        }
        out.println("cloudbench history: " + csv + ", " + series.times().size() + " row(s), "
                + series.metrics().size() + " metric(s), " + changes.size() + " change point(s)");
        if (!changes.isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"metric", "row", "time", "commit", "before", "after", "change", "p"});
            for (CsvSeries.Change c : changes) {
                rows.add(new String[] {c.metric(), String.valueOf(c.index()), c.time(), c.commit() == null ? "" : c.commit(),
                    number(c.before()), number(c.after()), HistoryText.change(c.change()),
                    Format.pValue(c.pValue())});
            }
            ResultsTable.table(rows, out);
        }
        out.println(HistoryText.method(detector.options()));
        out.flush();
        return ExitCodes.OK;
    }

    private ChangePointOptions options() {
        try {
            return new ChangePointOptions(window, maxPValue, minChange);
        } catch (IllegalArgumentException e) {
            throw usage("--window, --max-p-value, --min-change: " + e.getMessage());
        }
    }

    private boolean stackGiven() {
        return spec.commandLine().getParseResult().hasMatchedOption("--stack");
    }

    private static String onlySuite(HistoryStore history, String where) {
        List<String> suites = history.suites();
        if (suites.isEmpty()) {
            throw new BadInputException("no suite has a history in " + where + " yet; it grows with every published run");
        }
        if (suites.size() > 1) {
            throw new BadInputException("several suites have a history in " + where + " (" + String.join(", ", suites)
                    + "): name one");
        }
        return suites.get(0);
    }

    private static String checked(String suite) {
        if (!Names.isSafe(suite)) {
            throw new BadInputException("SUITE: '" + suite + "' is not a suite name");
        }
        return suite;
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
