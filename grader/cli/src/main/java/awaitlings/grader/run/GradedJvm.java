package awaitlings.grader.run;

import awaitlings.grader.compile.CompiledTests;
import awaitlings.grader.model.Check;
import awaitlings.grader.model.GradeOptions;
import awaitlings.grader.model.TextCap;
import awaitlings.grader.model.Verdict;
import awaitlings.grader.sandbox.ForkedJvm;
import awaitlings.grader.sandbox.Jail;
import awaitlings.grader.sandbox.OutputCap;
import awaitlings.grader.sandbox.Sandbox;
import awaitlings.harness.ExploresInterleavings;
import awaitlings.harness.HintedFailure;
import awaitlings.harness.Interleavings;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs the checks of each exercise in JVMs of its own, until every check has a verdict: when a check kills its JVM
 * or has to be killed, it alone fails and a new JVM runs the checks after it; a JVM that dies before it reports
 * anything is tried once more. Each JVM sees only the libraries, this exercise's tests and this submission's
 * classes for it (a {@link Jail} in the {@link Sandbox}), has a heap cap, cannot be attached to, and runs without
 * {@code sun.misc.Unsafe}. The checks that explore interleavings ({@link ExploresInterleavings}) run after the
 * others, in a JVM of their own that loads the explorer's agent and lends it {@code sun.misc.Unsafe}: only once the
 * learner's classes are found to name none of that ({@link Interleavings#refusal}), and with them on its class path,
 * where the explorer looks for them.
 */
public final class GradedJvm {

    /**
     * Exercises of one submission run at once: their checks mostly wait on deliberate latencies, so two JVMs share a
     * core well, and verdicts come from structure, not speed.
     */
    static final int AT_ONCE = 2;
    /** What is kept of each exercise's output, at its start and at its end. */
    static final int OUTPUT_KEEP = 8 * 1024;
    /** How long a JVM may go without finishing a check beyond the check's own limit before it is killed. */
    private static final long STALL_GRACE_NANOS = TimeUnit.SECONDS.toNanos(20);
    private static final long CONNECT_MILLIS = TimeUnit.SECONDS.toMillis(60);
    private static final long POLL_MILLIS = 100;
    private static final long FINISH_MILLIS = TimeUnit.SECONDS.toMillis(2);

    private final CompiledTests tests;
    private final Path root;
    private final GradeOptions options;
    private final Sandbox sandbox;

    /**
     * @param root the submission's private folder, where each JVM gets a folder of its own
     */
    public GradedJvm(CompiledTests tests, Path root, GradeOptions options, Sandbox sandbox) {
        this.tests = tests;
        this.root = root;
        this.options = options;
        this.sandbox = sandbox;
    }

    /** One exercise to run: the course's compiled tests and the learner's compiled classes. */
    public record Exercise(CompiledTests.CompiledExercise compiled, Path classes) {
    }

    /** The verdict of every check that ran, which exercises crashed or timed out, and what the JVMs printed. */
    public record Outcome(Map<Check, Verdict> verdicts, Set<String> crashed, Set<String> timedOut, String output) {
    }

    /** The two kinds of graded JVM: the plain one, and the one that loads the explorer of interleavings. */
    enum Kind {
        PLAIN, EXPLORER;

        boolean runs(CompiledTests.Target check) {
            return check.explores() == (this == EXPLORER);
        }
    }

    /** How one JVM ended, as far as the grader could tell. */
    enum End { FINISHED, DIED, STALLED, OUT_OF_BUDGET, FLOODED, NEVER_REPORTED, NOT_STARTED }

    /** What one JVM reported, and how it ended; {@code problem} says why it could not start. */
    record Attempt(List<String> lines, End end, int exitCode, String problem) {

        Attempt(List<String> lines, End end, int exitCode) {
            this(lines, end, exitCode, "");
        }
    }

    /**
     * Runs every check of {@code exercises} until each has a verdict or the budget ends at {@code deadlineNanos}
     * ({@link System#nanoTime()}).
     */
    public Outcome run(List<Exercise> exercises, long deadlineNanos) {
        return run(exercises, deadlineNanos, List.of());
    }

