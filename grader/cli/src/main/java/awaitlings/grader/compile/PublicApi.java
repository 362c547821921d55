package awaitlings.grader.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The public face of an exercise's main sources, one line per public type and per public or protected member, so a
 * stub and its solution can be compared: the course's tests are compiled against the stub and run against the
 * solution, so both must offer the same. {@code final} and {@code synchronized} are left out: stubs avoid
 * {@code final} so learners may restructure, and neither changes how callers use the API.
 */
public final class PublicApi {

    private PublicApi() {
    }

    /**
     * Compiles {@code sources} for {@code release} into {@code out} (as a learner's code is compiled: against the
     * JDK only) and describes what it compiled; empty when it does not compile, which grading reports on its own.
     */
    public static Optional<SortedSet<String>> of(Path sources, int release, Path out) {
        if (!Javac.compile(sources, "", out, release).errors().isEmpty()) {
            return Optional.empty();
        }
        SortedSet<String> lines = new TreeSet<>();
        try (URLClassLoader loader = new URLClassLoader(CompiledTests.urls(List.of(out)), ClassLoader.getPlatformClassLoader())) {
            for (String name : ClassNames.in(out)) {
                // Loaded, never initialised: describing a class must not run its code.
                Class<?> type = Class.forName(name, false, loader);
                if (Modifier.isPublic(type.getModifiers()) && !type.isAnonymousClass() && !type.isSynthetic()) {
                    describe(type, lines);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("cannot read the classes compiled from " + sources + ": " + e, e);
        }
        return Optional.of(lines);
    }

    private static void describe(Class<?> type, SortedSet<String> lines) {
        lines.add(clean(Modifier.toString(type.getModifiers()) + " " + type.toGenericString()));
        Stream.concat(Stream.of(type.getDeclaredConstructors()), Stream.of(type.getDeclaredMethods()))
                .filter(PublicApi::isVisible)
                .map(executable -> clean(executable.toGenericString()))
                .forEach(lines::add);
        Stream.of(type.getDeclaredFields())
                .filter(PublicApi::isVisible)
                .map(field -> clean(field.toGenericString()))
                .forEach(lines::add);
    }

    private static boolean isVisible(Member member) {
        return !member.isSynthetic() && (Modifier.isPublic(member.getModifiers()) || Modifier.isProtected(member.getModifiers()));
    }

    private static String clean(String signature) {
        return signature.replaceAll("\\b(final|synchronized) ", "").replaceAll("\\s+", " ").trim();
    }
}
