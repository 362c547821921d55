package awaitlings.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The gate before code runs beside the explorer's agent: every way past the plain Java API is named, nothing else. */
@DisplayName("AsyncRules.PLAIN_JAVA_ONLY")
class PlainJavaTests {

    private static Optional<String> broken(Class<?>... classes) {
        JavaClasses imported = new ClassFileImporter().importClasses(classes);
        return AsyncRules.violations(imported, AsyncRules.PLAIN_JAVA_ONLY);
    }

    @Test
    @DisplayName("lets plain concurrent code through: locks, atomics, futures, lambdas, records, enums, switches, asserts")
    void plainCodePasses() {
        assertThat(broken(Plain.class, Plain.Pair.class, Plain.Mood.class, Plain.Worker.class)).isEmpty();
    }

    @Test
    @DisplayName("names reflection, method handles, class loading by name, processes, properties and a class outside java.*")
    void waysPastAreNamed() {
        assertThat(broken(Reaches.class)).get().asString()
                .startsWith("Expecting your compiled code to follow the exercise's rules,")
                .contains("no code of yours should reach past the plain Java API")
                .contains("Class.forName(java.lang.String)", "Class.getDeclaredField(java.lang.String)",
                        "MethodHandles.lookup()", "ServiceLoader.load(java.lang.Class)", "ObjectInputStream.<init>(",
                        "ProcessBuilder.<init>(", "System.setProperty(", "PlainJavaTests.outside()");
    }

    @Test
    @DisplayName("judges a method a subclass of the learner's inherits as the JDK's: getContextClassLoader() on a Thread subclass, a ClassLoader subclass")
    void inheritedWaysPastAreNamed() {
        assertThat(broken(OwnThread.class, OwnLoader.class)).get().asString()
                .contains("OwnThread.getContextClassLoader()", "OwnLoader.loadClass(java.lang.String)");
    }

    /** What a class outside the learner's code looks like to the rule: this test class. */
    static String outside() {
        return "";
    }

    static class Plain {
        private final ReentrantLock lock = new ReentrantLock();
        private final AtomicReference<CompletableFuture<String>> started = new AtomicReference<>();
        private final Map<String, Integer> counts = new ConcurrentHashMap<>();

        record Pair(String left, int right) {
        }

        enum Mood { CALM, BUSY }

        static class Worker extends Thread {
            @Override
            public void run() {
                setName("worker-" + getId());
            }
        }

        synchronized String all(Supplier<CompletableFuture<String>> work, String key) {
            assert key != null;
            lock.lock();
            try {
                started.compareAndSet(null, work.get());
                counts.merge(key, 1, Integer::sum);
                Mood mood = Mood.valueOf("CALM");
                String said = switch (key) {
                    case "a" -> "first";
                    default -> mood.name() + new Pair(key, Mood.values().length) + getClass().getSimpleName();
                };
                List.of(1, 2).forEach(i -> Thread.currentThread().getUncaughtExceptionHandler());
                return said + started.get().join() + Runtime.getRuntime().availableProcessors();
            } finally {
                lock.unlock();
            }
        }
    }

    static class Reaches {
        Object all() throws Exception {
            Class<?> agent = Class.forName("net.bytebuddy.agent.Installer");
            agent.getDeclaredField("instrumentation");
            MethodHandles.lookup();
            ServiceLoader.load(Runnable.class);
            new ObjectInputStream(new ByteArrayInputStream(new byte[0]));
            new ProcessBuilder("true");
            System.setProperty("lincheck.logLevel", "all");
            return outside();
        }
    }

    static class OwnThread extends Thread {
        ClassLoader loader() {
            return getContextClassLoader();
        }
    }

    static class OwnLoader extends ClassLoader {
        Class<?> agent() throws ClassNotFoundException {
            return loadClass("net.bytebuddy.agent.Installer");
        }
    }
}
