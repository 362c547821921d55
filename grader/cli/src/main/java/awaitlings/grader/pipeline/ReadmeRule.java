package awaitlings.grader.pipeline;

import awaitlings.grader.model.Course;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What an exercise's README must hold, the rule the course check applies too: a title with the exercise's number,
 * where the idea comes from in asyncio, the Java idea, the tasks, the hints, and the command that runs its checks.
 */
final class ReadmeRule {

    static final List<String> SECTIONS = List.of("Where this comes from (asyncio)", "The Java idea", "Your tasks", "Hints");

    private ReadmeRule() {
    }

    /** What {@code exercise}'s README lacks, each a short phrase; empty when it has everything. */
    static List<String> missing(Course course, String exercise) {
        Path file = course.exercise(exercise).resolve("README.md");
        if (!Files.isRegularFile(file)) {
            return List.of("no README.md");
        }
        String readme;
        try {
            readme = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> missing = new ArrayList<>();
        String title = "# " + exercise.substring(0, Math.min(2, exercise.length()));
        if (!readme.startsWith(title)) {
            missing.add("does not start with its title, \"" + title + " · …\"");
        }
        for (String section : SECTIONS) {
            if (!readme.contains("## " + section)) {
                missing.add("no " + section + " section");
            }
        }
        String run = "./mvnw test -pl exercises/" + exercise + " -am";
        if (!readme.contains(run)) {
            missing.add("does not say how to run its checks, " + run);
        }
        return missing;
    }
}
