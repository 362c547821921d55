package awaitlings.grader.run;

import awaitlings.grader.files.Permissions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How a graded JVM is started: where the OS allows it (root, with util-linux's unshare, setpriv and prlimit), in a
 * network namespace of its own with no network, as an unprivileged user of its own, with a cap on its processes
 * and threads; elsewhere as a plain child process, and the result says so.
 */
public final class Sandbox {

    /** Each graded JVM gets a user id of its own, so one's thread bomb cannot starve another's thread budget. */
    private static final int FIRST_UID = 200_000;
    private static final int MAX_PROCESSES = 512;
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Sandbox DETECTED = detect();

    private final boolean isolated;
    private final String note;

    private Sandbox(boolean isolated, String note) {
        this.isolated = isolated;
        this.note = note;
    }

    public static Sandbox detected() {
        return DETECTED;
    }

    /**
     * The sandbox to grade with: the detected one, unless a graded JVM running as a user of its own could not read
     * the work folders, or they (or the JDK) sit inside the course checkout, which the sandbox hides.
     */
    public static Sandbox forGrading(Path course, Path tests, Path workspace) {
        if (!DETECTED.isolated()) {
            return DETECTED;
        }
        if (!(Permissions.reachableByOthers(workspace) && Permissions.reachableByOthers(tests))) {
            return plain("The graded code ran as the grader's own user, with the network reachable: the work"
                    + " folders sit in a folder other users cannot enter, so a sandboxed JVM could not read them.");
        }
        if (workspace.startsWith(course) || tests.startsWith(course) || Path.of(System.getProperty("java.home")).startsWith(course)) {
            return plain("The graded code ran unsandboxed: the work folders or the JDK sit inside the course"
                    + " checkout, which the sandbox hides from graded code.");
        }
        return DETECTED;
    }

    /** A sandbox that only forks, for the grader's own tests of what happens without one. */
    public static Sandbox plain(String why) {
        return new Sandbox(false, why);
    }

    /** Whether graded JVMs run without network, as their own user, with a process cap. */
    public boolean isolated() {
        return isolated;
    }

    /** Why there is no isolation, for the result's notes; empty when isolated. */
    public String note() {
        return note;
    }

    /**
     * {@code command}, wrapped to run inside the sandbox, where {@code hidden} (the course checkout, with its
     * solutions) is covered by an empty read-only folder: the graded JVM needs nothing from it.
     */
    List<String> wrap(List<String> command, Path hidden) {
        if (!isolated) {
            return command;
        }
        int id = FIRST_UID + NEXT.getAndIncrement() % 10_000;
        List<String> wrapped = new ArrayList<>(List.of("unshare", "--net", "--mount", "--propagation", "private",
                "sh", "-c", "mount -t tmpfs -o ro,size=4k none \"$0\" && exec \"$@\"", hidden.toString(),
                "setpriv", "--reuid=" + id, "--regid=" + id, "--clear-groups", "prlimit", "--nproc=" + MAX_PROCESSES, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static Sandbox detect() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return plain("The graded code ran as the grader's own user, with the network reachable: "
                    + "isolation needs the grader to run as root on Linux.");
        }
        for (String tool : List.of("unshare", "setpriv", "prlimit")) {
            if (!Files.isExecutable(Path.of("/usr/bin", tool)) && !Files.isExecutable(Path.of("/bin", tool))) {
                return plain("The graded code ran with the network reachable and without a thread cap: " + tool + " is missing.");
            }
        }
        try {
            Process probe = new ProcessBuilder("unshare", "--net", "--mount", "--propagation", "private", "sh", "-c",
                    "mount -t tmpfs -o ro,size=4k none /mnt").redirectErrorStream(true).start();
            probe.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            if (!probe.waitFor(10, TimeUnit.SECONDS) || probe.exitValue() != 0) {
                return plain("The graded code ran with the network reachable: this machine refuses new network or mount namespaces.");
            }
        } catch (IOException e) {
            return plain("The graded code ran with the network reachable: unshare could not start (" + e.getMessage() + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return plain("The graded code ran with the network reachable: the sandbox check was interrupted.");
        }
        return new Sandbox(true, "");
    }
}
