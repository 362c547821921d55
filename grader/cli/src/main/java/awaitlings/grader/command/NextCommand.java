package awaitlings.grader.command;

import awaitlings.grader.learn.Coach;
import awaitlings.grader.learn.Journal;
import awaitlings.grader.model.Course;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code grader next}: what to do now. */
@Command(name = "next", mixinStandardHelpOptions = true, description = "Says what to do now: the first exercise not done, and where to start.")
final class NextCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CourseOption course;

    @Override
    public Integer call() {
        Course clone = course.course();
        spec.commandLine().getOut().println(new Coach(clone, Journal.of(clone.root())).nextStep());
        return 0;
    }
}
