package awaitlings.offload;

import static awaitlings.harness.AsyncAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import awaitlings.harness.AsyncRules;
import awaitlings.harness.CallEvent;
import awaitlings.harness.CallLog;
import awaitlings.harness.CallRecorder;
import awaitlings.harness.FakeRemote;
import awaitlings.harness.Futures;
import awaitlings.harness.Hint;
import awaitlings.harness.LoopLagProbe;
import awaitlings.harness.Points;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The server's loop is one thread, "server-loop", and every request is handled on it, as a server would. A heartbeat
 * runs on the loop all along: a loop that something blocks runs no beat, whatever the machine's speed. The archive is
 * a fake that can hold a load back until the check lets it go.
 */
@DisplayName("13 · don't block the loop")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportHandlerTest {

    // The fixtures without `private` are shared with ReportHandlerHiddenTest (same package).
    static final String LOOP = "server-loop";
    static final String WORKER = "worker-";

    final ExecutorService loop = Executors.newSingleThreadExecutor(named(LOOP, false));
    final ExecutorService workers = Executors.newFixedThreadPool(3, named(WORKER, true));
    final RecordingTemplate template = new RecordingTemplate();

    @AfterEach
    void stopServer() {
        workers.shutdownNow();
        loop.shutdownNow();
    }

    @Test
    @Order(1)
    @Points(3)
    @DisplayName("task 1 · while a report loads, handle() has returned and the loop keeps running: the load runs on a worker")
    @Hint("Task 1: start the load on the workers — CompletableFuture.supplyAsync(() -> archive.load(name), workers) —"
            + " and return its future (with the rest composed onto it) without waiting for it.")
    void theLoopKeepsRunningWhileAReportLoads() {
        FakeRemote archive = archive().held().build();
        ReportHandler handler = new ReportHandler(loop, workers, archive::fetch, template);
        try (LoopLagProbe heartbeat = LoopLagProbe.start("server loop", loop)) {
            CompletableFuture<CompletableFuture<String>> handled = onTheLoop(() -> handler.handle("q3"));

            heartbeat.keptBeatingWhile("the report q3 was loading", archive.log());

            loadedOnAWorker(archive, "q3");
            archive.release();
            assertThat(Futures.valueOf("the page of q3", handled("q3", handled)))
                    .isEqualTo(pageOf("q3"));
        } finally {
            archive.release();
        }
    }

    @Test
    @Order(2)
    @Points(2)
    @DisplayName("task 2 · once the report is there, the page is rendered on the loop's thread, and that page is the answer")
    @Hint("Task 2: compose the rendering onto the load with thenApplyAsync(report -> template.render(name, report), loop):"
            + " without an executor (thenApply), it runs on the worker that finished the load.")
    void thePageIsRenderedOnTheLoop() {
        FakeRemote archive = archive().latency(Duration.ofMillis(50)).build();
        ReportHandler handler = new ReportHandler(loop, workers, archive::fetch, template);

        String page = Futures.valueOf("the page of q3", handled("q3", onTheLoop(() -> handler.handle("q3"))));

        template.renderedOnlyOnTheLoop(archive);
        assertThat(page).withFailMessage("Expecting the page the template rendered for q3,%n    %s%nbut got%n    %s",
                pageOf("q3"), page).isEqualTo(pageOf("q3"));
    }

    @Test
    @Order(3)
    @Points(2)
    @DisplayName("task 1 · three requests at once: their reports load at the same time on the workers, while the loop keeps running")
    @Hint("Task 1: handle() must return before its report is there, so the loop takes the next request at once and its"
            + " load starts on another worker. A handler that waits for its load serves one request at a time.")
    void threeRequestsLoadAtOnce() {
        FakeRemote archive = archive().latency(Duration.ofMillis(100)).rendezvous(3).build();
        ReportHandler handler = new ReportHandler(loop, workers, archive::fetch, template);
        try (LoopLagProbe heartbeat = LoopLagProbe.start("server loop", loop)) {
            List<CompletableFuture<CompletableFuture<String>>> handled = List.of("q1", "q2", "q3").stream()
                    .map(name -> onTheLoop(() -> handler.handle(name))).toList();

            heartbeat.keptBeatingWhile("three reports were loading", archive.log());

            for (int i = 0; i < 3; i++) {
                String name = "q" + (i + 1);
                assertThat(Futures.valueOf("the page of " + name, handled(name, handled.get(i))))
                        .isEqualTo(pageOf(name));
            }
        }
        assertThat(archive).ranConcurrently(3);
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("task 3 · a page already rendered comes from the loop's cache: handle() returns it complete, and the archive is not asked again")
    @Hint("Task 3: the cache is a plain HashMap that only the loop touches: look in it first, in handle() (on the loop),"
            + " and return CompletableFuture.completedFuture(page); put the page in it where you render, on the loop.")
    void aRenderedPageComesFromTheCache() {
        FakeRemote archive = archive().latency(Duration.ofMillis(20)).build();
        ReportHandler handler = new ReportHandler(loop, workers, archive::fetch, template);
        Futures.valueOf("the first page of q3", handled("q3", onTheLoop(() -> handler.handle("q3"))));

        // Whether the page was complete is asked on the loop, right as handle() returns.
        Handled again = handled("q3", onTheLoop(() -> {
            CompletableFuture<String> page = handler.handle("q3");
            return new Handled(page, page.isDone());
        }));

        assertThat(again.completeOnReturn()).withFailMessage(() -> String.format("Expecting handle(\"q3\") to return"
                + " the cached page already complete,%nbut its future was still open when handle() returned: %s.%n"
                + "Timeline:%n%s", archive.log().calls() > 1 ? "the cache was not used, and the archive was asked again"
                        : "the cache is looked up later, off the loop (the archive was not asked again)",
                template.timeline(Map.of("load", archive)))).isTrue();
        assertThat(Futures.valueOf("the cached page of q3", again.page())).isEqualTo(pageOf("q3"));
        assertThat(archive).wasCalled(1);
    }

    @Test
    @Order(5)
    @DisplayName("rules · nothing in the handler waits (no join, get or sleep), and no step runs on the common pool")
    @Hint("A join(), get() or sleep() in a handler holds the loop's thread until it returns. Compose instead, and give"
            + " every *Async step its executor: the workers for blocking work, the loop for the rest.")
    void theHandlerNeverWaits() {
        FakeRemote archive = archive().build();
        ReportHandler handler = new ReportHandler(loop, workers, archive::fetch, template);
        assertThat(Futures.valueOf("the page of q3", handled("q3", onTheLoop(() -> handler.handle("q3")))))
                .isEqualTo(pageOf("q3"));

        AsyncRules.check(ReportHandler.class, AsyncRules.NEVER_WAITS, AsyncRules.NO_DEFAULT_EXECUTOR);
    }

    // ---- the server ------------------------------------------------------------------------------------------------

    /** The report archive: report "q3" reads "numbers of q3". */
    static FakeRemote.Builder archive() {
        return FakeRemote.named("report archive").respond(name -> "numbers of " + name);
    }

    static String pageOf(String name) {
        return "<h1>" + name + "</h1><p>numbers of " + name + "</p>";
    }

    /** Calls {@code handle} on the loop, as the server does for each request; completes when handle() has returned. */
    <T> CompletableFuture<T> onTheLoop(Supplier<T> handle) {
        return CompletableFuture.supplyAsync(handle, loop);
    }

    /**
     * What handle(name) returned on the loop, once it returned: at once for a handler that hands the load to the
     * workers, or when its own wait on the loop ended.
     */
    static <T> T handled(String name, CompletableFuture<T> onTheLoop) {
        return handled(name, onTheLoop, null);
    }

    /** As {@link #handled(String, CompletableFuture)}; a handle() that never returned draws {@code timeline}. */
    static <T> T handled(String name, CompletableFuture<T> onTheLoop, Supplier<String> timeline) {
        if (!Futures.settles(onTheLoop)) {
            fail(String.format("Expecting handle(\"%s\") to return at once,%nbut %d s later it had not returned: it waits"
                    + " on the loop's thread, and the whole server waits with it.%s", name, Futures.PATIENCE.toSeconds(),
                    timeline == null ? "" : String.format("%nTimeline:%n%s", timeline.get())));
        }
        if (onTheLoop.isCompletedExceptionally()) {
            Throwable thrown = Futures.unwrap(Futures.failureOf("handle(\"" + name + "\")", onTheLoop));
            fail(String.format("Expecting handle(\"%s\") to return a future,%nbut it threw %s.%nA failure belongs in the"
                    + " future handle() returns: the steps of a CompletableFuture pass it on by themselves.", name, thrown));
        }
        return Futures.valueOf("handle(\"" + name + "\")", onTheLoop);
    }

    static void loadedOnAWorker(FakeRemote archive, String name) {
        String thread = archive.log().startOf(name).map(CallEvent::thread).orElse("no thread: it never started");
        assertThat(thread).withFailMessage("Expecting report %s to be loaded on one of the workers (\"%s…\"),%nbut it was"
                + " loaded on \"%s\".%nBlocking work belongs on the workers: supplyAsync(..., workers).", name, WORKER, thread)
                .startsWith(WORKER);
    }

    /** What handle() returned, and whether it was complete at that moment. */
    record Handled(CompletableFuture<String> page, boolean completeOnReturn) {
    }

    static ThreadFactory named(String name, boolean numbered) {
        AtomicInteger count = new AtomicInteger();
        return task -> new Thread(task, numbered ? name + count.incrementAndGet() : name);
    }

    /**
     * The page template, which notes the thread of each page it renders, when (for a chart next to the loads), and
     * whether two threads ever used it at once.
     */
    static final class RecordingTemplate implements PageTemplate {
        final List<String> threads = new CopyOnWriteArrayList<>();
        final CallRecorder renders = new CallRecorder();
        private final AtomicInteger inUse = new AtomicInteger();
        private volatile int mostAtOnce;

        @Override
        public String render(String name, String report) {
            mostAtOnce = Math.max(mostAtOnce, inUse.incrementAndGet());
            threads.add(Thread.currentThread().getName());
            try {
                return renders.call(name, () -> "<h1>" + name + "</h1><p>" + report + "</p>");
            } finally {
                inUse.decrementAndGet();
            }
        }

        /** The loads of {@code archives} (by what to call each) and the renders, on one axis run on to now. */
        String timeline(Map<String, FakeRemote> archives) {
            Map<String, CallLog> logs = new LinkedHashMap<>();
            archives.forEach((what, archive) -> logs.put(what, archive.log()));
            logs.put("render", renders.log());
            return CallLog.timelineUntilNow(logs);
        }

        /** Checks that every page was rendered on the loop, one at a time; a failure draws the loads of {@code archive}. */
        void renderedOnlyOnTheLoop(FakeRemote archive) {
            String elsewhere = threads.stream().filter(t -> !t.equals(LOOP)).distinct().map(t -> "\"" + t + "\"")
                    .collect(Collectors.joining(", "));
            if (threads.isEmpty() || !elsewhere.isEmpty()) {
                fail(String.format("Expecting every page to be rendered on the loop's thread (\"%s\"): the template is"
                        + " the loop's, and not thread-safe,%nbut %s.%nCompose the rendering with"
                        + " thenApplyAsync(..., loop): it then runs on the loop, whichever thread finished the load.%n"
                        + "Timeline:%n%s", LOOP, threads.isEmpty() ? "nothing was rendered" : "pages were rendered on "
                        + elsewhere, timeline(Map.of("load", archive))));
            }
            assertThat(mostAtOnce).withFailMessage("Expecting the template to be used by one thread at a time,%nbut %d"
                    + " threads used it at once.", mostAtOnce).isEqualTo(1);
        }
    }
}
