package awaitlings.grader.command;

import awaitlings.grader.learn.Terminal;
import awaitlings.grader.learn.Watch;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code grader watch [EXERCISE]}: the learner's loop, rechecking an exercise on every save. */
@Command(name = "watch", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Rechecks an exercise on every save of its sources: keys h hint, n next, l list, q quit, Enter recheck.")
final class WatchCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "EXERCISE",
            description = "The exercise: 01, coffee-shop or 01-coffee-shop (default: the first not done).")
    String exercise;

    @Option(names = "--manual", description = "Recheck only when Enter is pressed, for where file watching is unreliable.")
    boolean manual;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "Hang guard of each check (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Mixin
    CourseOption course;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Watch watch = new Watch(course.course(), out, timeout, timeout.multipliedBy(12));
        String first = watch.firstExercise(exercise);
        try (Terminal keys = Terminal.keyByKey()) {
            watch.run(first, System.in, manual);
        }
        return 0;
    }
}
