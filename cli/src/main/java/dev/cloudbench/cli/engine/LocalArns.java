package dev.cloudbench.cli.engine;

import dev.cloudbench.functions.wiring.Functions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Placeholder Lambda ARNs for the definition's substitutions when it runs locally. */
public final class LocalArns {
    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([A-Za-z0-9]+)FunctionArn}");

    private LocalArns() {
    }

    public static String arn(String functionName) {
        return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
    }

    /**
     * Replaces every {@code ${NameFunctionArn}} with a local ARN.
     *
     * @throws IllegalStateException when the definition names a task no handler serves, or
     *                               leaves another substitution unfilled
     */
    public static String substitute(String definition) {
        Matcher m = SUBSTITUTION.matcher(definition);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (!Functions.taskNames().contains(m.group(1))) {
                throw new IllegalStateException("the definition names an unknown task: " + m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(arn(m.group(1))));
        }
        m.appendTail(out);
        if (out.indexOf("${") >= 0) {
            throw new IllegalStateException("the definition has a substitution the local runner cannot fill");
        }
        return out.toString();
    }
}
