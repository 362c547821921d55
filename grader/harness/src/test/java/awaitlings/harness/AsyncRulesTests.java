package awaitlings.harness;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("AsyncRules")
class AsyncRulesTests {

    private static JavaClasses only(Class<?> sample) {
        return new ClassFileImporter().importClasses(sample);
    }

    @Test
    @DisplayName("NEVER_WAITS catches join, get, sleep, and a method reference to join")
    void neverWaits() {
        assertThatThrownBy(() -> AsyncRules.check(only(Waits.class), AsyncRules.NEVER_WAITS))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith(String.format("Expecting your compiled code to follow the exercise's rules,%n"
                        + "but it breaks this one:%nno code of yours should wait: no join() or get() on a future,"
                        + " no Thread.sleep(), because a waiting thread is held hostage"))
                .hasMessageContaining("calls method <java.util.concurrent.CompletableFuture.join()>")
                .hasMessageContaining("calls method <java.util.concurrent.Future.get()>")
                .hasMessageContaining("calls method <java.lang.Thread.sleep(long)>")
                .hasMessageContaining("references method <java.util.concurrent.CompletableFuture.join()>");
        assertThatCode(() -> AsyncRules.check(only(Composes.class), AsyncRules.NEVER_WAITS, AsyncRules.NO_DEFAULT_EXECUTOR,
                AsyncRules.NO_BUSY_WAITING, AsyncRules.USES_ONLY_THE_GIVEN_TIMER, AsyncRules.NO_BLOCKING_HTTP))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("USES_ONLY_THE_GIVEN_TIMER catches the JDK's own timeouts and TimeUnit.sleep")
    void givenTimer() {
        assertThatThrownBy(() -> AsyncRules.check(only(KeepsOwnTime.class), AsyncRules.USES_ONLY_THE_GIVEN_TIMER))
                .hasMessageContaining("CompletableFuture.orTimeout(")
                .hasMessageContaining("CompletableFuture.completeOnTimeout(")
                .hasMessageContaining("CompletableFuture.delayedExecutor(")
                .hasMessageContaining("TimeUnit.sleep(");
    }

    @Test
    @DisplayName("NO_DEFAULT_EXECUTOR catches one-argument Async steps, and lets steps with an executor pass")
    void defaultExecutor() {
        assertThatThrownBy(() -> AsyncRules.check(only(DefaultPool.class), AsyncRules.NO_DEFAULT_EXECUTOR))
                .hasMessageContaining("CompletableFuture.supplyAsync(java.util.function.Supplier)>")
                .hasMessageContaining("CompletableFuture.thenApplyAsync(java.util.function.Function)>")
                .message().doesNotContain("thenApplyAsync(java.util.function.Function, java.util.concurrent.Executor)");
    }

    @Test
    @DisplayName("NO_BUSY_WAITING catches polling isDone and spinning; NO_BLOCKING_HTTP catches HttpClient.send")
    void busyAndHttp() {
        assertThatThrownBy(() -> AsyncRules.check(only(Polls.class), AsyncRules.NO_BUSY_WAITING))
                .hasMessageContaining("Future.isDone()").hasMessageContaining("Thread.onSpinWait()")
                .hasMessageContaining("Thread.yield()");
        assertThatThrownBy(() -> AsyncRules.check(only(SendsBlocking.class), AsyncRules.NO_BLOCKING_HTTP))
                .hasMessageContaining("java.net.http.HttpClient.send(");
    }

    @Test
    @DisplayName("two broken rules are both named")
    void twoRules() {
        assertThatThrownBy(() -> AsyncRules.check(only(Waits.class), AsyncRules.NEVER_WAITS, AsyncRules.USES_ONLY_THE_GIVEN_TIMER))
                .hasMessageContaining("but it breaks these 2:");
    }

    static class Waits {
        String all(CompletableFuture<String> a, Future<String> b) throws Exception {
            Thread.sleep(1);
            Function<CompletableFuture<String>, String> join = CompletableFuture::join;
            return a.join() + b.get() + join.apply(a);
        }
    }

    static class Composes {
        CompletableFuture<String> both(CompletableFuture<String> a, CompletableFuture<String> b, Executor executor) {
            return a.thenCombine(b, String::concat).thenApplyAsync(String::trim, executor);
        }
    }

    static class KeepsOwnTime {
        void late(CompletableFuture<String> a) throws InterruptedException {
            a.orTimeout(1, TimeUnit.SECONDS).completeOnTimeout("x", 1, TimeUnit.SECONDS);
            CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS);
            TimeUnit.MILLISECONDS.sleep(1);
        }
    }

    static class DefaultPool {
        CompletableFuture<String> pool(Executor executor) {
            return CompletableFuture.supplyAsync(() -> "a").thenApplyAsync(String::trim)
                    .thenApplyAsync(String::trim, executor);
        }
    }

    static class Polls {
        void poll(List<Future<String>> futures) {
            while (futures.stream().noneMatch(Future::isDone)) {
                Thread.onSpinWait();
                Thread.yield();
            }
        }
    }

    static class SendsBlocking {
        String send(HttpClient client) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }
}
