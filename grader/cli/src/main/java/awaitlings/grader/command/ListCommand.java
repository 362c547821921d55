package awaitlings.grader.command;

import awaitlings.grader.learn.Journal;
import awaitlings.grader.learn.Screen;
import awaitlings.grader.model.Course;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code grader list}: every exercise, done or not, with its points at its last check. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists every exercise: done, failing (with its points at its last check) or not checked yet.")
final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CourseOption course;

    @Override
    public Integer call() {
        Course clone = course.course();
        spec.commandLine().getOut().print(new Screen(clone).list(Journal.of(clone.root())));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
