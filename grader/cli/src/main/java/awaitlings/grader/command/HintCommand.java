package awaitlings.grader.command;

import awaitlings.grader.learn.Coach;
import awaitlings.grader.learn.Journal;
import awaitlings.grader.model.Course;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code grader hint EXERCISE}: the exercise's next hint, one more each time. */
@Command(name = "hint", mixinStandardHelpOptions = true,
        description = "Shows the next hint of an exercise: for the task that fails first, from a nudge to nearly the answer.")
final class HintCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXERCISE", description = "The exercise: 01, coffee-shop or 01-coffee-shop.")
    String exercise;

    @Mixin
    CourseOption course;

    @Override
    public Integer call() throws Exception {
        Course clone = course.course();
        String named = clone.only(exercise).exercises().get(0);
        spec.commandLine().getOut().println(new Coach(clone, Journal.of(clone.root())).revealHint(named));
        return 0;
    }
}
