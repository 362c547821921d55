package awaitlings.grader.run;

import awaitlings.grader.compile.CompiledTests;
import awaitlings.grader.files.Permissions;
import awaitlings.grader.model.Check;
import awaitlings.grader.model.Course;
import awaitlings.grader.model.GradeOptions;
import awaitlings.grader.model.Verdict;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs checks in forked JVMs until every check has a verdict: when a check kills its JVM or has to be killed, it
 * alone fails and a new JVM runs the checks after it. Each JVM has a heap cap and runs inside the {@link Sandbox}.
 */
public final class GradedJvm {

    static final String HEAP = "512m";
    /** How long a JVM may go without finishing a check beyond the check's own limit before it is killed. */
    private static final long STALL_GRACE_NANOS = TimeUnit.SECONDS.toNanos(20);
    private static final long POLL_MILLIS = 100;

    private final Course course;
    private final CompiledTests tests;
    private final Path root;
    private final GradeOptions options;
    private final Sandbox sandbox;

    public GradedJvm(Course course, CompiledTests tests, Path root, GradeOptions options, Sandbox sandbox) {
        this.course = course;
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

    /**
     * Runs every check of {@code exercises} until each has a verdict or the budget ends at {@code deadlineNanos}
     * ({@link System#nanoTime()}).
     */
    public Outcome run(List<Exercise> exercises, long deadlineNanos) {
        Permissions.shareWithOthers(root);
        Map<String, Check> byKey = new HashMap<>();
        Map<Check, Exercise> remaining = new LinkedHashMap<>();
        for (Exercise exercise : exercises) {
            exercise.compiled().checks().keySet().forEach(check -> {
                remaining.put(check, exercise);
                byKey.put(check.exercise() + "\t" + check.id(), check);
            });
        }
        Map<Check, Verdict> verdicts = new HashMap<>();
        Set<String> crashed = new HashSet<>();
        Set<String> timedOut = new HashSet<>();
        OutputCap output = new OutputCap();
        for (int attempt = 1; !remaining.isEmpty(); attempt++) {
            if (System.nanoTime() >= deadlineNanos) {
                remaining.keySet().forEach(check -> {
                    verdicts.put(check, new Verdict(check, false, "This check did not run: the submission used up its time budget of "
                            + options.budget().toSeconds() + " s before it."));
                    timedOut.add(check.exercise());
                });
                break;
            }
            Attempt run = start(attempt, remaining, output, deadlineNanos);
            List<String> lines = run.events();
            String current = null;
            int ended = 0;
            for (String line : lines) {
                String[] part = line.split("\t", -1);
                if (part[0].equals("START") && part.length == 3) {
                    current = part[1] + "\t" + part[2];
                } else if (part[0].equals("END") && part.length == 5) {
                    Check check = byKey.get(part[1] + "\t" + part[2]);
                    if (check != null && remaining.remove(check) != null) {
                        verdicts.put(check, new Verdict(check, part[3].equals("PASS"),
                                new String(Base64.getDecoder().decode(part[4]), StandardCharsets.UTF_8)));
                        ended++;
                    }
                    current = null;
                }
            }
            Check culprit = current == null ? null : byKey.get(current);
            if (culprit != null && remaining.remove(culprit) != null) {
                verdicts.put(culprit, new Verdict(culprit, false, run.causeOfDeath(options, output.text())));
                (run.killed() ? timedOut : crashed).add(culprit.exercise());
            } else if (ended == 0) {
                // Nothing ran at all: the JVM itself could not start or run, and trying again would loop forever.
                String why = "The grader could not run this check (the graded JVM exited with " + run.exitCode() + "). Its output:"
                        + System.lineSeparator() + output.text();
                remaining.keySet().forEach(check -> verdicts.put(check, new Verdict(check, false, why)));
                break;
            }
        }
        return new Outcome(verdicts, crashed, timedOut, output.text());
    }

    private Attempt start(int attempt, Map<Check, Exercise> remaining, OutputCap output, long deadlineNanos) {
        try {
            Path dir = Files.createDirectories(root.resolve("jvm-" + attempt));
            Path scratch = Files.createDirectories(dir.resolve("tmp"));
            Path events = Files.createFile(dir.resolve("events.log"));
            Path plan = dir.resolve("plan.json");
            writeJson(plan, plan(events, remaining));
            Permissions.shareWithOthers(dir);
            Permissions.openToAll(scratch);
            Permissions.openToAll(events);
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + HEAP, "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Djava.io.tmpdir=" + scratch, "-Duser.home=" + scratch, "-Djava.awt.headless=true",
                    "-cp", tests.classpath(), CheckRunner.class.getName(), plan.toString());
            Process process = new ProcessBuilder(sandbox.wrap(command, course.root())).directory(scratch.toFile()).redirectErrorStream(true).start();
            Thread drain = new Thread(() -> output.drain(process.getInputStream()), "graded-jvm-output");
            drain.setDaemon(true);
            drain.start();
            boolean killed = watch(process, events, deadlineNanos);
            drain.join(TimeUnit.SECONDS.toMillis(5));
            return new Attempt(Files.readAllLines(events, StandardCharsets.UTF_8), process.exitValue(), killed,
                    System.nanoTime() >= deadlineNanos);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while grading", e);
        }
    }

