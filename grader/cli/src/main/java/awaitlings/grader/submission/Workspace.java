package awaitlings.grader.submission;

import java.nio.file.Path;
import java.util.List;

/**
 * One submission laid over the pristine course, ready to compile: only the learner's {@code src/main} trees.
 *
 * @param id        the submission's id (folder or zip name)
 * @param root      a private folder; {@code root/<exercise>/src/main/java} holds the learner's sources of that exercise
 *                  (absent when the submission has no such folder: then the course's stub is graded)
 * @param tampered  protected files the submission changed, as paths relative to the course root; never used
 * @param notes     anything about the submission an instructor should know (e.g. a zip entry that was refused)
 */
public record Workspace(String id, Path root, List<String> tampered, List<String> notes) {

    /** Where the learner's main sources of {@code exercise} are. */
    public Path sources(String exercise) {
        return root.resolve(exercise).resolve("src/main/java");
    }
}
