package awaitlings.harness;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jetbrains.lincheck.Lincheck;

/**
 * Checks a promise about threads that act at the same moment by exploring the orders their steps can run in, under
 * Lincheck's model checker, instead of widening a race window and hoping: it switches threads at every read and
 * write of shared state, every lock and every call the code makes, and tries the orders most likely to break first.
 * A broken promise is shown as the order of steps that broke it. The same scenario first runs once with the threads
 * one after another, so that code that is wrong without any race is told so plainly.
 *
 * <p>The learner's classes of the exercise must pass {@link AsyncRules#PLAIN_JAVA_ONLY} before any of them runs
 * beside the explorer's agent; mark the check {@link ExploresInterleavings} so that the grader runs it where that
 * agent is loaded.
 *
 * <pre>{@code
 * @Test
 * @ExploresInterleavings
 * void startFromTwoThreads() {
 *     Interleavings.explore(LazyTask.class, "two threads calling start() at the same moment to run the work once",
 *             () -> new StartRace(),
 *             List.of(race -> race.first = race.task.start(), race -> race.second = race.task.start()),
 *             race -> race.runs.get() == 1,
 *             race -> "the work ran " + race.runs.get() + " times");
 * }
 * }</pre>
 *
 * The verdict is plain Java, not AssertJ: it runs under the explorer, which follows every call it makes.
 */
public final class Interleavings {

    /**
     * Orders tried: the course's races break within the first few, and an order costs 7 ms (02's start()) to 80 ms
     * (12's loop), on top of the explorer's start of about 1.5 s in a JVM.
     */
    static final int ORDERS = 50;

    static {
        // Lincheck's own warnings (fields of lambdas it cannot track) mean nothing to a learner.
        System.setProperty("lincheck.logLevel", "off");
    }

    private Interleavings() {
    }

    /**
     * Runs {@code threads} at once on the state {@code setup} makes, in every order the explorer tries, and judges
     * each run with {@code holds}.
     *
     * @param underTest a class of the learner's code under test: every class compiled beside it is checked first
     * @param promise   what must hold, as the learner reads it after "Expecting "
     * @param setup     makes a fresh state for each run: a lambda, never a constructor reference, which the explorer
     *                  cannot follow
     * @param threads   what each thread does to the state; each runs on a thread of its own
     * @param holds     whether the promise held, judged on the state once every thread has ended
     * @param otherwise what happened instead, said of that state, e.g. {@code "it ran 2 times"}
     * @throws AssertionError when the code breaks a rule of {@link AsyncRules#PLAIN_JAVA_ONLY}, breaks the promise
     *                        with the threads one after another, or in an order of their steps, which it shows
     */
    public static <S> void explore(Class<?> underTest, String promise, Supplier<S> setup, List<Consumer<S>> threads,
                                   Predicate<S> holds, Function<S, String> otherwise) {
        explore(AsyncRules.beside(underTest), promise, setup, threads, holds, otherwise);
    }

    /** As {@link #explore(Class, String, Supplier, List, Predicate, Function)}, with the learner's classes given. */
    static <S> void explore(JavaClasses own, String promise, Supplier<S> setup, List<Consumer<S>> threads,
                            Predicate<S> holds, Function<S, String> otherwise) {
        Optional<HintedFailure> refused = refusal(own);
        if (refused.isPresent()) {
            throw refused.get();
        }
        oneAfterAnother(promise, setup, threads, holds, otherwise);
        AtomicReference<String> broken = new AtomicReference<>();
        try {
            Lincheck.runConcurrentTest(ORDERS, () -> atOnce(setup, threads, holds, otherwise, broken));
        } catch (AssertionError explored) {
            throw new AssertionError(InterleavingMessages.shouldHoldInEveryOrder(promise, broken.get(),
                    explored.getMessage(), InterleavingTrace.of(explored.getMessage(), lincheckNames(own))));
        }
    }

    /**
     * Why the learner's compiled classes in {@code classes} may not run beside the explorer's agent, as the check
     * that explores them fails with it, or empty when they may: read from the class files without loading them, so
     * that the grader can ask before it starts a JVM with that agent.
     */
    public static Optional<HintedFailure> refusal(Path classes) {
        return refusal(AsyncRules.imported(classes));
    }

    private static Optional<HintedFailure> refusal(JavaClasses own) {
        return AsyncRules.violations(own, AsyncRules.PLAIN_JAVA_ONLY).map(broken -> new HintedFailure(broken,
                "Take out the call the message names: reflection, class loading and the like are never needed to win a race,"
                        + " and the race checks will not run code that uses them."));
    }

    /** How Lincheck names the learner's classes in a trace: without their package, {@code Outer.Inner}. */
    private static Set<String> lincheckNames(JavaClasses own) {
        Set<String> names = new HashSet<>();
        own.forEach(type -> {
            String name = type.getName().substring(type.getPackageName().isEmpty() ? 0 : type.getPackageName().length() + 1);
            names.add(name.replace('$', '.'));
            names.add(name);
        });
        return names;
    }

    private static <S> void oneAfterAnother(String promise, Supplier<S> setup, List<Consumer<S>> threads,
                                            Predicate<S> holds, Function<S, String> otherwise) {
        S state = setup.get();
        threads.forEach(thread -> thread.accept(state));
        if (!holds.test(state)) {
            throw new AssertionError(InterleavingMessages.shouldHoldOneAfterAnother(promise, threads.size(), otherwise.apply(state)));
        }
    }

    /** One run under the explorer: what broke is kept in {@code broken}, as the explorer reports only that it did. */
    private static <S> void atOnce(Supplier<S> setup, List<Consumer<S>> threads, Predicate<S> holds, Function<S, String> otherwise,
                                   AtomicReference<String> broken) {
        S state = setup.get();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        List<Thread> started = new ArrayList<>();
        for (Consumer<S> body : threads) {
            Thread thread = new Step<>(body, state, thrown);
            started.add(thread);
            thread.start();
        }
        for (Thread thread : started) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while exploring", e);
            }
        }
        String happened = thrown.get() != null ? InterleavingMessages.threw(thrown.get()) : holds.test(state) ? null : otherwise.apply(state);
        if (happened != null) {
            broken.set(happened);
            throw new AssertionError(happened);
        }
    }

    /**
     * One thread of a run. A subclass of Thread that holds its state in its own fields: the explorer finds what a
     * thread shares through them, and on JDK 21+ cannot through the task a plain Thread keeps, nor on every JDK
     * through a lambda's fields, and would then take that state for one thread's own and not switch at its steps.
     */
    private static final class Step<S> extends Thread {
        private final Consumer<S> body;
        private final S state;
        private final AtomicReference<Throwable> thrown;

        Step(Consumer<S> body, S state, AtomicReference<Throwable> thrown) {
            this.body = body;
            this.state = state;
            this.thrown = thrown;
        }

        @Override
        public void run() {
            try {
                body.accept(state);
            } catch (Throwable failure) {
                thrown.compareAndSet(null, failure);
            }
        }
    }
}
