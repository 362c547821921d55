package awaitlings.harness;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// As every check that explores: the explorer's start alone takes seconds on a loaded machine.
@Timeout(ExploresInterleavings.SECONDS)
@DisplayName("Interleavings")
class InterleavingsTests {

    /** Something that starts its work once when asked, however many ask. */
    interface Task {
        Object start();
    }

    /** Starts its work once, as long as no two threads ask at the same moment. */
    static class CheckThenAct implements Task {
        private final AtomicInteger runs;
        private Object started;

        CheckThenAct(AtomicInteger runs) {
            this.runs = runs;
        }

        @Override
        public Object start() {
            if (started == null) {
                runs.incrementAndGet();
                started = new Object();
            }
            return started;
        }
    }

    static class Locked implements Task {
        private final AtomicInteger runs;
        private Object started;

        Locked(AtomicInteger runs) {
            this.runs = runs;
        }

        @Override
        public synchronized Object start() {
            if (started == null) {
                runs.incrementAndGet();
                started = new Object();
            }
            return started;
        }
    }

    /** Compare-and-set, its holder made through a constructor reference. */
    static class Atomic implements Task {
        private final AtomicInteger runs;
        private final AtomicReference<Object> started;

        Atomic(AtomicInteger runs) {
            this.runs = runs;
            Function<Object, AtomicReference<Object>> holder = AtomicReference::new;
            this.started = holder.apply(null);
        }

        @Override
        public Object start() {
            Object mine = new Object();
            if (started.compareAndSet(null, mine)) {
                runs.incrementAndGet();
            }
            return started.get();
        }
    }

    static class WithALock implements Task {
        private final AtomicInteger runs;
        private final ReentrantLock lock = new ReentrantLock();
        private volatile Object started;

        WithALock(AtomicInteger runs) {
            this.runs = runs;
        }

        @Override
        public Object start() {
            lock.lock();
            try {
                if (started == null) {
                    runs.incrementAndGet();
                    started = new Object();
                }
                return started;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Starts the work every time. */
    static class Always implements Task {
        private final AtomicInteger runs;

        Always(AtomicInteger runs) {
            this.runs = runs;
        }

        @Override
        public Object start() {
            runs.incrementAndGet();
            return new Object();
        }
    }

    /** Finds its work by name. */
    static class Reflective implements Task {
        @Override
        public Object start() {
            try {
                return Class.forName("java.lang.Object").getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Two locks, taken in the order the caller names them. */
    static class Transfer {
        final Object a = new Object();
        final Object b = new Object();
        int moved;

        void move(Object from, Object to) {
            synchronized (from) {
                synchronized (to) {
                    moved++;
                }
            }
        }
    }

    static final class Race {
        final AtomicInteger runs = new AtomicInteger();
        final Task task;

        Race(Function<AtomicInteger, Task> make) {
            this.task = make.apply(runs);
        }
    }

    private static void explore(Class<? extends Task> type, Function<AtomicInteger, Task> make) {
        Interleavings.explore(new ClassFileImporter().importClasses(type), "two threads calling start() at once to run the work once",
                () -> new Race(make),
                List.of(race -> race.task.start(), race -> race.task.start()),
                race -> race.runs.get() == 1, race -> "it ran " + race.runs.get() + " times");
    }

    @Test
    @DisplayName("shows the order of steps in which a check-then-act runs the work twice")
    void checkThenAct() {
        assertThatThrownBy(() -> explore(CheckThenAct.class, runs -> new CheckThenAct(runs)))
                .hasMessage("""
                        Expecting two threads calling start() at once to run the work once,
                        but it ran 2 times,
                        when the threads' steps ran in this order:
                            thread 1                     thread 2
                                                         start(): Object#3
                                                           started ➜ null
                            start(): Object#2
                              started ➜ null
                              runs.incrementAndGet(): 1
                              Object.<init>(): Object#2
                              started = Object#2
                              started ➜ Object#2
                                                           runs.incrementAndGet(): 2
                                                           Object.<init>(): Object#3
                                                           started = Object#3
                                                           started ➜ Object#3
                        (x ➜ v: read x and found v · x = v: wrote v to x · Object#3: the third Object made)
                        The explorer tries up to 50 orders of the threads' steps, switching threads at every read,
                        write, lock and call; this is the first that broke the promise.""".replace("\n", System.lineSeparator()));
    }

    @Test
    @DisplayName("passes synchronized")
    void synchronizedStart() {
        assertThatCode(() -> explore(Locked.class, runs -> new Locked(runs))).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("passes compare-and-set on a holder made through a constructor reference")
    void compareAndSet() {
        assertThatCode(() -> explore(Atomic.class, runs -> new Atomic(runs))).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("passes a lock")
    void lock() {
        assertThatCode(() -> explore(WithALock.class, runs -> new WithALock(runs))).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("tells code that breaks the promise without any race so, before exploring")
    void wrongWithoutARace() {
        assertThatThrownBy(() -> explore(Always.class, runs -> new Always(runs)))
                .hasMessage(String.format("Expecting two threads calling start() at once to run the work once,%n"
                        + "but it ran 2 times, even with the 2 calls made one after another: no race is needed for that."));
    }

    @Test
    @DisplayName("runs no code that reaches past the plain Java API")
    void gate() {
        assertThatThrownBy(() -> explore(Reflective.class, runs -> new Reflective()))
                .hasMessageStartingWith("Expecting your compiled code to follow the exercise's rules,")
                .hasMessageContaining("no code of yours should reach past the plain Java API")
                .hasMessageContaining("Class.forName(java.lang.String)")
                .hasMessageContaining("Constructor.newInstance(");
    }

    @Test
    @DisplayName("shows threads that wait for each other forever")
    void deadlock() {
        assertThatThrownBy(() -> Interleavings.explore(new ClassFileImporter().importClasses(Transfer.class),
                "two transfers in opposite directions to both finish",
                () -> new Transfer(),
                List.of(t -> t.move(t.a, t.b), t -> t.move(t.b, t.a)),
                t -> t.moved == 2, t -> "only " + t.moved + " finished"))
                .hasMessageStartingWith(String.format("Expecting two transfers in opposite directions to both finish,%n"
                        + "but the run never finished when the threads' steps ran in this order:"))
                .hasMessageContaining("move(Object#1, Object#2)").hasMessageContaining("enters synchronized");
    }
}
