package awaitlings.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CleanUp")
class CleanUpTests {

    @Test
    @DisplayName("a clean-up that throws fails with its own message and hint, keeping what it threw as the cause")
    void failedCleanUp() {
        IllegalStateException thrown = new IllegalStateException("already closed");

        Throwable failure = catchThrowable(() -> CleanUp.run("closing the shared loop", () -> {
            throw thrown;
        }, "close() twice must do nothing"));

        assertThat(failure).isInstanceOf(HintedFailure.class).hasCause(thrown).hasMessage(
                Messages.cleanUpFailed("closing the shared loop", thrown));
        assertThat(((HintedFailure) failure).hint()).isEqualTo("close() twice must do nothing");
    }

    @Test
    @DisplayName("a clean-up that succeeds leaves the check as it is")
    void cleanUpThatWorks() {
        int[] ran = {0};
        CleanUp.run("counting", () -> ran[0]++, "never shown");
        assertThat(ran[0]).isOne();
    }
}
