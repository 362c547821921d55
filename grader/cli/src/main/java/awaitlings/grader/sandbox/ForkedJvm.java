package awaitlings.grader.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the {@link Sandbox} started. What it prints goes to an {@link OutputCap}; closing it kills it if it still
 * runs, and in the sandbox that ends everything it started (its whole process namespace), before its user id is
 * handed back and what it wrote is taken back for the grader.
 */
public final class ForkedJvm implements AutoCloseable {

    private static final long DYING_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long DYING_POLL_MILLIS = 5;

    private final Process process;
    private final Thread drain;
    private final Identities.Lease lease;
    private final List<Path> writable;

    private ForkedJvm(Process process, Thread drain, Identities.Lease lease, List<Path> writable) {
        this.process = process;
        this.drain = drain;
        this.lease = lease;
        this.writable = writable;
    }

    static ForkedJvm start(List<String> command, Path workDir, OutputCap output, Identities.Lease lease, List<Path> writable)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        // Nothing of the grader's environment (JAVA_TOOL_OPTIONS, say) reaches the JVM.
        environment.clear();
        environment.put("PATH", "/usr/bin:/bin");
        environment.put("LANG", "C.UTF-8");
        Process process = builder.start();
        Thread drain = new Thread(() -> output.drain(process.getInputStream()), "forked-jvm-output");
        drain.setDaemon(true);
        drain.start();
        return new ForkedJvm(process, drain, lease, writable);
    }

    /** The JVM's standard input: what the grader tells it before anything of the learner's runs. */
    public OutputStream stdin() {
        return process.getOutputStream();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits up to {@code timeout} for the JVM to end; whether it did. */
    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        return process.waitFor(timeout, unit);
    }

    /**
     * Waits up to {@code timeout} for a JVM that ends by itself, as the runner does right after its last report;
     * whatever it started is killed either way. Letting it end is faster than killing it: in the sandbox, a killed
     * JVM's processes take over a second to be gone.
     */
    public void awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        // Taken first: once the JVM has ended, what it started is no longer among its descendants.
        List<ProcessHandle> started = process.descendants().toList();
        process.waitFor(timeout, unit);
        started.forEach(ProcessHandle::destroyForcibly);
    }

    /** The exit code; only once it has ended. */
    public int exitCode() {
        return process.exitValue();
    }

    /**
     * Kills the JVM and, as far as the OS allows, everything it started; returns once all of it has ended, so that its
     * user id may go to another JVM.
     */
    public void kill() throws InterruptedException {
        // Outside the sandbox a child that left the process tree (setsid, a double fork) is out of reach; inside it,
        // every process is a descendant until the namespace is gone.
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
        // Not onExit(): for a process that is not this JVM's child it polls from 300 ms up, which made every ending
        // cost over a second. A process that takes longer than the limit to die has been killed already.
        long limit = System.nanoTime() + DYING_NANOS;
        while (all.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < limit) {
            Thread.sleep(DYING_POLL_MILLIS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            kill();
            drain.join(TimeUnit.SECONDS.toMillis(5));
            for (Path path : writable) {
                Permissions.takeBack(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (lease != null) {
                lease.close();
            }
        }
    }
}