    /**
     * As {@link #run(List, long)}, with the first JVM of each exercise one of {@code standbys} if one was started
     * ahead for it; all of them are ended either way.
     */
    public Outcome run(List<Exercise> exercises, long deadlineNanos, List<Standby> standbys) {
        try {
            return runAll(exercises, deadlineNanos, standbys);
        } finally {
            standbys.forEach(Standby::close);
        }
    }

    private Outcome runAll(List<Exercise> exercises, long deadlineNanos, List<Standby> standbys) {
        Map<Check, Verdict> verdicts = new ConcurrentHashMap<>();
        Set<String> crashed = ConcurrentHashMap.newKeySet();
        Set<String> timedOut = ConcurrentHashMap.newKeySet();
        Map<String, OutputCap> outputs = new LinkedHashMap<>();
        exercises.forEach(exercise -> outputs.put(exercise.compiled().exercise(),
                aheadFor(exercise, standbys).map(ahead -> ahead.output).orElseGet(() -> new OutputCap(OUTPUT_KEEP))));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(AT_ONCE, exercises.size())), runner -> {
            Thread thread = new Thread(runner, "graded-exercise");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Exercise exercise : exercises) {
                Optional<Standby> ahead = aheadFor(exercise, standbys);
                running.add(pool.submit(() -> run(exercise, ahead, deadlineNanos, verdicts, crashed, timedOut,
                        outputs.get(exercise.compiled().exercise()))));
            }
            for (Future<?> exercise : running) {
                exercise.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while grading", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        StringBuilder output = new StringBuilder();
        outputs.forEach((exercise, printed) -> {
            if (!printed.text().isEmpty()) {
                output.append("── ").append(exercise).append(" ──").append(System.lineSeparator()).append(printed.text())
                        .append(System.lineSeparator());
            }
        });
        return new Outcome(verdicts, crashed, timedOut, output.toString());
    }

    private static Optional<Standby> aheadFor(Exercise exercise, List<Standby> standbys) {
        return standbys.stream().filter(standby -> standby.exercise.equals(exercise)).findFirst();
    }

    private void run(Exercise exercise, Optional<Standby> standby, long deadlineNanos, Map<Check, Verdict> verdicts,
                     Set<String> crashed, Set<String> timedOut, OutputCap output) {
        run(Kind.PLAIN, exercise, standby, deadlineNanos, verdicts, crashed, timedOut, output);
        Map<Check, CompiledTests.Target> exploring = checks(exercise, Kind.EXPLORER);
        if (exploring.isEmpty()) {
            return;
        }
        Optional<HintedFailure> refused = refusal(exercise);
        if (refused.isPresent()) {
            exploring.keySet().forEach(check -> verdicts.put(check, new Verdict(check, false,
                    TextCap.cut(refused.get().getMessage(), TextCap.MESSAGE), refused.get().hint(), Duration.ZERO)));
        } else {
            run(Kind.EXPLORER, exercise, Optional.empty(), deadlineNanos, verdicts, crashed, timedOut, output);
        }
    }

    /** Why the learner's classes may not run beside the explorer's agent; class files it cannot read may not either. */
    private static Optional<HintedFailure> refusal(Exercise exercise) {
        try {
            return Interleavings.refusal(exercise.classes());
        } catch (RuntimeException unreadable) {
            return Optional.of(new HintedFailure("The grader could not read your compiled classes to see whether the race"
                    + " checks may run them (" + unreadable + "), so they did not run.", "Compile your code with javac as it is."));
        }
    }

    private static Map<Check, CompiledTests.Target> checks(Exercise exercise, Kind kind) {
        Map<Check, CompiledTests.Target> checks = new LinkedHashMap<>();
        exercise.compiled().checks().forEach((check, target) -> {
            if (kind.runs(target)) {
                checks.put(check, target);
            }
        });
        return checks;
    }

