package awaitlings.grader.command;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The {@code --heap MB} of the commands that grade: a graded JVM below 64 MB could not even start the checks. */
final class HeapOption {

    static final int MIN_MEGABYTES = 64;

    private HeapOption() {
    }

    static int checked(CommandSpec spec, int megabytes) {
        if (megabytes < MIN_MEGABYTES) {
            throw new ParameterException(spec.commandLine(), "--heap must be at least " + MIN_MEGABYTES + " (MB), was " + megabytes);
        }
        return megabytes;
    }
}
