package dev.cloudbench.cli.cloud;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;

/** Asks the person at the terminal a yes/no question; the answer is no unless they say yes. */
@FunctionalInterface
public interface Prompt {

    /**
     * @param question one line, ending in {@code [y/N]}
     * @return true only for an explicit yes; false without a terminal
     */
    boolean confirm(String question);

    /** The process's terminal; without one (CI, a pipe) every answer is no, and {@code log} says why. */
    static Prompt terminal(PrintWriter log) {
        return question -> {
            Console console = System.console();
            if (console == null) {
                log.println(question + " n (no terminal to ask)");
                log.flush();
                return false;
            }
            String answer = console.readLine("%s ", question);
            return answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes");
        };
    }
}
