package awaitlings.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Loads a page in Debian's real headless Chromium and hands back what it rendered ({@code --dump-dom}: the DOM after
 * load, serialized) and every console line it logged. Chromium logs console messages, uncaught exceptions and
 * Content-Security-Policy refusals alike as {@code INFO:CONSOLE} lines on stderr with {@code --enable-logging=stderr};
 * the rest of stderr is its own noise (no D-Bus in a container, no GPU) and says nothing about the page.
 */
final class HeadlessChromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final long PATIENCE_SECONDS = 120;

    private HeadlessChromium() {
    }

    /** What Chromium made of a page. */
    record Page(String dom, List<String> consoleLines) {
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Loads {@code html} with a fresh profile in {@code scratch}; fails if Chromium does not finish in two minutes. */
    static Page load(Path html, Path scratch) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(scratch.resolve("profile"));
        Path dom = scratch.resolve("dom.html");
        Path log = scratch.resolve("stderr.txt");
        Process chromium = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                "--dump-dom", html.toAbsolutePath().toUri().toString())
                .redirectOutput(dom.toFile())
                .redirectError(log.toFile())
                .start();
        if (!chromium.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
            chromium.descendants().forEach(ProcessHandle::destroyForcibly);
            chromium.destroyForcibly();
            throw new AssertionError("Chromium did not finish loading " + html + " within " + PATIENCE_SECONDS + " s");
        }
        List<String> console = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains(":CONSOLE") || line.contains("Uncaught"))
                .toList();
        return new Page(Files.readString(dom, StandardCharsets.UTF_8), console);
    }
}
