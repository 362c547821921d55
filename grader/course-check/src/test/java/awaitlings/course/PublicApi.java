package awaitlings.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The public face of the classes compiled in one folder, one line per public class and member, so a stub and its
 * solution can be compared. {@code final} and {@code synchronized} are left out: stubs avoid {@code final} so
 * learners may restructure, and neither changes how callers use the API.
 */
final class PublicApi {

    private PublicApi() {
    }

    static List<String> of(Path classes) {
        TreeSet<String> lines = new TreeSet<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, PublicApi.class.getClassLoader());
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, loader);
                if (Modifier.isPublic(type.getModifiers()) && !type.isAnonymousClass() && !type.isSynthetic()) {
                    describe(type, lines);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return new ArrayList<>(lines);
    }

    private static void describe(Class<?> type, TreeSet<String> lines) {
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
