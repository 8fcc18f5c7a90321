package dev.cloudbench.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.model.Benchmark;
import dev.cloudbench.core.model.RunRequest;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.model.Target;
import dev.cloudbench.core.service.PlanService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

class S3ResultStoreTest {
    private final S3StandIn s3 = new S3StandIn(TestAws.BUCKET);
    private final S3Client client = TestAws.clients(s3.server().endpoint()).s3();
    private final S3ResultStore store = new S3ResultStore(client, TestAws.BUCKET);

    @AfterEach
    void close() {
        client.close();
        s3.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void put_thenGet_roundTripsUnderTheKey() {
        store.put("runs/r1/results.json", bytes("{\"ok\":true}"));

        assertThat(store.get("runs/r1/results.json")).hasValueSatisfying(b ->
                assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}"));
        StandIn.Request put = s3.requests("PUT").get(0);
        assertThat(put.path()).isEqualTo("/" + TestAws.BUCKET + "/runs/r1/results.json");
        assertThat(put.header("Content-Type")).isEqualTo("application/json");
        assertThat(put.header("If-None-Match")).isNull();
    }

    @Test
    void get_isEmpty_forAMissingKey() {
        assertThat(store.get("runs/none/request.json")).isEmpty();
    }

    @Test
    void list_collectsEveryPage_inKeyOrder() {
        s3.pageSize = 2;
        for (String k : List.of("runs/r1/b", "runs/r1/a", "runs/r1/c/d", "runs/r1/e", "runs/r2/x")) {
            s3.objects.put(k, bytes(k));
        }

        assertThat(store.list("runs/r1/")).containsExactly("runs/r1/a", "runs/r1/b", "runs/r1/c/d", "runs/r1/e");
        assertThat(s3.requests("GET")).hasSize(2);
        assertThat(s3.requests("GET").get(1).queryParameters()).containsEntry("continuation-token", "2")
                .containsEntry("list-type", "2").containsEntry("prefix", "runs/r1/");
    }

    @Test
    void put_neverOverwritesARunsRequest() {
        store.put("runs/r1/request.json", bytes("first"));

        assertThatThrownBy(() -> store.put("runs/r1/request.json", bytes("second")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("runs/r1/ already exists");
        assertThat(s3.text("runs/r1/request.json")).isEqualTo("first");
        assertThat(s3.requests("PUT")).allSatisfy(r -> assertThat(r.header("If-None-Match")).isEqualTo("*"));
    }

    @Test
    void plan_refusesARunIdThatExists_inS3() {
        Suite suite = new Suite("quick", null, null, List.of(), 1, 2, 60, List.of(Benchmark.of("noop", "true")));
        RunRequest request = new RunRequest("run-1", suite, List.of(new Target(null, "arm64", "c7g.large", null, null)),
                null);
        PlanService plan = new PlanService(store, Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC),
                () -> "abcd", TestAws.capacity());
        var first = plan.plan(request, null);
        RunRequest other = new RunRequest("run-1", suite, List.of(new Target(null, "x86_64", "c7i.large", null, null)),
                null);

        assertThat(plan.plan(request, null)).as("the same request again: a retried Plan Run").isEqualTo(first);
        assertThatThrownBy(() -> plan.plan(other, null)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("already exists");
        assertThat(s3.objects).containsOnlyKeys("runs/run-1/request.json", "runs/run-1/plan.json");
    }

    @Test
    void putIfAbsent_writesOnce() {
        assertThat(store.putIfAbsent("images/f.zip", bytes("one"))).isTrue();
        assertThat(store.putIfAbsent("images/f.zip", bytes("two"))).isFalse();
        assertThat(s3.text("images/f.zip")).isEqualTo("one");
    }

    @Test
    void tail_readsOnlyTheLastBytes() {
        s3.objects.put("logs/stderr", bytes("x".repeat(10_000) + "\ncloudbench: setup failed\n"));

        assertThat(store.tail("logs/stderr", 100)).hasValueSatisfying(t ->
                assertThat(t).hasSize(100).endsWith("cloudbench: setup failed\n"));
        assertThat(s3.requests("GET").get(0).header("Range")).isEqualTo("bytes=-100");
        assertThat(store.tail("logs/missing", 100)).isEmpty();
    }

    @Test
    void shellUploadFunction_storesItsInputWithTheAwsCli_intoTheBucket() {
        assertThat(store.shellUploadFunction()).isEqualTo(
                "aws s3 cp --only-show-errors --region 'us-east-1' - 's3://" + TestAws.BUCKET + "/'\"$1\"");
    }

    @Test
    void inbox_isTheInstanceRolesUserId_roleIdColonInstanceId() {
        S3ResultStore withRole = new S3ResultStore(client, TestAws.BUCKET, TestAws.INSTANCE_ROLE_ID);
        assertThat(withRole.inbox("i-0abc")).isEqualTo("inbox/" + TestAws.INSTANCE_ROLE_ID + ":i-0abc/");
        assertThatThrownBy(() -> store.inbox("i-0abc")).isInstanceOf(IllegalStateException.class)
                .hasMessage("environment variable INSTANCE_ROLE_ID is not set");
        assertThatThrownBy(() -> withRole.inbox("i-1/../../runs")).isInstanceOf(IllegalArgumentException.class);
    }
}
