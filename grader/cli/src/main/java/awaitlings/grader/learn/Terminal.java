package awaitlings.grader.learn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A terminal that hands over each key as it is pressed, not line by line, for as long as this is open; where there
 * is no terminal (or no {@code stty}), nothing changes and keys arrive when Enter is pressed.
 */
public final class Terminal implements AutoCloseable {

    private final String saved;

    private Terminal(String saved) {
        this.saved = saved;
    }

    public static Terminal keyByKey() {
        if (System.console() == null) {
            return new Terminal(null);
        }
        String saved = stty("-g");
        if (saved == null || stty("-icanon min 1") == null) {
            return new Terminal(null);
        }
        return new Terminal(saved.strip());
    }

    @Override
    public void close() {
        if (saved != null) {
            stty(saved);
        }
    }

    /** Runs {@code stty} on the controlling terminal; its output, or null when it failed. */
    private static String stty(String arguments) {
        try {
            Process stty = new ProcessBuilder("sh", "-c", "stty " + arguments + " < /dev/tty").redirectErrorStream(true).start();
            String output = new String(stty.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return stty.waitFor() == 0 ? output : null;
        } catch (IOException unavailable) {
            return null;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
