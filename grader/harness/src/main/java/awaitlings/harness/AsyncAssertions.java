package awaitlings.harness;

/** Entry point for the harness's checks: {@code import static awaitlings.harness.AsyncAssertions.assertThat;}. */
public final class AsyncAssertions {

    private AsyncAssertions() {
    }

    /** Checks on the calls a fake saw: overlap, order, count, interrupts. */
    public static RemoteAssert assertThat(FakeRemote remote) {
        return new RemoteAssert(remote);
    }

    /** Checks on a thread the learner's code started. */
    public static ThreadAssert assertThat(Thread thread) {
        return new ThreadAssert(thread);
    }
}
