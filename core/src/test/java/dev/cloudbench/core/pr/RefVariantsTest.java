package dev.cloudbench.core.pr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.model.Benchmark;
import dev.cloudbench.core.model.Repository;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.model.Variant;
import dev.cloudbench.core.validation.SuiteValidator;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefVariantsTest {
    private static final List<Benchmark> BENCHMARKS = List.of(new Benchmark("b", "true", null, null, null, null));

    private static Suite suite(Repository repository) {
        return new Suite("s", null, repository, List.of("make"), null, null, null, BENCHMARKS);
    }

    @Test
    void refs_becomeTheVariantsBaselineAndCandidate_whichValidate() {
        Suite out = RefVariants.apply(suite(new Repository("https://github.com/octo/evm", "main")), null, "main",
                "0123456789abcdef0123456789abcdef01234567");

        assertThat(out.variants()).extracting(Variant::name, Variant::ref).containsExactly(
                org.assertj.core.groups.Tuple.tuple("baseline", "main"),
                org.assertj.core.groups.Tuple.tuple("candidate", "0123456789abcdef0123456789abcdef01234567"));
        assertThat(out.setup()).containsExactly("make");
        assertThat(SuiteValidator.validate(out).hasVariants()).isTrue();
    }

    @Test
    void repositoryFlag_namesTheRepository_ofASuiteWithout() {
        Suite out = RefVariants.apply(suite(null), "https://github.com/octo/evm", "main", "pr");
        assertThat(out.repository().url()).isEqualTo("https://github.com/octo/evm");
    }

    @Test
    void noFlags_leaveTheSuiteAsItIs() {
        Suite s = suite(null);
        assertThat(RefVariants.apply(s, null, null, null)).isSameAs(s);
    }

    @Test
    void badInput_isOneLineNamingTheFlag() {
        Suite repo = suite(new Repository("https://github.com/octo/evm", null));
        assertThatThrownBy(() -> RefVariants.apply(repo, null, "main", null)).isInstanceOf(BadInputException.class)
                .hasMessage("--baseline-ref and --candidate-ref go together: give both");
        assertThatThrownBy(() -> RefVariants.apply(repo, null, "main", "$(reboot)"))
                .hasMessageStartingWith("--candidate-ref: '$(reboot)' must be a plain ref name");
        assertThatThrownBy(() -> RefVariants.apply(repo, null, "--upload-pack=x", "pr"))
                .hasMessage("--baseline-ref: '--upload-pack=x' must not start with '-'");
        assertThatThrownBy(() -> RefVariants.apply(suite(null), null, "main", "pr"))
                .hasMessageContaining("names no repository to check the refs out of");
        assertThatThrownBy(() -> RefVariants.apply(suite(null), "http://evil/x", "main", "pr"))
                .hasMessageStartingWith("--repository: 'http://evil/x' must be a plain https:// URL");
        Suite withVariants = new Suite("s", null, repo.repository(), null, null, null, null, BENCHMARKS,
                List.of(Variant.named("a"), Variant.named("b")), null);
        assertThatThrownBy(() -> RefVariants.apply(withVariants, null, "main", "pr"))
                .hasMessage("--baseline-ref/--candidate-ref: suite s has variants of its own (a, b); drop them from the"
                        + " suite or drop the flags");
    }
}