    private void run(Kind kind, Exercise exercise, Optional<Standby> standby, long deadlineNanos, Map<Check, Verdict> verdicts,
                     Set<String> crashed, Set<String> timedOut, OutputCap output) {
        String name = exercise.compiled().exercise();
        Map<String, Check> byId = new HashMap<>();
        Map<Check, CompiledTests.Target> remaining = checks(exercise, kind);
        remaining.keySet().forEach(check -> byId.put(check.id(), check));
        boolean retried = false;
        for (int attempt = 1; !remaining.isEmpty(); attempt++) {
            if (System.nanoTime() >= deadlineNanos) {
                remaining.keySet().forEach(check -> verdicts.put(check, new Verdict(check, false,
                        "This check did not run: the submission used up its time budget of " + options.budget().toSeconds() + " s before it.")));
                timedOut.add(name);
                return;
            }
            Attempt run = attempt == 1 && standby.isPresent() ? goAhead(standby.get(), deadlineNanos)
                    : start(kind, exercise, attempt, remaining, output, deadlineNanos);
            int before = remaining.size();
            String current = null;
            for (String line : run.lines()) {
                String[] part = line.split("\t", -1);
                if (part[0].equals("START") && part.length == 3 && part[1].equals(name)) {
                    current = part[2];
                } else if (part[0].equals("END") && (part.length == 7 || part.length == 8) && part[1].equals(name)) {
                    Check check = byId.get(part[2]);
                    if (check != null && remaining.remove(check) != null) {
                        boolean passed = part[3].equals("PASS");
                        verdicts.put(check, new Verdict(check, passed, TextCap.cut(decode(part[4]), TextCap.MESSAGE),
                                passed ? check.hint() : TextCap.cut(decode(part[5]), TextCap.MESSAGE), millis(part[6]),
                                passed || part.length == 7 ? List.of() : TimelineField.decode(part[7])));
                    }
                    current = null;
                }
            }
            Check culprit = current == null ? null : byId.get(current);
            if (culprit != null && remaining.remove(culprit) != null) {
                verdicts.put(culprit, new Verdict(culprit, false, causeOfDeath(run, output.text())));
                (run.end() == End.DIED ? crashed : timedOut).add(name);
            }
            if (remaining.size() == before && !remaining.isEmpty()) {
                if (!retried) {
                    retried = true; // a JVM can fail to start for reasons of the moment: one more try
                    continue;
                }
                String why = "The grader could not run this check: the graded JVM ended before it ran any (" + ending(run)
                        + "). What it printed:" + System.lineSeparator() + TextCap.cut(output.text(), TextCap.MESSAGE);
                remaining.keySet().forEach(check -> verdicts.put(check, new Verdict(check, false, why)));
                return;
            }
        }
    }

    private Attempt start(Kind kind, Exercise exercise, int attempt, Map<Check, CompiledTests.Target> remaining, OutputCap output,
                          long deadlineNanos) {
        try (Started jvm = launch(kind, exercise, attempt, remaining, output)) {
            return go(jvm, deadlineNanos);
        } catch (IOException | UncheckedIOException e) {
            // The grader's own trouble of the moment (a full disk, no free user id): tried once more, then told.
            return new Attempt(List.of(), End.NOT_STARTED, -1, e.getMessage());
        }
    }

    /**
     * A JVM started for every plain check of {@code exercise} before its classes are there, as the learner's recheck
     * starts one while the learner edits: it waits, having loaded nothing of the learner's, until {@link #run} with
     * it lets it go. Closing it ends it if it never went.
     */
    public Standby standBy(Exercise exercise) throws IOException {
        OutputCap output = new OutputCap(OUTPUT_KEEP);
        return new Standby(exercise, output, launch(Kind.PLAIN, exercise, 1, checks(exercise, Kind.PLAIN), output));
    }

    /** A graded JVM started ahead ({@link #standBy}). */
    public static final class Standby implements AutoCloseable {
        private final Exercise exercise;
        private final OutputCap output;
        private final Started jvm;
        private boolean closed;

        private Standby(Exercise exercise, OutputCap output, Started jvm) {
            this.exercise = exercise;
            this.output = output;
            this.jvm = jvm;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                try {
                    jvm.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private Attempt goAhead(Standby standby, long deadlineNanos) {
        try {
            return go(standby.jvm, deadlineNanos);
        } catch (IOException | UncheckedIOException e) {
            return new Attempt(List.of(), End.NOT_STARTED, -1, e.getMessage());
        } finally {
            standby.close();
        }
    }

    /** A JVM started with its plan and token, its channel listening; the checks run once it is let go. */
    private record Started(Kind kind, ForkedJvm jvm, ReportChannel channel) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try (channel) {
                jvm.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while ending a graded JVM", e);
            }
        }
    }

