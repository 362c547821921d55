package awaitlings.grader.report;

import awaitlings.grader.files.AtomicFile;
import awaitlings.grader.files.Folders;
import awaitlings.grader.model.ExerciseResult;
import awaitlings.grader.model.Format;
import awaitlings.grader.model.SubmissionResult;
import awaitlings.grader.report.platform.ClassroomReport;
import awaitlings.grader.report.platform.ExercismReport;
import awaitlings.grader.report.platform.GradescopeReport;
import awaitlings.grader.report.platform.JunitXmlReport;
import awaitlings.grader.report.platform.ResultJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes what a grading run produces, every file atomically ({@link AtomicFile}). Per submission, in
 * {@code DIR/<id>/}: {@code results.json} (Gradescope), {@code exercism.json}, {@code classroom.json} and
 * {@code junit/<exercise>.xml}, as selected, and always {@code awaitlings.json}, the full result, written last: its
 * presence marks the submission finished, so a killed batch resumes where it stopped. For the whole run, in
 * {@code DIR/}: {@code gradebook.csv} and {@code report.html}, as selected. The results folders of slices of one batch
 * are merged by copying each submission's folder as its slice wrote it, and writing the summaries over them all.
 */
public final class Outputs {

    /** The marker and full record of a finished submission. */
    static final String FINISHED = "awaitlings.json";
    static final String GRADEBOOK = "gradebook.csv";
    static final String REPORT = "report.html";

    private Outputs() {
    }

    /**
     * Writes the files of one graded submission into {@code outDir/<id>/}.
     *
     * @throws IllegalArgumentException if the id would leave {@code outDir} (empty, {@code ..}, a path)
     * @throws UncheckedIOException if a file cannot be written; the submission then does not count as finished
     */
    public static void writeSubmission(Path outDir, SubmissionResult result, Set<Format> formats) {
        Path folder = folderOf(outDir, result.id());
        try {
            // A regraded submission stops counting as finished until all of its new files are in place.
            Files.deleteIfExists(folder.resolve(FINISHED));
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + folder.resolve(FINISHED) + ": " + e.getMessage(), e);
        }
        if (formats.contains(Format.GRADESCOPE)) {
            AtomicFile.write(folder.resolve("results.json"), GradescopeReport.render(result));
        }
        if (formats.contains(Format.EXERCISM)) {
            AtomicFile.write(folder.resolve("exercism.json"), ExercismReport.render(result));
        }
        if (formats.contains(Format.CLASSROOM)) {
            AtomicFile.write(folder.resolve("classroom.json"), ClassroomReport.render(result));
        }
        if (formats.contains(Format.JUNIT)) {
            Instant now = Instant.now();
            for (ExerciseResult exercise : result.exercises()) {
                AtomicFile.write(folder.resolve("junit").resolve(exercise.exercise() + ".xml"),
                        JunitXmlReport.render(result, exercise, now, Host.NAME));
            }
        }
        AtomicFile.write(folder.resolve(FINISHED), ResultJson.write(result));
    }

    /**
     * The result of a submission a previous run finished, if it did: empty when {@code outDir/<id>/awaitlings.json}
     * is missing, does not read as a result (e.g. written by an older grader), or belongs to another id, so that the
     * submission is graded again.
     *
     * @throws UncheckedIOException if the file exists but cannot be read
     */
    public static Optional<SubmissionResult> readFinished(Path outDir, String id) {
        Path file = folderOf(outDir, id).resolve(FINISHED);
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
        try {
            SubmissionResult result = ResultJson.readResult(json);
            return result.id().equals(id) ? Optional.of(result) : Optional.empty();
        } catch (JsonProcessingException | RuntimeException e) {
            // Jackson reports a record it cannot build (a missing list, a null id) as a runtime exception too.
            return Optional.empty();
        }
    }

    /**
     * Writes {@code gradebook.csv} and {@code report.html} into {@code outDir}, as selected, for all submissions.
     *
     * @param exercises the course's exercises, in course order: the columns of both files
     * @throws UncheckedIOException if a file cannot be written
     */
    public static void writeSummary(Path outDir, List<SubmissionResult> all, List<String> exercises, Set<Format> formats) {
        if (formats.contains(Format.CSV)) {
            AtomicFile.write(outDir.resolve(GRADEBOOK), Gradebook.render(all, exercises));
        }
        if (formats.contains(Format.HTML)) {
            AtomicFile.write(outDir.resolve(REPORT), HtmlReport.render(all, exercises));
        }
    }

    /**
     * The ids of the submissions a grading run wrote into {@code outDir}, finished or not: its folders, by name, but
     * hidden ones.
     *
     * @throws IllegalArgumentException when {@code outDir} is not what a grading run writes: missing, a file, or a
     *                                  folder with neither a summary nor a finished submission in it
     * @throws UncheckedIOException if the folder cannot be read
     */
    public static List<String> submissionsIn(Path outDir) {
        if (!Files.isDirectory(outDir)) {
            String what = Files.exists(outDir) ? "not a results folder, but a file: " : "no such folder: ";
            throw new IllegalArgumentException(what + outDir);
        }
        List<String> ids;
        try (Stream<Path> children = Files.list(outDir)) {
            ids = children.filter(child -> Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS))
                    .map(child -> child.getFileName().toString()).filter(name -> !name.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + outDir + ": " + e.getMessage(), e);
        }
        boolean results = Files.isRegularFile(outDir.resolve(GRADEBOOK)) || Files.isRegularFile(outDir.resolve(REPORT))
                || ids.stream().anyMatch(id -> Files.isRegularFile(outDir.resolve(id).resolve(FINISHED)));
        if (!results) {
            throw new IllegalArgumentException("not a results folder: " + outDir + " (it has no " + GRADEBOOK + ", no " + REPORT
                    + " and no <id>/" + FINISHED + ")");
        }
        return ids;
    }

    /**
     * Copies the files of submission {@code id} from the results folder {@code fromDir} into {@code outDir}, byte for
     * byte, in place of what was there. Like {@link #writeSubmission}, the copy counts as finished only once whole.
     *
     * @throws UncheckedIOException if a file cannot be read or written
     */
    public static void copySubmission(Path fromDir, Path outDir, String id) {
        Path from = folderOf(fromDir, id);
        Path to = folderOf(outDir, id);
        try {
            Files.deleteIfExists(to.resolve(FINISHED));
            Folders.delete(to);
            List<Path> files;
            try (Stream<Path> walk = Files.walk(from)) {
                // A hidden file is a killed run's unfinished temporary one, not a result.
                files = walk.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                        .filter(file -> !file.getFileName().toString().startsWith(".") && !file.equals(from.resolve(FINISHED)))
                        .toList();
            }
            for (Path file : files) {
                AtomicFile.write(to.resolve(from.relativize(file).toString()), Files.readAllBytes(file));
            }
            AtomicFile.write(to.resolve(FINISHED), Files.readAllBytes(from.resolve(FINISHED)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    /** This machine's name, looked up once: a JUnit suite says where it ran. */
    private static final class Host {
        static final String NAME = lookUp();

        private static String lookUp() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "localhost"; // what the Ant schema asks for when the name cannot be found
            }
        }
    }

    private static Path folderOf(Path outDir, String id) {
        Path base = outDir.toAbsolutePath().normalize();
        Path folder = base.resolve(id).normalize();
        if (id.isBlank() || !base.equals(folder.getParent())) {
            throw new IllegalArgumentException("a submission id must be a plain file name, not \"" + id + "\"");
        }
        return folder;
    }
}
