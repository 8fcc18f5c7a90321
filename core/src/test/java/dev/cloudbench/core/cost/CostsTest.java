package dev.cloudbench.core.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cloudbench.core.results.Cost;
import dev.cloudbench.core.results.Environment;
import dev.cloudbench.core.results.InstanceTime;
import dev.cloudbench.core.testing.Fixtures;
import org.junit.jupiter.api.Test;

class CostsTest {
    private static final PriceTable TABLE = PriceTable.bundled();

    @Test
    void cost_isInstanceTimeTimesThePriceRecordedAtLaunch() {
        Cost cost = Costs.of(Fixtures.environment("arm64", "c7g.large", "spot", 0.03), "c7g.large", "spot", TABLE);

        assertThat(cost.instanceSeconds()).isEqualTo(660.0);
        assertThat(cost.instanceTime()).isEqualTo("launch to results collected");
        assertThat(cost.pricePerHour()).isEqualTo(0.03);
        assertThat(cost.priceSource()).isEqualTo("spot price at launch");
        assertThat(cost.amount()).isCloseTo(660 * 0.03 / 3600, within(1e-12));
        assertThat(cost.note()).isNull();
    }

    @Test
    void cost_usesTheBundledListPrice_forOnDemandWithoutARecordedPrice_labelledAsAnEstimate() {
        Cost cost = Costs.of(Fixtures.environment("x86_64", "c7i.large", "on-demand", null), "c7i.large",
                "spot-or-on-demand", TABLE);

        assertThat(cost.pricePerHour()).isEqualTo(0.08925);
        assertThat(cost.priceSource()).isEqualTo("on-demand list price, us-east-1, as of 2025-06 (estimate)");
        assertThat(cost.amount()).isNotNull();
    }

    @Test
    void cost_isUnknown_forSpotWithoutARecordedPrice_neverEstimatedFromOnDemand() {
        Cost cost = Costs.of(Fixtures.environment("x86_64", "c7i.large", "spot", null), "c7i.large", "spot", TABLE);

        assertThat(cost.amount()).isNull();
        assertThat(cost.pricePerHour()).isNull();
        assertThat(cost.note()).isEqualTo("spot price not recorded at launch");
    }

    @Test
    void cost_isNone_forALocalRun_andSaysSo() {
        Environment local = new Environment("x86_64", "local", "local", "localhost", "i-local1", "localhost", null, 2,
                null, null, null, null, Fixtures.LAUNCHED, null, null, Fixtures.STARTED, Fixtures.FINISHED);

        Cost cost = Costs.of(local, "local", "on-demand", TABLE);

        assertThat(cost.amount()).isNull();
        assertThat(cost.instanceSeconds()).isEqualTo(660.0);
        assertThat(cost.note()).startsWith("local run");
    }

    @Test
    void cost_countsFromTheBenchmarkStart_whenTheLaunchTimeWasNotRecorded_andSaysSo() {
        Environment e = new Environment("arm64", "c7g.large", "spot", null, null, null, null, null, null, null, null,
                null, null, 0.03, "spot price at launch", Fixtures.STARTED, Fixtures.FINISHED);

        Cost cost = Costs.of(e, "c7g.large", "spot", TABLE);

        assertThat(cost.instanceSeconds()).isEqualTo(600.0);
        assertThat(cost.instanceTime()).contains("launch time not recorded");
    }

    @Test
    void cost_isUnknown_whenTheInstanceNeverReported() {
        Cost cost = Costs.of(null, "c7g.large", "spot", TABLE);

        assertThat(cost.amount()).isNull();
        assertThat(cost.instanceSeconds()).isNull();
    }

    @Test
    void priceTable_hasTheDefaultTypesOfBothArchitectures_withItsRegionAndDate() {
        assertThat(TABLE.onDemand("c7g.large")).contains(0.0725);
        assertThat(TABLE.onDemand("c7i.large")).contains(0.08925);
        assertThat(TABLE.onDemand("z9.mega")).isEmpty();
        assertThat(TABLE.region()).isEqualTo("us-east-1");
        assertThat(TABLE.asOf()).isEqualTo("2025-06");
    }

    @Test
    void cost_usesTheWholeInstanceTime_launchToTerminateRequest_whenRecorded_overheadIncluded() {
        Environment e = Fixtures.environment("arm64", "c7g.large", "spot", 0.03);
        InstanceTime time = InstanceTime.of(e, "2026-01-01T10:11:30Z");

        Cost cost = Costs.of(e, time, "c7g.large", "spot", TABLE);

        assertThat(time.instanceSeconds()).isEqualTo(690.0);
        assertThat(time.benchmarkSeconds()).as("benchmark start to results collected").isEqualTo(600.0);
        assertThat(time.overheadSeconds()).as("launch to start, plus collected to terminate request").isEqualTo(90.0);
        assertThat(cost.instanceSeconds()).isEqualTo(690.0);
        assertThat(cost.instanceTime()).isEqualTo("launch to terminate request");
        assertThat(cost.amount()).isCloseTo(690 * 0.03 / 3600, within(1e-12));
    }

    @Test
    void withoutATerminateTime_theCostFallsBackToLaunchToResultsCollected_andTheSplitIsUnknown() {
        Environment e = Fixtures.environment("arm64", "c7g.large", "spot", 0.03);
        InstanceTime time = InstanceTime.of(e, null);

        Cost cost = Costs.of(e, time, "c7g.large", "spot", TABLE);

        assertThat(time.instanceSeconds()).isNull();
        assertThat(time.overheadSeconds()).isNull();
        assertThat(time.benchmarkSeconds()).isEqualTo(600.0);
        assertThat(cost.instanceSeconds()).isEqualTo(660.0);
        assertThat(cost.instanceTime()).isEqualTo("launch to results collected");
    }
}
