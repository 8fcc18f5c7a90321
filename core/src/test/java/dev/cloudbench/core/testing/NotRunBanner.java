package dev.cloudbench.core.testing;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says loudly, at the end of the module's run, which tests did not run and why (an assumption
 * that failed, such as a missing optional tool like Chromium, or a disabled test): one line per
 * test class and reason, so that a green build never hides a check that was skipped.
 * Registered through META-INF/services.
 */
public final class NotRunBanner implements TestExecutionListener {
    /** "Class: reason" → how many of its tests. */
    private final Map<String, Integer> notRun = new LinkedHashMap<>();

    @Override
    public synchronized void executionSkipped(TestIdentifier test, String reason) {
        notRun.merge(owner(test) + ": " + reason, 1, Integer::sum);
    }

    @Override
    public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            String reason = result.getThrowable().map(Throwable::getMessage).orElse("aborted")
                    .replaceFirst("^Assumption failed: ", "").replace('\n', ' ');
            notRun.merge(owner(test) + ": " + reason, 1, Integer::sum);
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan plan) {
        notRun.forEach((what, count) -> System.out.println(line(what, count)));
    }

    static String line(String classAndReason, int tests) {
        return String.format(Locale.ROOT, "!!! NOT RUN (the build is green without them): %d test(s) of %s",
                tests, classAndReason);
    }

    private static String owner(TestIdentifier test) {
        return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(m -> m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1))
                .orElse(test.getDisplayName());
    }
}
