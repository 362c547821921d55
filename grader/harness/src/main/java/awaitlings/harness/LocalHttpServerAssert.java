package awaitlings.harness;

import java.util.List;
import org.assertj.core.api.AbstractAssert;

/** Checks on what the {@link LocalHttpServer} saw, measured on the server's side of the wire. */
public final class LocalHttpServerAssert extends AbstractAssert<LocalHttpServerAssert, LocalHttpServer> {

    LocalHttpServerAssert(LocalHttpServer server) {
        super(server, LocalHttpServerAssert.class);
    }

    /** The most requests in flight at once was exactly {@code limit}: never more, and not fewer while work waited. */
    public LocalHttpServerAssert peakedAt(int limit) {
        isNotNull();
        if (actual.log().peakInFlight() != limit) {
            failWithMessage("%s", HttpMessages.shouldPeakAt(actual.log(), limit, actual.parties()));
        }
        return this;
    }

    /** Each of {@code paths} was requested exactly once, and nothing else was. */
    public LocalHttpServerAssert receivedEachOnce(List<String> paths) {
        isNotNull();
        List<String> seen = actual.log().startOrder();
        if (seen.size() != paths.size() || !seen.containsAll(paths)) {
            failWithMessage("%s", HttpMessages.shouldReceiveEachOnce(actual.log(), paths));
        }
        return this;
    }
}
