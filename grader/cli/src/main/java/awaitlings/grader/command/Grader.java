package awaitlings.grader.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The grader's command line: {@code java -jar grader.jar grade SUBMISSION…}, and {@code merge DIR…} for a batch
 * graded in shards; {@code verify} to prove the course sound before a semester; {@code export --out DIR} for the
 * learners' copy; {@code package} to write a platform's files, and {@code gradescope} and {@code exercism} for the
 * platforms to call, one submission or exercise at a time; and the learner's loop: {@code watch}, {@code hint},
 * {@code list} and {@code next}. A mistake in what the user typed ends with one line on
 * standard error, {@code grader: …}, and exit code 2 — never a stack trace.
 */
@Command(name = "grader", mixinStandardHelpOptions = true, versionProvider = Grader.Version.class,
        description = "Grades awaitlings submissions, verifies and exports the course, plugs it into the platforms, and"
                + " watches a learner's exercise.",
        subcommands = {GradeCommand.class, MergeCommand.class, VerifyCommand.class, ExportCommand.class, PackageCommand.class,
                GradescopeCommand.class, ExercismCommand.class, WatchCommand.class, HintCommand.class, ListCommand.class,
                NextCommand.class})
public final class Grader implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine(CommandLine.defaultFactory()).execute(args));
    }

    /** The command line with its error handling; {@code factory} makes the commands (tests hand in their own). */
    public static CommandLine commandLine(CommandLine.IFactory factory) {
        return new CommandLine(new Grader(), factory)
                .setParameterExceptionHandler(USAGE_MISTAKE)
                .setExecutionExceptionHandler(FAILURE);
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing a command, such as grade");
    }

    /** Picocli's own parse errors (unknown option, missing SUBMISSION, a bad duration) and ours from {@code call()}. */
    private static final IParameterExceptionHandler USAGE_MISTAKE = (ex, args) -> {
        CommandLine command = ex.getCommandLine();
        fail(command.getErr(), ex.getMessage() + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
        return command.getCommandSpec().exitCodeOnInvalidInput();
    };

    /**
     * An {@link IllegalArgumentException} is bad input (no such path, not a course, an unknown format): exit 2. An
     * I/O failure or a course that does not build is not the user's typo but still not a bug: its message, exit 1.
     * Anything else is a bug in the grader, and its stack trace is what fixes it.
     */
    private static final IExecutionExceptionHandler FAILURE = (ex, command, parseResult) -> {
        if (ex instanceof IllegalArgumentException) {
            fail(command.getErr(), ex.getMessage());
            return command.getCommandSpec().exitCodeOnInvalidInput();
        }
        if (ex instanceof IOException || ex instanceof UncheckedIOException || ex instanceof IllegalStateException) {
            command.getErr().println("grader: " + ex.getMessage());
            command.getErr().flush();
            return command.getCommandSpec().exitCodeOnExecutionException();
        }
        throw ex;
    };

    /** One line, even when a message (a path with a newline in it, say) would make two. */
    private static void fail(PrintWriter err, String message) {
        err.println("grader: " + String.valueOf(message).replaceAll("\\R+", " "));
        err.flush();
    }

    /** The version in the jar's manifest, when it was built into one. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Grader.class.getPackage().getImplementationVersion();
            return new String[] {"awaitlings grader " + (version == null ? "(development build)" : version)};
        }
    }
}
