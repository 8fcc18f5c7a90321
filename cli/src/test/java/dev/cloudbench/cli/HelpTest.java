package dev.cloudbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpTest {
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
