package awaitlings.grader.command;

import awaitlings.grader.model.Course;
import awaitlings.grader.model.Format;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.pipeline.Merge;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code grader merge DIR…}: puts the results folders of a batch graded in shards ({@code grade --shard K/N}) together
 * with {@link Merge}, and says how it ended: exit 0 when every submission was graded, 1 when some could not be.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Merges the results folders of shards (grade --shard K/N) into the one a single run would have written.")
final class MergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "A results folder that grade --shard wrote.")
    List<Path> folders;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "grading-results",
            description = "Where the merged results go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--formats", paramLabel = "LIST", defaultValue = "all",
            description = "The summaries to write, as a comma list like grade's: csv, html, or all (default: ${DEFAULT-VALUE});"
                    + " each submission's files are copied as its shard wrote them.")
    String formats;

    @Mixin
    CourseOption course;

    @Override
    public Integer call() throws IOException {
        Set<Format> chosen = Format.parse(formats);
        Course pristine = course.course();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file, not a folder");
        }
        PrintWriter console = spec.commandLine().getOut();
        List<SubmissionResult> merged = Merge.merge(folders, out, pristine.exercises(), chosen,
                note -> console.println("note: " + note));
        console.println("merged " + merged.size() + " submissions from " + folders.size() + " folders: results in "
                + out.toAbsolutePath().normalize());
        List<String> failed = merged.stream().filter(result -> !result.graded()).map(SubmissionResult::id).toList();
        if (failed.isEmpty()) {
            return 0;
        }
        spec.commandLine().getErr().println("grader: " + failed.size() + " submission(s) could not be graded: "
                + String.join(", ", failed) + "; grade their shards again to retry them, then merge again");
        return spec.exitCodeOnExecutionException();
    }
}
