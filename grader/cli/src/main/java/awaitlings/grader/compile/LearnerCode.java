package awaitlings.grader.compile;

import awaitlings.grader.files.Folders;
import awaitlings.grader.model.Course;
import awaitlings.grader.sandbox.ForkedJvm;
import awaitlings.grader.sandbox.Jail;
import awaitlings.grader.sandbox.OutputCap;
import awaitlings.grader.sandbox.Sandbox;
import awaitlings.grader.submission.Workspace;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A submission's code, compiled one exercise at a time so that a compile error costs that exercise only, in a JVM
 * of its own ({@link CompileRunner}) in the sandbox, with a heap cap and a time limit that count against the
 * submission's budget; a learner's own code on their own machine may be compiled in the caller's JVM instead. An exercise the submission has no sources for is the course's stub. A compiled class that
 * would stand in for a class of the checks ({@link CompiledTests#shadows}) is dropped and named.
 *
 * @param classes   the compiled classes of each exercise that compiled, in course order
 * @param errors    why each exercise that did not compile did not: javac's diagnostics, or the compiler's end
 * @param shadowing each dropped class, as the source that declared it and why it was dropped
 */
public record LearnerCode(Map<String, Path> classes, Map<String, String> errors, List<String> shadowing) {

    static final String HEAP = "384m";
    static final long TIME_LIMIT_SECONDS = 60;

    public static LearnerCode compile(Course course, CompiledTests tests, Workspace workspace, Sandbox sandbox, long deadlineNanos) {
        try {
            Path compiled = Files.createDirectories(compiledIn(workspace));
            Path results = Files.createDirectories(compiled.resolve("results"));
            List<Path> visible = new ArrayList<>(tests.libraries());
            List<CompileRunner.Step> steps = steps(course, tests, workspace);
            steps.forEach(step -> visible.add(Path.of(step.sources())));
            Path plan = workspace.root().resolve("compile-plan.json");
            new ObjectMapper().writeValue(plan.toFile(), new CompileRunner.Plan(steps, results.toString()));
            visible.add(plan);
            Ending ending = run(sandbox, new Jail(visible, List.of(compiled)), workspace.root().resolve("compile-jvm"), tests, plan, deadlineNanos);
            ObjectMapper json = new ObjectMapper();
            return collect(tests, steps, step -> {
                Path result = results.resolve(step.exercise() + ".json");
                return Files.isRegularFile(result) ? json.readValue(result.toFile(), CompileRunner.Outcome.class)
                        : new CompileRunner.Outcome(ending.why(), Map.of());
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling", e);
        }
    }

    /**
     * The learner's own code on their own machine, compiled in this JVM: javac runs none of it (annotation processing
     * is off), and a compiler already warmed up by the last save answers in a fraction of a forked one's time.
     */
    public static LearnerCode compileHere(Course course, CompiledTests tests, Workspace workspace) {
        try {
            List<CompileRunner.Step> steps = steps(course, tests, workspace);
            return collect(tests, steps, CompileRunner::compile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where {@link #compileHere} puts the classes of {@code exercise}, known before there are any. */
    public static Path classesFolder(Workspace workspace, String exercise) {
        return compiledIn(workspace).resolve(exercise);
    }

    private static Path compiledIn(Workspace workspace) {
        return workspace.root().resolve("compiled");
    }

    /** One step per exercise: its sources (the course's stub where the submission has none) and its classes' folder. */
    private static List<CompileRunner.Step> steps(Course course, CompiledTests tests, Workspace workspace) throws IOException {
        List<CompileRunner.Step> steps = new ArrayList<>();
        for (CompiledTests.CompiledExercise exercise : tests.exercises()) {
            String name = exercise.exercise();
            Path sources = workspace.sources(name);
            if (!Files.isDirectory(sources)) {
                Folders.copy(course.exercise(name).resolve("src/main/java"), sources);
            }
            steps.add(new CompileRunner.Step(name, sources.toString(), Files.createDirectories(classesFolder(workspace, name)).toString(),
                    exercise.release()));
        }
        return steps;
    }

    /** What compiling one step gave; a step the compiler never got to has the reason as its error. */
    private interface Outcomes {
        CompileRunner.Outcome of(CompileRunner.Step step) throws IOException;
    }

    /** How the compiler's JVM ended, in words for an exercise it left without a result. */
    private record Ending(String why) {
    }

    private static Ending run(Sandbox sandbox, Jail jail, Path jvmDir, CompiledTests tests, Path plan, long deadlineNanos)
            throws IOException, InterruptedException {
        Files.createDirectories(jvmDir);
        OutputCap output = new OutputCap();
        List<String> args = List.of("-Xmx" + HEAP, "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-XX:-UsePerfData", "-XX:+DisableAttachMechanism", "-cp", tests.classpath(), CompileRunner.class.getName(), plan.toString());
        long limit = Math.min(TimeUnit.SECONDS.toNanos(TIME_LIMIT_SECONDS), deadlineNanos - System.nanoTime());
        try (ForkedJvm jvm = sandbox.start(jail, jvmDir, args, output)) {
            if (limit <= 0 || !jvm.waitFor(limit, TimeUnit.NANOSECONDS)) {
                return new Ending(limit < TimeUnit.SECONDS.toNanos(TIME_LIMIT_SECONDS)
                        ? "the submission used up its time budget while its code was being compiled"
                        : "javac took longer than " + TIME_LIMIT_SECONDS + " s on this code, so it was stopped");
            }
            if (output.text().contains("OutOfMemoryError")) {
                return new Ending("javac ran out of memory on this code (its heap is capped at " + HEAP + "B)");
            }
            return new Ending("the compiler stopped before it got to this exercise (exit code " + jvm.exitCode() + "): "
                    + output.text().strip());
        }
    }

    private static LearnerCode collect(CompiledTests tests, List<CompileRunner.Step> steps, Outcomes outcomes) throws IOException {
        Map<String, Path> classes = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> shadowing = new ArrayList<>();
        for (CompileRunner.Step step : steps) {
            CompileRunner.Outcome outcome = outcomes.of(step);
            if (!outcome.errors().isEmpty()) {
                errors.put(step.exercise(), outcome.errors());
                continue;
            }
            Path out = Path.of(step.classes());
            shadowing.addAll(dropShadows(tests, step.exercise(), out, outcome.sources()));
            classes.put(step.exercise(), out);
        }
        return new LearnerCode(classes, errors, shadowing);
    }

    /** Deletes each class file whose class would stand in for one of the checks'; says which source declared it. */
    private static List<String> dropShadows(CompiledTests tests, String exercise, Path out, Map<String, String> sources) throws IOException {
        List<String> dropped = new ArrayList<>();
        for (String name : ClassNames.in(out)) {
            Optional<String> why = tests.shadows(name);
            if (why.isPresent()) {
                Files.delete(out.resolve(name.replace('.', '/') + ".class"));
                String topLevel = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
                String source = sources.getOrDefault(name, sources.getOrDefault(topLevel, "?"));
                dropped.add("exercises/" + exercise + "/src/main/java/" + source + " (declares " + name + ", " + why.get()
                        + "; that class was left out)");
            }
        }
        return dropped;
    }
}
