package awaitlings.harness;

/** Entry point for the harness's checks: {@code import static awaitlings.harness.AsyncAssertions.assertThat;}. */
public final class AsyncAssertions {

    private AsyncAssertions() {
    }

    /** Checks on the calls a fake saw: overlap, order, count, interrupts. */
    public static RemoteAssert assertThat(FakeRemote remote) {
        return new RemoteAssert(remote);
    }

    /** Checks on the calls a fake on virtual time saw: overlap, limits, start times, cancels, unawaited futures. */
    public static VirtualRemoteAssert assertThat(VirtualRemote remote) {
        return new VirtualRemoteAssert(remote);
    }

    /** Checks on the requests the local HTTP server saw. */
    public static LocalHttpServerAssert assertThat(LocalHttpServer server) {
        return new LocalHttpServerAssert(server);
    }

    /** Checks on a thread the learner's code started. */
    public static ThreadAssert assertThat(Thread thread) {
        return new ThreadAssert(thread);
    }
}
