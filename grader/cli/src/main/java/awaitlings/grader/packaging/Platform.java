package awaitlings.grader.packaging;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A platform the course plugs into, and the files that plug it in: each written from the template of the same
 * name under {@code packaging/<platform>/} in the grader's resources, to the path given here.
 */
public enum Platform {
    /** A GitHub Actions workflow for the student copy, grading each push and reporting to GitHub Classroom. */
    CLASSROOM(List.of(new File("classroom.yml", ".github/workflows/classroom.yml", false))),
    /** Exercism's test-runner interface: {@code bin/run.sh} and the image it runs in. */
    EXERCISM(List.of(new File("run.sh", "bin/run.sh", true), new File("Dockerfile", "Dockerfile", false))),
    /** Gradescope's autograder zip: {@code setup.sh}, {@code run_autograder} and the course (see {@link GradescopeZip}). */
    GRADESCOPE(List.of(new File("setup.sh", "setup.sh", true), new File("run_autograder", "run_autograder", true)));

    /** A template and where it goes in the output folder; an executable one is a script. */
    record File(String template, String path, boolean executable) {
    }

    private final List<File> files;

    Platform(List<File> files) {
        this.files = files;
    }

    List<File> files() {
        return files;
    }

    String folder() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The platform of a command-line name, in any case. */
    public static Platform named(String name) {
        return Arrays.stream(values()).filter(platform -> platform.folder().equalsIgnoreCase(name.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown platform \"" + name + "\"; known: " + known()));
    }

    private static String known() {
        return Arrays.stream(values()).map(Platform::folder).collect(Collectors.joining(", "));
    }
}
