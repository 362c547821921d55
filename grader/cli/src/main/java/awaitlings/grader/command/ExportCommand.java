package awaitlings.grader.command;

import awaitlings.grader.export.StudentCopy;
import awaitlings.grader.model.Course;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code grader export --out DIR}: writes the learners' copy of the course ({@link StudentCopy}) and says where, and
 * how many exercises it holds.
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes the learners' copy of the course, to push as a template repository:"
                + " exercises, harness and build, without solutions, hidden tests, the grader or instructor-only text.")
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Where the copy goes: a new or empty folder, outside the course.")
    Path out;

    @Option(names = "--force", description = "Replace an earlier export in DIR; everything but its .git is deleted.")
    boolean force;

    @Mixin
    CourseOption course;

    @Override
    public Integer call() throws IOException {
        Course pristine = course.course();
        StudentCopy.Written written = StudentCopy.write(pristine, out, force);
        spec.commandLine().getOut().println("exported " + written.exercises() + " exercises to "
                + written.folder().toAbsolutePath().normalize() + (written.keptGit() ? " (its .git kept as it was)" : ""));
        return 0;
    }
}
