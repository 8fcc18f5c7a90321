package dev.cloudbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpTest {
    @Test
    void local_getsATreeWithItsOwnCommandOnly_whoseHelpAndErrorsAreTheWholeTreesOnes() {
        CommandLine fast = Main.commandLineFor("local", "suite.json");
        CommandLine whole = Main.commandLine();

        assertThat(fast.getSubcommands().keySet()).containsExactly("local");
        assertThat(Main.commandLineFor("run", "suite.json").getSubcommands().keySet())
                .isEqualTo(whole.getSubcommands().keySet());
        assertThat(fast.getSubcommands().get("local").getUsageMessage(CommandLine.Help.Ansi.OFF))
                .isEqualTo(whole.getSubcommands().get("local").getUsageMessage(CommandLine.Help.Ansi.OFF));
        for (String[] args : new String[][] {{"local"}, {"local", "--no-such-option", "s.json"}}) {
            StringWriter fastErr = new StringWriter();
            StringWriter wholeErr = new StringWriter();
            fast = Main.commandLineFor(args);
            fast.setErr(new PrintWriter(fastErr, true));
            whole = Main.commandLine();
            whole.setErr(new PrintWriter(wholeErr, true));
            assertThat(fast.execute(args)).isEqualTo(whole.execute(args));
            assertThat(fastErr.toString()).isEqualTo(wholeErr.toString());
        }
    }

    @Test
    void everyCommand_showsExamplesInItsHelp() {
        CommandLine main = Main.commandLine();
        assertThat(main.getUsageMessage(CommandLine.Help.Ansi.OFF)).contains("Examples:", "Exit codes:");
        for (Map.Entry<String, CommandLine> c : main.getSubcommands().entrySet()) {
            if (!c.getKey().equals("help")) {
                assertThat(c.getValue().getUsageMessage(CommandLine.Help.Ansi.OFF)).as(c.getKey())
                        .contains("Examples:", "cloudbench " + c.getKey());
            }
        }
    }
}
