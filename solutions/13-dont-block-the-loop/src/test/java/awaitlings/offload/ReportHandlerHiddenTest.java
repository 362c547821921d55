package awaitlings.offload;

import static awaitlings.offload.ReportHandlerTest.archive;
import static awaitlings.offload.ReportHandlerTest.handled;
import static awaitlings.offload.ReportHandlerTest.pageOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import awaitlings.harness.FakeRemote;
import awaitlings.harness.Futures;
import awaitlings.harness.Hint;
import awaitlings.harness.LoopLagProbe;
import awaitlings.offload.ReportHandlerTest.Handled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@DisplayName("13 · don't block the loop · hidden checks")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportHandlerHiddenTest {

    private final ReportHandlerTest server = new ReportHandlerTest();

    @AfterEach
    void stopServer() {
        server.stopServer();
    }

    @Test
    @Order(1)
    @DisplayName("task 3 · a failed load fails the page with the archive's exception, caches nothing, and the loop goes on serving")
    @Hint("Task 3: a failure travels down the chain by itself: do not catch it on the way. Put a page in the cache only"
            + " where it was rendered, so a failed load leaves nothing there and the next request asks again.")
    void aFailedLoadIsNotCached() {
        IllegalStateException down = new IllegalStateException("archive: disk unreadable");
        FakeRemote archive = archive().latency(Duration.ofMillis(20)).build();
        AtomicBoolean firstFails = new AtomicBoolean(true);
        ReportArchive flaky = name -> {
            String report = archive.fetch(name);
            if (firstFails.getAndSet(false)) {
                throw down;
            }
            return report;
        };
        ReportHandler handler = new ReportHandler(server.loop, server.workers, flaky, server.template);
        try (LoopLagProbe heartbeat = LoopLagProbe.start("server loop", server.loop)) {
            Throwable failure = Futures.failureOf("the page of q3, whose load failed",
                    handled("q3", server.onTheLoop(() -> handler.handle("q3"))));
            assertThat(failure).withFailMessage("Expecting the page of q3 to fail with the archive's exception%n    %s%n"
                    + "but it failed with%n    %s", down, failure).isSameAs(down);

            heartbeat.keptBeatingWhile("the failed load of q3 was handled", archive.log());
            String page = Futures.valueOf("the page of q3, asked again",
                    handled("q3", server.onTheLoop(() -> handler.handle("q3"))));
            assertThat(page).withFailMessage("Expecting the next request for q3 to load it again and give its page,"
                    + "%nbut it gave %s.", page).isEqualTo(pageOf("q3"));
        }
        assertThat(archive.log().calls()).withFailMessage("Expecting the archive to be asked again for q3 after its load"
                + " failed,%nbut it was asked %d time(s): a failure was kept as if it were a page.", archive.log().calls())
                .isEqualTo(2);
    }

    @Test
    @Order(2)
    @DisplayName("task 2 · 20 requests for 5 reports: every page is right, and every page is rendered on the loop, one at a time")
    @Hint("Task 2: every step that touches the template or the cache runs on the loop: thenApplyAsync(..., loop). The"
            + " loop's single thread is what keeps them safe without a lock.")
    void manyRequestsRenderOnTheLoop() {
        FakeRemote archive = archive().latency(Duration.ofMillis(20)).build();
        ReportHandler handler = new ReportHandler(server.loop, server.workers, archive::fetch, server.template);
        List<CompletableFuture<CompletableFuture<String>>> handled = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String name = "q" + (i % 5 + 1);
            handled.add(server.onTheLoop(() -> handler.handle(name)));
        }
        for (int i = 0; i < 20; i++) {
            String name = "q" + (i % 5 + 1);
            assertThat(Futures.valueOf("the page of " + name, handled(name, handled.get(i))))
                    .isEqualTo(pageOf(name));
        }
        server.template.renderedOnlyOnTheLoop(archive);
    }

    @Test
    @Order(3)
    @DisplayName("task 3 · with every worker busy, a cached page is still served at once: the cache lives on the loop")
    @Hint("Task 3: look in the cache in handle() itself, on the loop, before anything goes to the workers: a cached page"
            + " needs no worker, and the cache must not be touched from a worker's thread.")
    void theCacheNeedsNoWorker() {
        ExecutorService oneWorker = Executors.newSingleThreadExecutor(ReportHandlerTest.named("worker-", true));
        FakeRemote archive = archive().build();
        FakeRemote slow = FakeRemote.named("report archive").held().build();
        ReportArchive archives = name -> name.equals("q1") ? archive.fetch(name) : slow.fetch(name);
        ReportHandler handler = new ReportHandler(server.loop, oneWorker, archives, server.template);
        try {
            Futures.valueOf("the first page of q1", handled("q1", server.onTheLoop(() -> handler.handle("q1"))));
            CompletableFuture<CompletableFuture<String>> busy = server.onTheLoop(() -> handler.handle("q2"));
            handled("q2", busy, () -> server.template.timeline(Map.of("load", archive, "held load", slow)));
            awaitLoadStarted(slow, "q2");

            Handled cached = handled("q1", server.onTheLoop(() -> {
                CompletableFuture<String> page = handler.handle("q1");
                return new Handled(page, page.isDone());
            }));

            assertThat(cached.completeOnReturn()).withFailMessage(() -> String.format("Expecting the cached page of q1"
                    + " to be returned complete while the only worker was busy loading q2,%nbut it was still open: it"
                    + " waits for a worker, so the cache is looked up on the worker's thread (or not at all).%nTimeline:%n%s",
                    server.template.timeline(Map.of("load", archive, "held load", slow)))).isTrue();
            assertThat(Futures.valueOf("the cached page of q1", cached.page())).isEqualTo(pageOf("q1"));
        } finally {
            slow.release();
            oneWorker.shutdownNow();
        }
    }

    private static void awaitLoadStarted(FakeRemote archive, String name) {
        try {
            org.awaitility.Awaitility.await().atMost(Futures.PATIENCE).until(() -> archive.log().startOf(name).isPresent());
        } catch (org.awaitility.core.ConditionTimeoutException never) {
            fail(String.format("Expecting the load of %s to start on the worker,%nbut it had not started %d s later.",
                    name, Futures.PATIENCE.toSeconds()));
        }
    }
}
