package dev.cloudbench.core.report;

import dev.cloudbench.core.model.Metric;
import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.stats.Interval;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;

/** How numbers and names read in every report: terminal, Markdown and HTML alike. */
public final class Format {
    private Format() {
    }

    /**
     * The benchmark's name, with its parameter values when it has any, its variant when it has one, and
     * {@code [instructions]} when it holds instruction counts (so each metric is a row of its own, and
     * matched with the same metric of a baseline).
     */
    public static String label(BenchmarkResult b) {
        String label = label(b.benchmark(), b.parameters());
        label = b.variant() == null ? label : label + " · " + b.variant();
        return b.metricValue() == Metric.WALL_TIME ? label : label + " [" + b.metric() + "]";
    }

    /** A value of {@code metric}: a duration, or a count of instructions. */
    public static String value(Metric metric, double v) {
        return metric == Metric.WALL_TIME ? seconds(v) : instructions(v);
    }

    /** An instruction count with an SI prefix: {@code 1.235 G instr}. */
    public static String instructions(double n) {
        double a = Math.abs(n);
        if (a >= 1e9) {
            return String.format(Locale.ROOT, "%.4f G instr", n / 1e9);
        }
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.3f M instr", n / 1e6);
        }
        if (a >= 1e3) {
            return String.format(Locale.ROOT, "%.2f k instr", n / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f instr", n);
    }

    /** A benchmark's name with its parameter values, when it has any. */
    public static String label(String benchmark, Map<String, String> parameters) {
        if (parameters == null || parameters.isEmpty()) {
            return benchmark;
        }
        StringBuilder l = new StringBuilder(benchmark).append(" (");
        parameters.forEach((k, v) -> l.append(k).append('=').append(v).append(", "));
        l.setLength(l.length() - 2);
        return l.append(')').toString();
    }

    /** A p-value: four decimals, or {@code <0.0001}. */
    public static String pValue(double p) {
        return p < 0.0001 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    /** A duration in a unit that keeps three significant figures readable. */
    public static String seconds(double s) {
        double a = Math.abs(s);
        if (a == 0) {
            return "0";
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.3f s", s);
        }
        if (a >= 1e-3) {
            return String.format(Locale.ROOT, "%.2f ms", s * 1e3);
        }
        return String.format(Locale.ROOT, "%.1f µs", s * 1e6);
    }

    /** A longer span of time: {@code 42.0 s}, {@code 3 min 05 s}, {@code 1 h 02 min}. */
    public static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    /** A change in percent with its sign: {@code +12.3%}, {@code −4.0%}. */
    public static String percent(double percent) {
        String digits = String.format(Locale.ROOT, "%.1f%%", Math.abs(percent));
        return (percent < 0 ? "−" : "+") + digits;
    }

    /** A ratio: {@code 1.23×}. */
    public static String ratio(double ratio) {
        return String.format(Locale.ROOT, Math.abs(ratio) >= 10 ? "%.1f×" : "%.3f×", ratio);
    }

    /** US dollars, with enough digits for fractions of a cent. */
    public static String usd(double amount) {
        if (amount == 0) {
            return "$0";
        }
        if (Math.abs(amount) >= 1) {
            return String.format(Locale.ROOT, "$%.2f", amount);
        }
        int decimals = Math.min(10, 2 - (int) Math.floor(Math.log10(Math.abs(amount))));
        return String.format(Locale.ROOT, "$%." + decimals + "f", amount);
    }

    /** An interval as {@code low – high} in the given format. */
    public static String range(Interval interval, DoubleFunction<String> format) {
        return format.apply(interval.low()) + " – " + format.apply(interval.high());
    }

    /** The interval of a ratio as changes in percent: {@code +3.1% … +9.8%}. */
    public static String changeRange(Interval ratio) {
        return percent((ratio.low() - 1) * 100) + " … " + percent((ratio.high() - 1) * 100);
    }

    /** The confidence level as people write it: {@code 95%}. */
    public static String level(double level) {
        return String.format(Locale.ROOT, "%.0f%%", level * 100);
    }
}