    private Started launch(Kind kind, Exercise exercise, int attempt, Map<Check, CompiledTests.Target> remaining, OutputCap output)
            throws IOException {
        String jvmName = "jvm-" + exercise.compiled().exercise() + (kind == Kind.EXPLORER ? "-explorer-" : "-") + attempt;
        Path dir = Files.createDirectories(root.resolve(jvmName));
        Path plan = dir.resolve("plan.json");
        List<Path> visible = new ArrayList<>(tests.libraries());
        visible.addAll(exercise.compiled().testRoots());
        visible.add(exercise.classes());
        visible.add(plan);
        ReportChannel channel = ReportChannel.open();
        try {
            visible.add(channel.socket().getParent());
            new ObjectMapper().writeValue(plan.toFile(), plan(channel.socket(), exercise, remaining));
            ForkedJvm jvm = sandbox.start(Jail.readOnly(visible), dir, javaArgs(kind, exercise, plan), output);
            handOver(jvm, channel.token());
            return new Started(kind, jvm, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Lets a started JVM run its checks, once it proved itself on its channel, and watches it to its end. */
    private Attempt go(Started started, long deadlineNanos) throws IOException {
        ForkedJvm jvm = started.jvm();
        try {
            if (!started.channel().accept(Math.min(CONNECT_MILLIS, millisUntil(deadlineNanos)), jvm::isAlive)) {
                jvm.kill();
                return new Attempt(List.of(), End.NEVER_REPORTED, jvm.exitCode());
            }
            return watch(started.kind(), jvm, started.channel(), deadlineNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while grading", e);
        }
    }

    /** Gives the JVM its token; one that already died takes nothing, which {@link ReportChannel#accept} then sees. */
    private static void handOver(ForkedJvm jvm, String token) {
        try (var stdin = jvm.stdin()) {
            stdin.write((token + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException alreadyGone) {
            // The attempt ends as one that never reported.
        }
    }

    /**
     * Reads the JVM's reports until it ends; kills it when it stalls past a check's limit, the budget runs out, or
     * it floods the channel.
     */
    private Attempt watch(Kind kind, ForkedJvm jvm, ReportChannel channel, long deadlineNanos) throws InterruptedException {
        BlockingQueue<Optional<String>> lines = new ArrayBlockingQueue<>(1024);
        Thread reader = new Thread(() -> {
            try {
                for (Optional<String> line = channel.nextLine(); ; line = channel.nextLine()) {
                    lines.put(line);
                    if (line.isEmpty()) {
                        return;
                    }
                }
            } catch (ReportChannel.Flood flood) {
                lines.offer(Optional.of("FLOOD"));
            } catch (IOException | InterruptedException closed) {
                lines.offer(Optional.empty());
            }
        }, "graded-jvm-reports");
        reader.setDaemon(true);
        reader.start();
        List<String> received = new ArrayList<>();
        long stallNanos = limit(kind).toNanos() + STALL_GRACE_NANOS;
        long lastProgress = System.nanoTime();
        End end = null;
        while (end == null) {
            Optional<String> line = lines.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            long now = System.nanoTime();
            if (line == null) {
                end = now >= deadlineNanos ? End.OUT_OF_BUDGET : now - lastProgress > stallNanos ? End.STALLED : null;
            } else if (line.isEmpty()) {
                end = End.DIED; // the stream ended without DONE: the JVM is gone
            } else if (line.get().equals("DONE")) {
                end = End.FINISHED;
            } else if (line.get().equals("FLOOD")) {
                end = End.FLOODED;
            } else {
                received.add(line.get());
                lastProgress = now;
            }
        }
        if (end == End.FINISHED) {
            jvm.awaitEnd(FINISH_MILLIS, TimeUnit.MILLISECONDS); // it halts right after DONE
        } else if (end == End.DIED) {
            jvm.waitFor(5, TimeUnit.SECONDS); // let it finish ending, so its own exit code is what is seen
        }
        jvm.kill();
        return new Attempt(received, end, jvm.exitCode());
    }

    /** The longest a check of this kind of JVM may run. */
    private Duration limit(Kind kind) {
        Duration explorer = Duration.ofSeconds(ExploresInterleavings.SECONDS);
        return kind == Kind.EXPLORER && explorer.compareTo(options.testLimit()) > 0 ? explorer : options.testLimit();
    }

    private List<String> javaArgs(Kind kind, Exercise exercise, Path plan) {
        List<String> args = new ArrayList<>(List.of("-Xmx" + options.heapMegabytes() + "m", "-XX:+ExitOnOutOfMemoryError",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-XX:+DisableAttachMechanism",
                "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8"));
        String classpath = tests.classpath();
        if (kind == Kind.PLAIN) {
            // No sun.misc.Unsafe (jdk.unsupported), no attach API, no debugger agent: only the Java SE platform and the
            // JDK's HTTP server, which exercises may use.
            args.addAll(List.of("--limit-modules", "java.se,jdk.httpserver"));
        } else {
            // The explorer's agent from the start (no attach API still), and the Unsafe it reads fields with; the
            // learner's classes were found to name neither. Class data sharing is off: the agent's classes on the
            // boot class path would make the JVM warn that it is.
            args.addAll(List.of("-javaagent:" + ExplorerAgent.in(tests.libraries()), "-Xshare:off",
                    "--limit-modules", "java.se,jdk.httpserver,jdk.unsupported"));
            if (Runtime.version().feature() >= 23) {
                args.add("--sun-misc-unsafe-memory-access=allow");
            }
            // The explorer finds the classes it follows by name, from its own class loader.
            List<Object> entries = new ArrayList<>(List.of(classpath));
            entries.addAll(exercise.compiled().testRoots());
            entries.add(exercise.classes());
            classpath = CompiledTests.join(entries.toArray());
        }
        args.addAll(List.of("-cp", classpath, CheckRunner.class.getName(), plan.toString()));
        return args;
    }

    private RunPlan plan(Path socket, Exercise exercise, Map<Check, CompiledTests.Target> remaining) {
        List<String> classpath = new ArrayList<>();
        exercise.compiled().testRoots().forEach(p -> classpath.add(p.toString()));
        classpath.add(exercise.classes().toString());
        List<RunPlan.Step> steps = remaining.entrySet().stream()
                .map(e -> new RunPlan.Step(e.getKey().id(), e.getValue().className(), e.getValue().method())).toList();
        return new RunPlan(socket.toString(), options.testLimit().toMillis() + " ms", exercise.compiled().exercise(), classpath, steps);
    }

    private String causeOfDeath(Attempt run, String output) {
        return switch (run.end()) {
            case OUT_OF_BUDGET -> "The submission used up its time budget of " + options.budget().toSeconds()
                    + " s during this check, so the JVM running it was stopped.";
            case STALLED -> "This check was still running well after its time limit of " + options.testLimit().toSeconds()
                    + " s and could not be stopped, so the JVM running it was killed. Look for an endless loop that ignores interrupts.";
            case FLOODED -> "This check's JVM sent the grader more reports than any check makes, so it was stopped.";
            default -> output.contains("java.lang.OutOfMemoryError")
                    ? "This check ran out of memory (the heap is capped at " + options.heapMegabytes() + " MB): something keeps everything it makes."
                    : "This check ended the JVM that ran it (exit code " + run.exitCode() + "): your code called System.exit or"
                    + " Runtime.halt, or crashed the JVM. A method should throw an exception, never end the program.";
        };
    }

    private static String ending(Attempt run) {
        return switch (run.end()) {
            case NOT_STARTED -> "it could not be started: " + run.problem();
            case NEVER_REPORTED -> "it never connected to the grader";
            default -> "exit code " + run.exitCode();
        };
    }

    /** A check's running time as its runner sent it; zero when the text is not a count of milliseconds. */
    private static Duration millis(String text) {
        try {
            return Duration.ofMillis(Math.max(0, Long.parseLong(text)));
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "(the check's message could not be read)";
        }
    }

    private static long millisUntil(long deadlineNanos) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }
}
