package awaitlings.harness;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.PreInterruptCallback;
import org.junit.jupiter.api.extension.PreInterruptContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Turns JUnit's preemptive timeout (10 s for every test, set in the harness's junit-platform.properties, and
 * overridable with {@code @Timeout}) into a report a learner can act on: the calls the check's fakes saw, drawn
 * as they stood when time ran out, where each of their threads was, and any deadlock. The report is taken just before JUnit interrupts the stuck test.
 */
public final class HangGuard implements BeforeEachCallback, AfterEachCallback, PreInterruptCallback, TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(HangGuard.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        ThreadSnapshot.of(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        CallLog.forgetAll(); // the next check's fakes are made from now on, with its test instance
    }

    @Override
    public void beforeThreadInterrupt(PreInterruptContext interrupt, ExtensionContext context) {
        List<Thread> threads = new ArrayList<>();
        threads.add(interrupt.getThreadToInterrupt());
        threads.addAll(ThreadSnapshot.of(context).startedSince());
        context.getStore(NAMESPACE).put(Report.class, new Report(CallLog.whenTimeRanOut(), StackReport.deadlock(), StackReport.of(threads)));
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        Report report = context.getStore(NAMESPACE).get(Report.class, Report.class);
        if (report == null) {
            throw thrown;
        }
        AssertionError stuck = new AssertionError(
                Messages.shouldFinishInTime(thrown.getMessage(), report.timelines(), report.deadlock(), report.threads()));
        stuck.addSuppressed(thrown);
        throw stuck;
    }

    /** What the fakes had seen and what the threads were doing at the moment the time limit ran out. */
    private record Report(String timelines, String deadlock, String threads) {
    }
}
