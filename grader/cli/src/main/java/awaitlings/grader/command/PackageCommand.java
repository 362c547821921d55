package awaitlings.grader.command;

import awaitlings.grader.packaging.GradescopeZip;
import awaitlings.grader.packaging.Platform;
import awaitlings.grader.packaging.PlatformFiles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code grader package PLATFORM --out PATH}: writes the files that plug the course into a platform. */
@Command(name = "package", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes the files that plug the course into a platform:",
                "gradescope: --out FILE.zip, the autograder zip (setup.sh, run_autograder and the course, hidden tests included);",
                "classroom: .github/workflows/classroom.yml for the student copy (grades each push, reports to GitHub Classroom);",
                "exercism: bin/run.sh (Exercism's test-runner interface) and the Dockerfile of its image."})
final class PackageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PLATFORM", description = "gradescope, classroom or exercism.")
    String platform;

    @Option(names = "--out", paramLabel = "PATH", required = true,
            description = "gradescope: the zip to write; classroom: the root of the student copy; exercism: a folder.")
    Path out;

    @Option(names = "--force", description = "Replace files that exist already.")
    boolean force;

    @Mixin
    CourseOption course;

    @Override
    public Integer call() {
        Platform chosen = Platform.named(platform);
        if (chosen == Platform.GRADESCOPE) {
            GradescopeZip.write(course.course(), out, force);
            spec.commandLine().getOut().println("wrote " + out.toAbsolutePath().normalize());
            return 0;
        }
        for (Path written : PlatformFiles.write(chosen, out, force)) {
            spec.commandLine().getOut().println("wrote " + written.toAbsolutePath().normalize());
        }
        return 0;
    }
}
