package awaitlings.harness;

import static awaitlings.harness.CallEvent.Kind.FAILED;
import static awaitlings.harness.CallEvent.Kind.INTERRUPTED;
import static awaitlings.harness.CallEvent.Kind.RETURNED;
import static awaitlings.harness.CallEvent.Kind.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CallRecorder")
class CallRecorderTests {

    private final CallRecorder calls = new CallRecorder();

    @Test
    @DisplayName("logs a call that returned, on the thread that made it")
    void returned() {
        calls.run("close()", () -> { });

        assertThat(calls.log().events()).extracting(CallEvent::kind, CallEvent::key, CallEvent::thread)
                .containsExactly(tuple(STARTED, "close()", Thread.currentThread().getName()),
                        tuple(RETURNED, "close()", Thread.currentThread().getName()));
    }

    @Test
    @DisplayName("returns what the call returned")
    void returnsItsResult() {
        assertThat(calls.call("fetch /a", () -> "page /a")).isEqualTo("page /a");
        assertThat(calls.log().events()).extracting(CallEvent::kind).containsExactly(STARTED, RETURNED);
    }

    @Test
    @DisplayName("logs a call that threw as failed, and throws what it threw")
    void failed() {
        IllegalStateException thrown = new IllegalStateException("Event loop is closed");

        assertThatThrownBy(() -> calls.run("submit()", () -> {
            throw thrown;
        })).isSameAs(thrown);
        assertThat(calls.log().events()).extracting(CallEvent::kind).containsExactly(STARTED, FAILED);
    }

    @Test
    @DisplayName("logs a call that threw a checked exception as failed, and throws it")
    void failedChecked() {
        InterruptedException thrown = new InterruptedException("join() interrupted");

        assertThatThrownBy(() -> calls.callThrowing("join()", () -> {
            throw thrown;
        })).isSameAs(thrown);
        assertThat(calls.log().events()).extracting(CallEvent::kind).containsExactly(STARTED, FAILED);
    }

    @Test
    @DisplayName("logs a call that returned with the interrupt status set as interrupted, and keeps the status")
    void returnedInterrupted() {
        try {
            calls.run("close()", () -> Thread.currentThread().interrupt());

            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(calls.log().events()).extracting(CallEvent::kind).containsExactly(STARTED, INTERRUPTED);
        } finally {
            Thread.interrupted();
        }
    }
}
