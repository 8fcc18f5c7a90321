package dev.cloudbench.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudbench.core.error.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvSeriesTest {

    @Test
    void parse_readsTimeCommitAndEveryMetricColumn_withEmptyCellsAsMissing() {
        CsvSeries s = CsvSeries.parse("h.csv", "time,ms,commit,\"ops, per s\"\n1,2.5,abc,10\n2,,\"d\"\"ef\",11\n\n3,2.7,,12\n");

        assertThat(s.times()).containsExactly("1", "2", "3");
        assertThat(s.commits()).containsExactly("abc", "d\"ef", null);
        assertThat(s.metrics()).containsOnlyKeys("ms", "ops, per s");
        assertThat(s.metrics().get("ms")[0]).isEqualTo(2.5);
        assertThat(s.metrics().get("ms")[1]).isNaN();
        assertThat(s.metrics().get("ops, per s")).containsExactly(10, 11, 12);
    }

    @Test
    void detect_reportsTheDataRow_itsTimeAndCommit_perMetric() {
        StringBuilder csv = new StringBuilder("time,commit,ms\n");
        for (int i = 0; i < 10; i++) {
            csv.append("t").append(i).append(",c").append(i).append(',').append(i < 6 ? "100" : "110").append('\n');
        }

        List<CsvSeries.Change> changes = CsvSeries.parse("s.csv", csv.toString())
                .detect(new ChangePointDetector(ChangePointOptions.DEFAULT));

        assertThat(changes).containsExactly(new CsvSeries.Change("ms", 6, "t6", "c6", 100, 110, 0.10000000000000009, 0));
    }

    @Test
    void parse_namesTheLineAndColumn_ofEachProblem() {
        assertThatThrownBy(() -> CsvSeries.parse("a.csv", "when,ms\n1,2\n")).isInstanceOf(BadInputException.class)
                .hasMessage("a.csv: line 1: no 'time' column in the header [when, ms]");
        assertThatThrownBy(() -> CsvSeries.parse("a.csv", "time,commit\n1,abc\n"))
                .hasMessage("a.csv: line 1: no metric column besides time and commit");
        assertThatThrownBy(() -> CsvSeries.parse("a.csv", "time,ms\n1,2\n2,fast\n"))
                .hasMessage("a.csv: line 3 (data row 1), column 'ms': 'fast' is not a number");
        assertThatThrownBy(() -> CsvSeries.parse("a.csv", "time,ms\n1,2,3\n"))
                .hasMessage("a.csv: line 2 (data row 0): 3 field(s), but the header has 2");
        assertThatThrownBy(() -> CsvSeries.parse("a.csv", "time,ms\n,2\n"))
                .hasMessage("a.csv: line 2 (data row 0), column 'time': empty");
        assertThatThrownBy(() -> CsvSeries.parse("a.csv", "time,ms,ms\n1,2,3\n"))
                .hasMessage("a.csv: line 1, column 3: column 'ms' appears twice");
        assertThatThrownBy(() -> CsvSeries.parse("a.csv", "time,ms\n\"1,2\n"))
                .hasMessage("a.csv: line 2: a quoted field is not closed");
        assertThatThrownBy(() -> CsvSeries.parse("a.csv", "\n")).hasMessageStartingWith("a.csv: empty");
    }
}
