package dev.cloudbench.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryStoreTest {
    @TempDir
    Path root;

    @Test
    void putGetList_followTheKeyLayout() {
        DirectoryStore store = new DirectoryStore(root);
        store.put("runs/r1/targets/t/raw/b.json", "{}".getBytes(StandardCharsets.UTF_8));
        store.put("runs/r1/request.json", "{}".getBytes(StandardCharsets.UTF_8));
        store.put("runs/r2/request.json", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(root.resolve("runs/r1/targets/t/raw/b.json")).exists();
        assertThat(store.get("runs/r1/request.json")).isPresent();
        assertThat(store.get("runs/r1/missing.json")).isEmpty();
        assertThat(store.list("runs/r1/")).containsExactly("runs/r1/request.json", "runs/r1/targets/t/raw/b.json");
        assertThat(store.list("runs/r9/")).isEmpty();
    }

    @Test
    void keysOutsideTheRoot_areRefused() {
        DirectoryStore store = new DirectoryStore(root);
        assertThatThrownBy(() -> store.put("../escape", new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shellUpload_storesItsInput_evenWithSpacesInItsPath() throws Exception {
        Path spaced = Files.createDirectories(root.resolve("my results"));
        DirectoryStore store = new DirectoryStore(spaced);
        Path file = Files.writeString(root.resolve("f.json"), "{\"x\":1}");
        String script = "store_put() { " + store.shellUploadFunction() + "; }\nstore_put runs/r/x.json < '" + file + "'\n";
        Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        assertThat(p.waitFor()).isZero();
        assertThat(store.get("runs/r/x.json")).map(b -> new String(b, StandardCharsets.UTF_8)).contains("{\"x\":1}");
    }
}
