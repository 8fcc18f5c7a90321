package dev.cloudbench.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class AlphaSpendingTest {
    @Test
    void aSingleLook_spendsEverything() {
        assertThat(AlphaSpending.levelAt(0.05, 3, List.of(), 20, 60, true)).isEqualTo(0.05);
    }

    @Test
    void looks_spendAtMostAlphaTogether_andEarlyLooksLittle() {
        double first = AlphaSpending.levelAt(0.05, 3, List.of(), 20, 60, false);
        double second = AlphaSpending.levelAt(0.05, 3, List.of(20), 40, 60, false);
        double last = AlphaSpending.levelAt(0.05, 3, List.of(20, 40), 60, 60, true);

        assertThat(first).isCloseTo(0.05 / 27, within(1e-12));
        assertThat(first + second + last).isCloseTo(0.05, within(1e-12));
        assertThat(first).isLessThan(second);
        assertThat(second).isLessThan(last);
    }

    @Test
    void aFinalLookBeforeTheBudget_spendsWhatTheEarlierLooksLeft() {
        double first = AlphaSpending.levelAt(0.05, 3, List.of(), 20, 60, false);
        double stoppedByTime = AlphaSpending.levelAt(0.05, 3, List.of(20), 27, 60, true);

        assertThat(first + stoppedByTime).isCloseTo(0.05, within(1e-12));
    }
}
