package awaitlings.grader.command;

import awaitlings.grader.packaging.Platform;
import awaitlings.grader.packaging.PlatformFiles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code grader package PLATFORM --out DIR}: writes the files that plug the course into a platform. */
@Command(name = "package", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes the files that plug the course into a platform:",
                "classroom: .github/workflows/classroom.yml for the student copy (grades each push, reports to GitHub Classroom);",
                "exercism: bin/run.sh (Exercism's test-runner interface) and the Dockerfile of its image."})
final class PackageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PLATFORM", description = "classroom or exercism.")
    String platform;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Where the files go: for classroom, the root of the student copy.")
    Path out;

    @Option(names = "--force", description = "Replace files that exist already.")
    boolean force;

    @Override
    public Integer call() {
        for (Path written : PlatformFiles.write(Platform.named(platform), out, force)) {
            spec.commandLine().getOut().println("wrote " + written.toAbsolutePath().normalize());
        }
        return 0;
    }
}
