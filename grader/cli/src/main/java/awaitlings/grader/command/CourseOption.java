package awaitlings.grader.command;

import awaitlings.grader.model.Course;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --course DIR}, the option of every command that works on the course: a picocli mixin. */
final class CourseOption {

    @Option(names = "--course", paramLabel = "DIR",
            description = "The course (default: the course this grader.jar belongs to, else the current folder).")
    Path named;

    /**
     * The course named, else {@link HomeCourse#find()}'s.
     *
     * @throws IllegalArgumentException when that is not a course
     */
    Course course() {
        return HomeCourse.chosen(named);
    }
}
