package awaitlings.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("FailureText")
class FailureTextTests {

    @Test
    @DisplayName("an assertion is shown with its message only")
    void assertion() {
        assertThat(FailureText.describe(new AssertionError("  Expecting x\n"))).isEqualTo("Expecting x");
    }

    @Test
    @DisplayName("a bare exception is shown with its type, and without a message by its type alone")
    void bareException() {
        assertThat(FailureText.describe(new UnsupportedOperationException("Implement Shop.order() — task 1")))
                .isEqualTo("UnsupportedOperationException: Implement Shop.order() — task 1");
        assertThat(FailureText.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
        assertThat(FailureText.describe(new AssertionError())).isEqualTo("AssertionError");
    }

    @Test
    @DisplayName("a method the checks call but the learner's code lacks is explained")
    void missingMethod() {
        assertThat(FailureText.describe(new NoSuchMethodError("'void Shop.order(java.lang.String)'"))).isEqualTo(
                "The checks call something your code no longer has: 'void Shop.order(java.lang.String)'. Keep the"
                        + " classes and methods the exercise gave you, with the same names and parameters.");
    }

    @Test
    @DisplayName("a failure that carries its own hint shows it; any other failure shows the check's hint")
    void hint() {
        assertThat(FailureText.hint(new HintedFailure("leaked", "close the loop"), "use thenAccept")).isEqualTo("close the loop");
        assertThat(FailureText.hint(new AssertionError("nope"), "use thenAccept")).isEqualTo("use thenAccept");
    }
}