    /** Waits for the JVM; kills it when it stalls past a check's limit or the budget runs out. Returns whether it was killed. */
    private boolean watch(Process process, Path events, long deadlineNanos) throws IOException, InterruptedException {
        long stallNanos = options.testLimit().toNanos() + STALL_GRACE_NANOS;
        long lastSize = -1;
        long lastProgress = System.nanoTime();
        while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            long size = Files.size(events);
            long now = System.nanoTime();
            if (size != lastSize) {
                lastSize = size;
                lastProgress = now;
            }
            if (now - lastProgress > stallNanos || now >= deadlineNanos) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor();
                return true;
            }
        }
        return false;
    }

    private RunPlan plan(Path events, Map<Check, Exercise> remaining) {
        Map<Exercise, List<RunPlan.Step>> steps = new LinkedHashMap<>();
        remaining.forEach((check, exercise) -> {
            CompiledTests.Target target = exercise.compiled().checks().get(check);
            steps.computeIfAbsent(exercise, e -> new ArrayList<>()).add(new RunPlan.Step(check.id(), target.className(), target.method()));
        });
        List<RunPlan.Exercise> planned = new ArrayList<>();
        steps.forEach((exercise, list) -> {
            List<String> classpath = new ArrayList<>();
            classpath.add(exercise.classes().toString());
            exercise.compiled().testRoots().forEach(p -> classpath.add(p.toString()));
            planned.add(new RunPlan.Exercise(exercise.compiled().exercise(), classpath, list));
        });
        return new RunPlan(events.toString(), options.testLimit().toMillis() + " ms", planned);
    }

    /** How one graded JVM ended. */
    record Attempt(List<String> events, int exitCode, boolean killed, boolean outOfBudget) {

        String causeOfDeath(GradeOptions options, String output) {
            if (killed && outOfBudget) {
                return "The submission used up its time budget of " + options.budget().toSeconds()
                        + " s during this check, so the JVM running it was stopped.";
            }
            if (killed) {
                return "This check was still running well after its time limit of " + options.testLimit().toSeconds()
                        + " s and could not be stopped, so the JVM running it was killed. Look for an endless loop"
                        + " that ignores interrupts.";
            }
            if (output.contains("java.lang.OutOfMemoryError")) {
                return "This check ran out of memory (the heap is capped at " + HEAP + "B): something keeps everything it makes.";
            }
            return "This check ended the JVM that ran it (exit code " + exitCode + "): your code called System.exit or"
                    + " Runtime.halt, or crashed the JVM. A method should throw an exception, never end the program.";
        }
    }

    private static void writeJson(Path file, Object value) throws IOException {
        Files.writeString(file, new ObjectMapper().writeValueAsString(value), StandardCharsets.UTF_8);
    }
}
